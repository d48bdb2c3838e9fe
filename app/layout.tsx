import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: `${t("brand")} · ${t("programme")}`, template: `%s · ${t("brand")}` } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#b91c1c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const [t, messages] = await Promise.all([getTranslations("common"), getMessages()]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">{t("skipToContent")}</a>
        <NextIntlClientProvider messages={clientMessages(messages as Parameters<typeof clientMessages>[0])}>
          <SiteHeader />
          <main id="main" className="page">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
