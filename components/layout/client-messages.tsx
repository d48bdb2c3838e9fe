import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";

/**
 * Hands the client components below it the catalogue's namespaces they translate with, and no
 * more: each page wraps its content in one, naming what its client components use
 * (tests/unit/client-messages.test.ts checks each page's list against the components it reaches).
 * It sits in the page, not the root layout, because a layout is not rendered again when the
 * visitor moves to another page, and the next page's components may need other namespaces.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const all = (await getMessages()) as Parameters<typeof clientMessages>[0];
  return <NextIntlClientProvider messages={clientMessages(all, namespaces)}>{children}</NextIntlClientProvider>;
}
