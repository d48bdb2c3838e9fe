export const dynamic = "force-dynamic";

export default function BarePage() {
  return <p>bare page rendered at {new Date().toISOString()}</p>;
}
