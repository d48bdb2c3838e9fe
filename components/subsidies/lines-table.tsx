import { getTranslations } from "next-intl/server";
import type { LineRow, UnionNote } from "@/lib/subsidies/queries";
import { formatFen } from "@/lib/money/fen";
import { formatPeriod, formatRateMicros } from "@/components/subsidies/format";
import { QueryLineForm } from "@/components/subsidies/line-forms";

type Props = {
  lines: LineRow[];
  /** The centre may query lines of an OPEN batch: each line without an open query gets the form. */
  queryable?: { batchVersion: number } | null;
};

/** A batch's current lines: figures, subsidy and why none, the union check, queries and earlier versions. */
type Translate = (key: "none" | "periods" | "periodsChecked" | "untilNow" | "separator", values?: Record<string, string>) => string;

/** The union-standing check of a line in one sentence. */
function unionNoteText(u: Translate, note: UnionNote): string {
  const checkedOn = note.checkedOn ?? "—";
  if (note.periods.length === 0) return u("none", { checkedOn });
  const periods = note.periods.map((p) => `${p.from}–${p.to ?? u("untilNow")}`).join(u("separator"));
  return note.checkedOn ? u("periodsChecked", { periods, checkedOn }) : u("periods", { periods });
}

export async function LinesTable({ lines, queryable }: Props) {
  const [col, ex, flags, c, centre, u] = await Promise.all([
    getTranslations("subsidy.columns"),
    getTranslations("subsidy.exclusion"),
    getTranslations("subsidy.flags"),
    getTranslations("subsidy.common"),
    getTranslations("subsidy.centre"),
    getTranslations("subsidy.unionNote"),
  ]);
  if (lines.length === 0) return <p className="notice notice--info">{c("none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="lines-table">
        <thead>
          <tr>
            <th>{col("contractNo")}</th>
            <th>{col("enterprise")}</th>
            <th>{col("period")} / {col("paidOn")}</th>
            <th className="num">{col("balance")} / {col("rate")}</th>
            <th className="num">{col("interestDue")}</th>
            <th className="num">{col("interestPaid")}</th>
            <th className="num">{col("subsidy")}</th>
            <th>{col("query")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const open = l.query !== null && l.queryAnswer === null;
            return (
              <tr key={l.id} data-line-key={l.lineKey} className={open ? "is-overdue" : undefined}>
                <td style={{ whiteSpace: "nowrap" }}>
                  {l.contractNo}
                  {l.lineVersion > 1 ? <div><span className="badge">{c("version", { n: l.lineVersion })}</span></div> : null}
                </td>
                <td style={{ minWidth: "10rem" }}>
                  {l.enterpriseName}
                  {l.unionNote ? <div className="who" style={{ fontSize: ".8rem" }}>{unionNoteText(u, l.unionNote)}</div> : null}
                </td>
                <td style={{ whiteSpace: "nowrap" }}>
                  {formatPeriod(l.periodStart, l.periodEnd)}
                  <div className="who" style={{ fontSize: ".8rem" }}>{col("paidOn")} {l.paidOn ?? "—"}</div>
                </td>
                <td className="num" style={{ whiteSpace: "nowrap" }}>
                  {formatFen(l.balanceFen)}
                  <div className="who" style={{ fontSize: ".8rem" }}>{formatRateMicros(l.annualRateMicros)}</div>
                </td>
                <td className="num" style={{ whiteSpace: "nowrap" }}>{formatFen(l.interestDueFen)}</td>
                <td className="num" style={{ whiteSpace: "nowrap" }}>
                  {formatFen(l.interestPaidFen)}
                  {l.penaltyFen > 0n ? <div className="who" style={{ fontSize: ".8rem" }}>{col("penalty")} {formatFen(l.penaltyFen)}</div> : null}
                </td>
                <td className="num" style={{ whiteSpace: "nowrap" }}>
                  <strong>{formatFen(l.subsidyFen)}</strong>
                  {l.excludedReason ? <div><span className="badge badge--red">{ex(l.excludedReason)}</span></div> : null}
                  {l.overdue && l.excludedReason !== "OVERDUE" ? <div><span className="badge badge--amber">{flags("overdue")}</span></div> : null}
                  {l.extended && l.excludedReason !== "EXTENDED" ? <div><span className="badge badge--amber">{flags("extended")}</span></div> : null}
                </td>
                <td style={{ minWidth: "12rem" }}>
                  {l.query ? <div>问：{l.query}</div> : null}
                  {l.queryAnswer ? <div>答：{l.queryAnswer}</div> : open ? <span className="badge badge--amber">{centre("waiting")}</span> : null}
                  {l.previous.length ? (
                    <details>
                      <summary className="who">{c("previousVersions")}（{l.previous.length}）</summary>
                      <ul style={{ margin: ".3rem 0", paddingLeft: "1.1rem" }}>
                        {l.previous.map((p) => (
                          <li key={p.lineVersion}>
                            {c("version", { n: p.lineVersion })}：{col("interestPaid")} {formatFen(p.interestPaidFen)}，{col("subsidy")} {formatFen(p.subsidyFen)}
                            {p.excludedReason ? `（${ex(p.excludedReason)}）` : ""}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {queryable && !open ? (
                    <details>
                      <summary className="btn btn--link">{centre("query")}</summary>
                      <QueryLineForm lineId={l.id} batchVersion={queryable.batchVersion} />
                    </details>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
