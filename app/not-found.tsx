import { NotFoundContent } from "@/components/layout/error-words-context";

// Its words come from the root layout (components/layout/error-page-words.tsx), above every boundary.
export default function NotFound() {
  return <NotFoundContent />;
}
