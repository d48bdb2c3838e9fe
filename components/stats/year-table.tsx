import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { formatFen } from "@/lib/money/fen";
import type { ProgrammeFigures } from "@/lib/stats/queries";
import { YearTableView } from "@/components/stats/year-table-view";

/** One row per year, and a total row that equals the cumulative figures. */
export async function YearTable({ figures: f }: { figures: ProgrammeFigures }) {
  const [t, th, format] = await Promise.all([getTranslations("stats"), getTranslations("statsHistory"), getFormatter()]);
  if (f.years.length === 0) return <p className="notice notice--info">{t("noData")}</p>;
  const n = (value: number) => format.number(value);
  const columns = [t("yearApplications"), t("yearRenewals"), t("yearLoans"), t("yearLent"), t("yearSubsidy"), th("yearUnions"), th("yearMembers")] as const;
  const rows = [
    ...f.years.map((y) => ({ key: String(y.year), label: String(y.year), ...y, total: false })),
    { key: "total", label: t("total"), ...f, total: true },
  ];
  return (
    <YearTableView yearLabel={t("year")} columns={[...columns]}
      rows={rows.map((r) => ({
        key: r.key, label: r.label, total: r.total,
        cells: [n(r.applications), n(r.renewals), n(r.loans), formatFen(r.lentFen), formatFen(r.subsidyFen), n(r.unionsFounded), n(r.newMembers)],
      }))} />
  );
}
