import { insertAction, insertThenRedirectAction, noopAction } from "./actions";

export const dynamic = "force-dynamic";

// The page the bare actions are posted to; the forms are what put the actions into the build's manifest.
export default function ActionPage() {
  return (
    <>
      <form action={noopAction}>
        <button type="submit">no-op</button>
      </form>
      <form action={insertAction}>
        <button type="submit">insert</button>
      </form>
      <form action={insertThenRedirectAction}>
        <button type="submit">insert, then redirect</button>
      </form>
    </>
  );
}
