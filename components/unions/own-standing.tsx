import { getTranslations } from "next-intl/server";
import type { OwnStanding } from "@/lib/unions/queries";

/** The applicant's union standing for a loan: the subsidy counts only the days it covers. */
export async function OwnStandingPanel({ standing }: { standing: { records: OwnStanding[]; coversToday: boolean } }) {
  const [t, p] = await Promise.all([getTranslations("unions.own"), getTranslations("common.punct")]);
  return (
    <section aria-labelledby="own-standing">
      <h2 id="own-standing">{t("title")}</h2>
      {standing.coversToday ? null : <p className="notice notice--warn" role="status">{t("missing")}</p>}
      {standing.records.length ? (
        <ul data-testid="own-standing">
          {standing.records.map((r) => (
            <li key={`${r.validFrom}-${r.unionName}`}>{r.unionName}{r.memberCardNo ? p("paren", { text: r.memberCardNo }) : ""}{p("colon")}{r.validFrom} — {r.validTo ?? t("openEnded")}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
