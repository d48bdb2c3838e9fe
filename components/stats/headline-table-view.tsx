"use client";
import { Fragment, type CSSProperties } from "react";

// The cumulative figures' table as the page draws it. A client component only so that the page's
// payload carries its words and figures rather than every cell's markup again; it renders on the
// server.

// Row labels may wrap (long in English on a phone); each amount stays on one line.
const ROW: CSSProperties = { whiteSpace: "normal" };
const SUB_ROW: CSSProperties = { ...ROW, paddingLeft: "1.8rem", fontWeight: 400 };

/** One figure: its words, its value, and the same amount in other units (`also`); `sub` indents it under the row above. */
export type HeadlineRow = { key: string; label: string; value: string; sub?: boolean; also?: string[] };

export function HeadlineTableView({ item, valueLabel, rows }: { item: string; valueLabel: string; rows: HeadlineRow[] }) {
  return (
    <div className="table-wrap" style={{ maxWidth: "40rem" }}>
      <table className="table" data-testid="stats-headline">
        <thead>
          <tr>
            <th scope="col">{item}</th>
            <th scope="col" className="num">{valueLabel}</th>
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
