import type { CSSProperties, ReactNode } from "react";

/**
 * One column: its name, and what each row shows in it; `num` aligns figures right. `heading`
 * replaces the name in the header row (a hidden label over a column of checkboxes); a column
 * without a name (the row's buttons) has an empty header and no label on a phone.
 */
export type Column<Row> = {
  header: string;
  heading?: ReactNode;
  cell: (row: Row) => ReactNode;
  num?: boolean;
  /** A further class on the column's cells (a case code, a date kept on one line). */
  className?: string;
  style?: CSSProperties;
};

/** What a row carries besides its cells: a class, data attributes. */
type RowAttributes = { className?: string } & { [data: `data-${string}`]: string | undefined };

/**
 * A table of rows under named columns, or the `empty` notice when there are none. A stacked table
 * (`table--stack`) lays each row out as a card on a phone, every cell under its column's name.
 * Columns given as null or false are left out (a column only some readers see).
 */
export function DataTable<Row>({ rows, columns, rowKey, rowAttributes, empty, plainEmpty = false, testId, emptyTestId, stack = false, caption }: {
  rows: Row[];
  columns: (Column<Row> | null | false)[];
  rowKey: (row: Row) => string;
  rowAttributes?: (row: Row) => RowAttributes;
  empty: ReactNode;
  /** The empty line as plain text rather than a notice (the admin lists). */
  plainEmpty?: boolean;
  testId?: string;
  emptyTestId?: string;
  stack?: boolean;
  caption?: ReactNode;
}) {
  if (rows.length === 0) return <p className={plainEmpty ? undefined : "notice notice--info"} data-testid={emptyTestId}>{empty}</p>;
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  // Each cell's attributes, worked out once per column; an attribute a cell does not have is left
  // out rather than set to undefined, which the page's payload would spell out in every cell.
  const cellProps = shown.map((c) => {
    const className = [c.num ? "num" : "", c.className ?? ""].filter(Boolean).join(" ");
    return { ...(className ? { className } : {}), ...(c.style ? { style: c.style } : {}), ...(stack && c.header ? { "data-label": c.header } : {}) };
  });
  return (
    <div className="table-wrap">
      <table className={stack ? "table table--stack" : "table"} data-testid={testId}>
        {caption}
        <thead>
          <tr>{shown.map((c, i) => <th key={i} className={c.num ? "num" : undefined}>{c.heading ?? c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {shown.map((c, i) => <td key={i} {...cellProps[i]}>{c.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
