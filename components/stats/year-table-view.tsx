"use client";

// The years' table as the page draws it. A client component only so that the page's payload
// carries its words and figures rather than every cell's markup again; it renders on the server.

export type YearRow = { key: string; label: string; total: boolean; cells: string[] };

export function YearTableView({ yearLabel, columns, rows }: { yearLabel: string; columns: string[]; rows: YearRow[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--stack" data-testid="stats-years">
        <thead>
          <tr>
            <th scope="col">{yearLabel}</th>
            {columns.map((c) => <th key={c} scope="col" className="num">{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-year={r.key} style={r.total ? { fontWeight: 700 } : undefined}>
              <td data-label={yearLabel} style={{ fontWeight: 600 }}>{r.label}</td>
              {r.cells.map((cell, i) => <td key={i} className="num" data-label={columns[i]}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
