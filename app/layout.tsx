import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { ErrorPageWords } from "@/components/layout/error-page-words";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: `${t("brand")} · ${t("programme")}`, template: `%s · ${t("brand")}` } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#b91c1c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">{t("skipToContent")}</a>
        {/* No message catalogue here beyond the error page's words: each page hands its client components what they use (ClientMessages). */}
        <SiteHeader />
        <main id="main" className="page">
          <ErrorPageWords>{children}</ErrorPageWords>
        </main>
      </body>
    </html>
  );
}
