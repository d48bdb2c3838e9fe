import { noopAction } from "./actions";

export const dynamic = "force-dynamic";

// The page the no-op action is posted to; the form is what puts the action into the build's manifest.
export default function ActionPage() {
  return (
    <form action={noopAction}>
      <button type="submit">no-op</button>
    </form>
  );
}
