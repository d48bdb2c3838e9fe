"use client";

// A client component only so that the page's payload carries the table's words and figures (a list
// of strings) rather than every cell's markup again; it renders on the server as before.

/** A plain table: the first column is the row header, the others numbers (or `textColumns` of text). */
export function Table({ head, rows, testId, textColumns = 1 }: { head: string[]; rows: string[][]; testId: string; textColumns?: number }) {
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
