import { isValidCreditCode } from "@/lib/validation/identity";
import { readRows } from "@/lib/subsidies/statement-parser";
import { isIsoDate } from "@/lib/loans/schedule";
import { words, type Words } from "@/lib/i18n/words";
// The template's columns, as the unions' files carry them: input data, not words for a reader.
import rosterFormat from "@/lib/unions/roster-format.json" with { type: "json" };

// A union's membership roster (CSV or XLSX, the template's columns): every line checked on its
// own first; the import is all or nothing, with one report of every problem.

export const ROSTER_COLUMNS: readonly string[] = rosterFormat.columns;

export type RosterLine = { line: number; creditCode: string; unionName: string; memberCardNo: string; validFrom: string; validTo?: string };
/** What is wrong with a line (or the file, line 0): every problem of it, worded at the edge. */
export type RosterProblem = { line: number; messages: Words[] };

const problem = (key: string, values?: Record<string, string>): Words => words(`unions.roster.problems.${key}`, values);


export async function parseRoster(data: Uint8Array, today: string): Promise<{ lines: RosterLine[]; problems: RosterProblem[] }> {
  const rows = await readRows(data);
  if ("error" in rows) return { lines: [], problems: [{ line: 0, messages: [rows.error] }] };
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (!header || ROSTER_COLUMNS.some((c, i) => header.cells[i]?.trim() !== c)) {
    const columns = ROSTER_COLUMNS.join(rosterFormat.headerSeparator);
    return { lines: [], problems: [{ line: header?.line ?? 1, messages: [problem("header", { columns })] }] };
  }
  if (body.length === 0) return { lines: [], problems: [{ line: 0, messages: [problem("noRows")] }] };
  const lines: RosterLine[] = [];
  const problems: RosterProblem[] = [];
  for (const row of body) {
    const [creditCode = "", unionName = "", memberCardNo = "", validFrom = "", validTo = ""] = row.cells.map((c) => c.trim());
    const wrong: Words[] = [];
    if (!isValidCreditCode(creditCode.toUpperCase())) wrong.push(problem("creditCode"));
    if (unionName.length < 2 || unionName.length > 100) wrong.push(problem("unionName"));
    if (!/^[\w-]{1,40}$/.test(memberCardNo)) wrong.push(problem("memberCardNo"));
    if (!isIsoDate(validFrom)) wrong.push(problem("fromDate"));
    else if (validFrom > today) wrong.push(problem("fromFuture"));
    if (validTo && !isIsoDate(validTo)) wrong.push(problem("toDate"));
    else if (validTo && isIsoDate(validFrom) && validTo < validFrom) wrong.push(problem("toBeforeFrom"));
    if (wrong.length) problems.push({ line: row.line, messages: wrong });
    else lines.push({ line: row.line, creditCode: creditCode.toUpperCase(), unionName, memberCardNo, validFrom, validTo: validTo || undefined });
  }
  // Two lines of one enterprise may not overlap either.
  const byFirm = new Map<string, RosterLine[]>();
  for (const l of lines) byFirm.set(l.creditCode, [...(byFirm.get(l.creditCode) ?? []), l]);
  for (const group of byFirm.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i]!, group[j]!];
        if (a.validFrom <= (b.validTo ?? "9999-12-31") && b.validFrom <= (a.validTo ?? "9999-12-31")) {
          problems.push({ line: b.line, messages: [problem("overlapInFile", { line: String(a.line) })] });
        }
      }
    }
  }
  return { lines, problems: problems.sort((x, y) => x.line - y.line) };
}

export const rosterTemplateCsv = (): string => `\uFEFF${ROSTER_COLUMNS.join(",")}\n${rosterFormat.templateExample.join(",")}\n`;
