import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { clientMessages, ERROR_PAGE_WORDS } from "@/lib/i18n/client-messages";

type Messages = Parameters<typeof clientMessages>[0];

// Picked once per language: the catalogue of a language is one object for the server's life.
const picked = new Map<string, Messages>();

/**
 * Hands the page error boundary (app/error.tsx) its words: it sits in the root layout, above
 * every page's ClientMessages. These words depend on the language only, and a change of language
 * renders the layout again, so a client-side move to another page cannot leave them stale.
 */
export async function ErrorPageWords({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  let messages = picked.get(locale);
  if (!messages) {
    messages = clientMessages((await getMessages()) as Messages, ERROR_PAGE_WORDS);
    picked.set(locale, messages);
  }
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
