import { getTranslations } from "next-intl/server";

/** A statistics page whose snapshot is not there yet: says so, and comes back by itself. */
export async function StatisticsPreparing({ href }: { href: string }) {
  const t = await getTranslations("stats");
  return (
    <>
      {/* Hoisted into the head by React: the page looks again in 15 seconds. */}
      <meta httpEquiv="refresh" content="15" />
      <h1>{t("title")}</h1>
      <p className="notice notice--info" role="status" data-testid="stats-preparing">{t("preparing")}</p>
      <p><a href={href} className="btn btn--secondary">{t("refresh")}</a></p>
    </>
  );
}
