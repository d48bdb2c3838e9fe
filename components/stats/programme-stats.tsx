import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { formatFenPlain } from "@/lib/money/fen";
import { BEIJING_TIME_ZONE, beijingNoon } from "@/lib/calendar/beijing";
import { fenToWanYuan } from "@/lib/stats/format";
import type { ProgrammeFigures } from "@/lib/stats/queries";
import { AsOfForm } from "@/components/stats/as-of-form";
import { HeadlineTable } from "@/components/stats/headline-table";
import { YearTable } from "@/components/stats/year-table";

/** The statistics page's content, shared by the centre's and the auditors' sections. */
export async function ProgrammeStats({ figures: f, action, today, invalidDate, computedAt }: {
  figures: ProgrammeFigures;
  action: string;
  today: string;
  invalidDate: boolean;
  /** When the stored snapshot these figures come from was computed. */
  computedAt: Date;
}) {
  const [t, th, format] = await Promise.all([getTranslations("stats"), getTranslations("statsHistory"), getFormatter()]);
  const date = format.dateTime(beijingNoon(f.asOf), { dateStyle: "long" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p className="who" data-testid="stats-computed-at">
        {t("computedAt", { time: format.dateTime(computedAt, { dateStyle: "long", timeStyle: "short", timeZone: BEIJING_TIME_ZONE }) })}
      </p>
      {invalidDate ? <p className="notice notice--warn" role="alert" style={{ marginBottom: "1rem" }}>{t("invalidDate")}</p> : null}
      <AsOfForm action={action} asOf={f.asOf} today={today} />
      <h2>{t("headlineTitle", { date })}</h2>
      <HeadlineTable figures={f} />
      <p className="notice notice--info" style={{ marginTop: "1rem" }} data-testid="stats-sentence">
        {t("sentence", {
          date,
          applications: f.applications,
          renewals: f.renewals,
          funded: f.enterprisesFunded,
          renewing: f.renewingEnterprises,
          lentWan: fenToWanYuan(f.lentFen),
          lentYuan: formatFenPlain(f.lentFen),
          subsidised: f.enterprisesSubsidised,
          subsidy: formatFenPlain(f.subsidyFen),
        })}
      </p>
      <h2>{t("yearsTitle")}</h2>
      <p className="who">{t("yearsNote")}</p>
      <YearTable figures={f} />
      <h2>{t("definitionsTitle")}</h2>
      <ul className="who" style={{ margin: 0, paddingLeft: "1.2rem" }}>
        <li>{t("definitionApplications")}</li>
        <li>{t("definitionLoans")}</li>
        <li>{t("definitionSubsidy")}</li>
        <li>{th("definitionUnions")}</li>
        <li>{th("definitionHistorical")}</li>
        <li>{t("definitionAsOf")}</li>
      </ul>
    </>
  );
}
