import type { CSSProperties, ReactNode } from "react";

// The layout the insight section shares: a chart with its table beside it (stacked on a phone).
export const SIDE_BY_SIDE: CSSProperties = { display: "flex", flexWrap: "wrap", gap: "1rem 2rem", alignItems: "flex-start", margin: ".5rem 0 1.5rem" };
export const CHART_BOX: CSSProperties = { flex: "1 1 30rem", minWidth: 0 };
export const TABLE_BOX: CSSProperties = { flex: "1 1 20rem", minWidth: 0 };

/** A plain table: the first column is the row header, the others numbers (or `textColumns` of text). */
export function Table({ head, rows, testId, textColumns = 1 }: { head: string[]; rows: ReactNode[][]; testId: string; textColumns?: number }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>{head.map((h, i) => <th key={i} scope="col" className={i < textColumns ? undefined : "num"}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => j === 0
                ? <th key={j} scope="row" style={{ whiteSpace: "normal", minWidth: "6.5em", fontWeight: 600 }}>{cell}</th>
                : <td key={j} className={j < textColumns ? undefined : "num"}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
