import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The way from an organisation's home to its loans (the portfolio). */
export async function PortfolioLink({ href }: { href: string }) {
  const t = await getTranslations("portfolio");
  return <Link href={href} className="btn btn--secondary btn--small">{t("link")}</Link>;
}
