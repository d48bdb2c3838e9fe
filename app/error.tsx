"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useContext, useTransition } from "react";
import { UNAVAILABLE_DIGEST } from "@/lib/errors";
import { ErrorWordsContext } from "@/components/layout/error-words-context";

// What a page shows when its server rendering failed. Next hands this boundary only the error's
// digest; a failure to reach the database carries a known one (lib/errors.ts), so the reader is
// told that nothing was done and to try again, in their language (the root layout hands these
// words over). "Try again" asks the server for the page afresh; "back to home" is always there.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useContext(ErrorWordsContext)!;
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  const unavailable = error.digest === UNAVAILABLE_DIGEST;
  const retry = () => startRetry(() => {
    router.refresh();
    reset();
  });
  return (
    <section className="card page--narrow" role="alert" data-testid={unavailable ? "try-again" : "page-error"}>
      <h1>{unavailable ? words.unavailableTitle : words.unexpectedTitle}</h1>
      <p>{unavailable ? words.unavailable : words.unexpected}</p>
      <p>
        <button type="button" className="btn" onClick={retry} disabled={retrying}>{words.tryAgain}</button>{" "}
        <Link href="/" className="btn btn--secondary">{words.backHome}</Link>
      </p>
    </section>
  );
}
