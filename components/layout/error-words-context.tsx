"use client";

import { createContext, type ReactNode } from "react";

/** The page error boundary's words in the reader's language (components/layout/error-page-words.tsx). */
export type ErrorWords = {
  unavailableTitle: string;
  unavailable: string;
  unexpectedTitle: string;
  unexpected: string;
  tryAgain: string;
  backHome: string;
};

// A plain React context, not next-intl's client provider: the boundary is part of every route's
// JavaScript, and these six strings need no message formatting in the browser.
export const ErrorWordsContext = createContext<ErrorWords | null>(null);

export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <ErrorWordsContext value={words}>{children}</ErrorWordsContext>;
}
