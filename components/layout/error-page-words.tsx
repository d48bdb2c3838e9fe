import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ERRORS_NAMESPACE, messageKeyOf } from "@/lib/errors";
import { ErrorWordsProvider, type ErrorWords } from "@/components/layout/error-words-context";

// Worded once per language: the catalogue of a language does not change while the server runs.
const worded = new Map<string, ErrorWords>();

/**
 * Hands the page error boundary (app/error.tsx) and the not-found page (app/not-found.tsx) their
 * words: it sits in the root layout, above every page's ClientMessages and every boundary. These words depend on the language only, and a change of language
 * renders the layout again, so a client-side move to another page cannot leave them stale.
 */
export async function ErrorPageWords({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  let words = worded.get(locale);
  if (!words) {
    const [page, errors, common] = await Promise.all([getTranslations("errorPage"), getTranslations(ERRORS_NAMESPACE), getTranslations("common")]);
    words = {
      unavailableTitle: page("unavailableTitle"),
      unavailable: errors(messageKeyOf("UNAVAILABLE")),
      unexpectedTitle: page("unexpectedTitle"),
      unexpected: errors(messageKeyOf("UNEXPECTED")),
      tryAgain: page("tryAgain"),
      backHome: page("backHome"),
      notFoundTitle: common("notFoundTitle"),
      notFoundBody: common("notFoundBody"),
    };
    worded.set(locale, words);
  }
  return <ErrorWordsProvider words={words}>{children}</ErrorWordsProvider>;
}
