import { fenToYuanString } from "@/lib/money/fen";
import { fenToWanYuan } from "@/lib/stats/format";
import type { ProgrammeFigures } from "@/lib/stats/queries";
import type { RootTranslator } from "@/lib/i18n/words";

// The figures as CSV with the headings in the reader's language (the catalogue's `stats.csv`):
// UTF-8 with a BOM so Excel reads it, CRLF line ends, amounts as plain numbers (no symbol, no
// separators) so they stay numbers.

const cell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const row = (...cells: (string | number)[]): string => cells.map(cell).join(",");

export function programmeFiguresCsv(f: ProgrammeFigures, t: RootTranslator): string {
  const h = (key: string, values?: Record<string, string>) => t(`stats.csv.${key}`, values);
  const lines = [
    row(h("title"), h("asOf", { day: f.asOf })),
    row(h("item"), h("value")),
    row(h("applications"), f.applications),
    row(h("renewals"), f.renewals),
    row(h("enterprisesFunded"), f.enterprisesFunded),
    row(h("renewingEnterprises"), f.renewingEnterprises),
    row(h("loans"), f.loans),
    row(h("lentWan"), fenToWanYuan(f.lentFen, { grouping: false })),
    row(h("lentYuan"), fenToYuanString(f.lentFen)),
    row(h("enterprisesSubsidised"), f.enterprisesSubsidised),
    row(h("subsidyYuan"), fenToYuanString(f.subsidyFen)),
    row(h("unionsFounded"), f.unionsFounded),
    row(h("newMembers"), f.newMembers),
    "",
    row(h("year"), h("yearApplications"), h("yearRenewals"), h("yearLoans"), h("yearLent"), h("yearSubsidy"), h("unionsFounded"), h("newMembers")),
    ...f.years.map((y) => row(y.year, y.applications, y.renewals, y.loans, fenToYuanString(y.lentFen), fenToYuanString(y.subsidyFen), y.unionsFounded, y.newMembers)),
    row(h("total"), f.applications, f.renewals, f.loans, fenToYuanString(f.lentFen), fenToYuanString(f.subsidyFen), f.unionsFounded, f.newMembers),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export const programmeFiguresFileName = (asOf: string, t: RootTranslator): string => `${t("stats.csv.fileName", { day: asOf })}.csv`;
