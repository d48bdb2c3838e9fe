import { isValidCreditCode } from "@/lib/validation/identity";
import { readRows } from "@/lib/subsidies/statement-parser";
import { isIsoDate } from "@/lib/loans/schedule";

// A union's membership roster (CSV or XLSX, the template's columns): every line checked on its
// own first; the import is all or nothing, with one report of every problem.

export const ROSTER_COLUMNS = ["统一社会信用代码", "工会名称", "会员证号", "会籍有效期起", "会籍有效期止"] as const;

export type RosterLine = { line: number; creditCode: string; unionName: string; memberCardNo: string; validFrom: string; validTo?: string };
export type RosterProblem = { line: number; message: string };


export async function parseRoster(data: Uint8Array, today: string): Promise<{ lines: RosterLine[]; problems: RosterProblem[] }> {
  const rows = await readRows(data);
  if ("error" in rows) return { lines: [], problems: [{ line: 0, message: rows.error }] };
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (!header || ROSTER_COLUMNS.some((c, i) => header.cells[i]?.trim() !== c)) {
    return { lines: [], problems: [{ line: header?.line ?? 1, message: `表头应为：${ROSTER_COLUMNS.join("，")}（请使用下载的模板）` }] };
  }
  if (body.length === 0) return { lines: [], problems: [{ line: 0, message: "文件中没有数据行" }] };
  const lines: RosterLine[] = [];
  const problems: RosterProblem[] = [];
  for (const row of body) {
    const [creditCode = "", unionName = "", memberCardNo = "", validFrom = "", validTo = ""] = row.cells.map((c) => c.trim());
    const wrong: string[] = [];
    if (!isValidCreditCode(creditCode.toUpperCase())) wrong.push("统一社会信用代码无效（校验位不符）");
    if (unionName.length < 2 || unionName.length > 100) wrong.push("工会名称应为 2 至 100 个字");
    if (!/^[\w-]{1,40}$/.test(memberCardNo)) wrong.push("会员证号只能包含字母、数字和连字符");
    if (!isIsoDate(validFrom)) wrong.push("会籍有效期起应为 YYYY-MM-DD 格式的日期");
    else if (validFrom > today) wrong.push("会籍有效期起不能晚于今天");
    if (validTo && !isIsoDate(validTo)) wrong.push("会籍有效期止应为 YYYY-MM-DD 格式的日期");
    else if (validTo && isIsoDate(validFrom) && validTo < validFrom) wrong.push("会籍有效期止不能早于起始日期");
    if (wrong.length) problems.push({ line: row.line, message: wrong.join("；") });
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
          problems.push({ line: b.line, message: `与第 ${a.line} 行同一企业的会籍期间重叠` });
        }
      }
    }
  }
  return { lines, problems: problems.sort((x, y) => x.line - y.line) };
}

export const rosterTemplateCsv = (): string => `\uFEFF${ROSTER_COLUMNS.join(",")}\n91110105MA01ABCD13,某某企业工会,GH-0001,2025-01-01,\n`;
