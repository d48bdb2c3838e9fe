import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The link to the statistics page, for a section's row of links. */
export async function StatsLink({ href }: { href: string }) {
  const t = await getTranslations("stats");
  return <Link href={href} className="btn btn--secondary btn--small">{t("link")}</Link>;
}

/** The same link in its own row, for a page that has no row of section links yet. */
export async function StatsNav({ href }: { href: string }) {
  const t = await getTranslations("stats");
  return (
    <nav className="actions section-links" aria-label={t("navLabel")}>
      <StatsLink href={href} />
    </nav>
  );
}
