import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { DataTable, type Column } from "@/components/ui/data-table";

type Loan = { id: string; contractNo: string; fen: number };
const rows: Loan[] = [{ id: "a", contractNo: "HT-1", fen: 100 }, { id: "b", contractNo: "HT-2", fen: 250 }];
const columns: (Column<Loan> | null)[] = [
  { header: "合同号", className: "case-code", cell: (r) => r.contractNo },
  null,
  { header: "本金", num: true, cell: (r) => String(r.fen) },
  { header: "", cell: (r) => createElement("button", null, `撤销 ${r.id}`) },
];
const html = (props: Partial<Parameters<typeof DataTable<Loan>>[0]>) =>
  renderToStaticMarkup(createElement(DataTable<Loan>, { rows, columns, rowKey: (r: Loan) => r.id, empty: "暂无", ...props }));

describe("the shared table", () => {
  it("says so when there are no rows: a notice, or a plain line", () => {
    expect(html({ rows: [], emptyTestId: "loans" })).toBe('<p class="notice notice--info" data-testid="loans">暂无</p>');
    expect(html({ rows: [], plainEmpty: true })).toBe("<p>暂无</p>");
  });

  it("heads the shown columns and fills a row each, figures to the right", () => {
    const out = html({ testId: "loans" });
    expect(out).toContain('<table class="table" data-testid="loans"><thead><tr><th>合同号</th><th class="num">本金</th><th></th></tr></thead>');
    expect(out).toContain('<tr><td class="case-code">HT-1</td><td class="num">100</td><td><button>撤销 a</button></td></tr>');
    expect(out).not.toContain("data-label");
  });

  it("labels a stacked table's cells with their column, except the unnamed one, and carries row attributes", () => {
    const out = html({ stack: true, rowAttributes: (r) => ({ "data-contract": r.contractNo, className: r.fen > 200 ? "is-overdue" : undefined }) });
    expect(out).toContain('<table class="table table--stack">');
    expect(out).toContain('<tr data-contract="HT-2" class="is-overdue"><td class="case-code" data-label="合同号">HT-2</td><td class="num" data-label="本金">250</td><td><button>');
  });
});
