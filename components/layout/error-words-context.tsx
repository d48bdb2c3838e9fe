"use client";

import Link from "next/link";
import { createContext, useContext, type ReactNode } from "react";

/**
 * The boundaries' words in the reader's language (components/layout/error-page-words.tsx): the page
 * error boundary's (app/error.tsx) and the not-found page's (app/not-found.tsx).
 */
export type ErrorWords = {
  unavailableTitle: string;
  unavailable: string;
  unexpectedTitle: string;
  unexpected: string;
  tryAgain: string;
  backHome: string;
  notFoundTitle: string;
  notFoundBody: string;
};

// A plain React context, not next-intl's client provider: the boundary is part of every route's
// JavaScript, and these few strings need no message formatting in the browser.
export const ErrorWordsContext = createContext<ErrorWords | null>(null);

export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <ErrorWordsContext value={words}>{children}</ErrorWordsContext>;
}

/**
 * The not-found page's content. Next renders a segment's not-found content ahead, into every page's
 * payload (once for the root and once for the first route group), in case the page calls
 * notFound(): as a client component here, that is a reference of a few bytes each time, and its
 * words come once with the error boundary's, instead of a translated server tree per boundary.
 */
export function NotFoundContent() {
  const words = useContext(ErrorWordsContext)!;
  return (
    <section className="card page--narrow">
      <h1>{words.notFoundTitle}</h1>
      <p>{words.notFoundBody}</p>
      <Link href="/" className="btn btn--secondary">{words.backHome}</Link>
    </section>
  );
}
