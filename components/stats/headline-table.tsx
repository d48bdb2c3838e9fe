import { Fragment, type CSSProperties, type ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatFen, formatFenPlain } from "@/lib/money/fen";
import { fenToWanYuan } from "@/lib/stats/format";
import type { ProgrammeFigures } from "@/lib/stats/queries";

// Row labels may wrap (long in English on a phone); each amount stays on one line.
const ROW: CSSProperties = { whiteSpace: "normal" };
const SUB_ROW: CSSProperties = { ...ROW, paddingLeft: "1.8rem", fontWeight: 400 };

/** The cumulative figures, one per row, in the order and units the programme publishes them. */
export async function HeadlineTable({ figures: f }: { figures: ProgrammeFigures }) {
  const [t, th, format] = await Promise.all([getTranslations("stats"), getTranslations("statsHistory"), getFormatter()]);
  const n = (value: number) => format.number(value);
  const rows: { key: string; label: string; value: ReactNode; sub?: boolean; also?: string[] }[] = [
    { key: "applications", label: t("applications"), value: n(f.applications) },
    { key: "renewals", label: t("renewals"), value: n(f.renewals), sub: true },
    { key: "enterprisesFunded", label: t("enterprisesFunded"), value: n(f.enterprisesFunded) },
    { key: "renewingEnterprises", label: t("renewingEnterprises"), value: n(f.renewingEnterprises), sub: true },
    { key: "lent", label: t("lent"), value: fenToWanYuan(f.lentFen), also: [formatFen(f.lentFen)] },
    { key: "enterprisesSubsidised", label: t("enterprisesSubsidised"), value: n(f.enterprisesSubsidised) },
    { key: "subsidy", label: t("subsidy"), value: formatFenPlain(f.subsidyFen), also: [formatFen(f.subsidyFen), t("wan", { amount: fenToWanYuan(f.subsidyFen) })] },
    { key: "unionsFounded", label: th("unionsFounded"), value: n(f.unionsFounded) },
    { key: "newMembers", label: th("newMembers"), value: n(f.newMembers) },
  ];
  return (
    <div className="table-wrap" style={{ maxWidth: "40rem" }}>
      <table className="table" data-testid="stats-headline">
        <thead>
          <tr>
            <th scope="col">{t("item")}</th>
            <th scope="col" className="num">{t("value")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-figure={r.key}>
              <th scope="row" style={r.sub ? SUB_ROW : ROW}>{r.label}</th>
              <td className="num">
                <span style={{ fontWeight: r.sub ? 400 : 700, fontSize: r.sub ? undefined : "1.05rem" }}>{r.value}</span>
                {r.also ? (
                  <div className="who">
                    {r.also.map((part, i) => <Fragment key={part}>{i > 0 ? " · " : null}<span style={{ whiteSpace: "nowrap" }}>{part}</span></Fragment>)}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
