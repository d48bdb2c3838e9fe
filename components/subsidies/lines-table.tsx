import { getTranslations } from "next-intl/server";
import type { LineRow, UnionNote } from "@/lib/subsidies/queries";
import { formatFen } from "@/lib/money/fen";
import { formatPeriod, formatRateMicros } from "@/components/subsidies/format";
import { QueryLineForm } from "@/components/subsidies/line-forms";
import { DataTable } from "@/components/ui/data-table";

type Props = {
  lines: LineRow[];
  /** The centre may query lines of an OPEN batch: each line without an open query gets the form. */
  queryable?: { batchVersion: number } | null;
};

type Translate = (key: "none" | "periods" | "periodsChecked" | "untilNow" | "separator", values?: Record<string, string>) => string;

/** The union-standing check of a line in one sentence. */
function unionNoteText(u: Translate, note: UnionNote): string {
  const checkedOn = note.checkedOn ?? "—";
  if (note.periods.length === 0) return u("none", { checkedOn });
  const periods = note.periods.map((p) => `${p.from}–${p.to ?? u("untilNow")}`).join(u("separator"));
  return note.checkedOn ? u("periodsChecked", { periods, checkedOn }) : u("periods", { periods });
}

/** A batch's current lines: figures, subsidy and why none, the union check, queries and earlier versions. */
export async function LinesTable({ lines, queryable }: Props) {
  const [col, ex, flags, c, centre, u, p] = await Promise.all([
    getTranslations("subsidy.columns"),
    getTranslations("subsidy.exclusion"),
    getTranslations("subsidy.flags"),
    getTranslations("subsidy.common"),
    getTranslations("subsidy.centre"),
    getTranslations("subsidy.unionNote"),
    getTranslations("common.punct"),
  ]);
  const nowrap = { whiteSpace: "nowrap" } as const;
  const small = { fontSize: ".8rem" } as const;
  const isOpen = (l: LineRow) => l.query !== null && l.queryAnswer === null;
  return (
    <DataTable rows={lines} rowKey={(l) => l.id} empty={c("none")} testId="lines-table"
      rowAttributes={(l) => ({ "data-line-key": l.lineKey, className: isOpen(l) ? "is-overdue" : undefined })}
      columns={[
        {
          header: col("contractNo"),
          style: nowrap,
          cell: (l) => (
            <>
              {l.contractNo}
              {l.lineVersion > 1 ? <div><span className="badge">{c("version", { n: l.lineVersion })}</span></div> : null}
            </>
          ),
        },
        {
          header: col("enterprise"),
          style: { minWidth: "10rem" },
          cell: (l) => (
            <>
              {l.enterpriseName}
              {l.unionNote ? <div className="who" style={small}>{unionNoteText(u, l.unionNote)}</div> : null}
            </>
          ),
        },
        {
          header: `${col("period")} / ${col("paidOn")}`,
          style: nowrap,
          cell: (l) => (
            <>
              {formatPeriod(l.periodStart, l.periodEnd)}
              <div className="who" style={small}>{col("paidOn")} {l.paidOn ?? "—"}</div>
            </>
          ),
        },
        {
          header: `${col("balance")} / ${col("rate")}`,
          num: true,
          style: nowrap,
          cell: (l) => (
            <>
              {formatFen(l.balanceFen)}
              <div className="who" style={small}>{formatRateMicros(l.annualRateMicros)}</div>
            </>
          ),
        },
        { header: col("interestDue"), num: true, style: nowrap, cell: (l) => formatFen(l.interestDueFen) },
        {
          header: col("interestPaid"),
          num: true,
          style: nowrap,
          cell: (l) => (
            <>
              {formatFen(l.interestPaidFen)}
              {l.penaltyFen > 0n ? <div className="who" style={small}>{col("penalty")} {formatFen(l.penaltyFen)}</div> : null}
            </>
          ),
        },
        {
          header: col("subsidy"),
          num: true,
          style: nowrap,
          cell: (l) => (
            <>
              <strong>{formatFen(l.subsidyFen)}</strong>
              {l.excludedReason ? <div><span className="badge badge--red">{ex(l.excludedReason)}</span></div> : null}
              {l.overdue && l.excludedReason !== "OVERDUE" ? <div><span className="badge badge--amber">{flags("overdue")}</span></div> : null}
              {l.extended && l.excludedReason !== "EXTENDED" ? <div><span className="badge badge--amber">{flags("extended")}</span></div> : null}
            </>
          ),
        },
        {
          header: col("query"),
          style: { minWidth: "12rem" },
          cell: (l) => (
            <>
              {l.query ? <div>{centre("asked", { text: l.query })}</div> : null}
              {l.queryAnswer ? <div>{centre("answered", { text: l.queryAnswer })}</div> : isOpen(l) ? <span className="badge badge--amber">{centre("waiting")}</span> : null}
              {l.previous.length ? (
                <details>
                  <summary className="who">{c("previousVersions")}{p("paren", { text: String(l.previous.length) })}</summary>
                  <ul style={{ margin: ".3rem 0", paddingLeft: "1.1rem" }}>
                    {l.previous.map((v) => (
                      <li key={v.lineVersion}>
                        {c("version", { n: v.lineVersion })}{p("colon")}{col("interestPaid")} {formatFen(v.interestPaidFen)}{p("list")}{col("subsidy")} {formatFen(v.subsidyFen)}
                        {v.excludedReason ? p("paren", { text: ex(v.excludedReason) }) : ""}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {queryable && !isOpen(l) ? (
                <details>
                  <summary className="btn btn--link">{centre("query")}</summary>
                  <QueryLineForm lineId={l.id} batchVersion={queryable.batchVersion} />
                </details>
              ) : null}
            </>
          ),
        },
      ]} />
  );
}
