import { getFormatter, getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/money/fen";
import type { ProgrammeFigures } from "@/lib/stats/queries";

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
    <div className="table-wrap">
      <table className="table table--stack" data-testid="stats-years">
        <thead>
          <tr>
            <th scope="col">{t("year")}</th>
            {columns.map((c) => <th key={c} scope="col" className="num">{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-year={r.key} style={r.total ? { fontWeight: 700 } : undefined}>
              <td data-label={t("year")} style={{ fontWeight: 600 }}>{r.label}</td>
              <td className="num" data-label={columns[0]}>{n(r.applications)}</td>
              <td className="num" data-label={columns[1]}>{n(r.renewals)}</td>
              <td className="num" data-label={columns[2]}>{n(r.loans)}</td>
              <td className="num" data-label={columns[3]}>{formatFen(r.lentFen)}</td>
              <td className="num" data-label={columns[4]}>{formatFen(r.subsidyFen)}</td>
              <td className="num" data-label={columns[5]}>{n(r.unionsFounded)}</td>
              <td className="num" data-label={columns[6]}>{n(r.newMembers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
