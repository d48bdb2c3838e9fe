import { isValidCreditCode } from "@/lib/validation/identity";
import type { Words } from "@/lib/i18n/words";
import { addMonthsClamped, isIsoDate } from "@/lib/loans/schedule";
import { parseYuanToFen } from "@/lib/money/fen";
import { foundingProblems } from "@/lib/unions/founding";

// A file of the programme's years before the portal: one line per application, with its loan, the
// interest subsidy paid on that loan, and the union the enterprise set up (on one line of that
// enterprise). Pure: the import service (lib/history/services/import-history.ts), the demo's
// generator and the tests share it. Problems are codes with parameters; pages translate them
// (messages: history.problems).

export const HISTORY_COLUMNS = [
  "credit_code", "enterprise_name", "enterprise_founded_on", "representative",
  "submitted_on", "kind", "disbursed_on", "amount_yuan", "term_months", "annual_rate_percent",
  "subsidy_paid", "union_founded_on", "union_name", "union_members",
] as const;

export const MAX_HISTORY_ROWS = 20_000;
export const MAX_TERM_MONTHS = 60;

export type HistorySubsidy = { paidOn: string; amountFen: bigint };
export type HistoryLoan = { disbursedOn: string; amountFen: bigint; termMonths: number; annualRateMicros: number; maturityOn: string };
export type HistoryUnion = { foundedOn: string; unionName: string; memberCount: number };

export type HistoryLine = {
  line: number;
  creditCode: string;
  enterpriseName: string;
  enterpriseFoundedOn: string;
  representative: string;
  submittedOn: string;
  kind: "NEW" | "RENEWAL";
  loan: HistoryLoan | null;
  subsidies: HistorySubsidy[];
  union: HistoryUnion | null;
};

export type HistoryProblemCode =
  | "FILE" | "HEADER" | "EMPTY" | "TOO_MANY_ROWS"
  | "CREDIT_CODE" | "ENTERPRISE_NAME" | "ENTERPRISE_FOUNDED_ON" | "REPRESENTATIVE"
  | "SUBMITTED_ON" | "SUBMITTED_BEFORE_FOUNDED" | "KIND"
  | "LOAN_INCOMPLETE" | "DISBURSED_ON" | "DISBURSED_BEFORE_SUBMITTED" | "AMOUNT" | "TERM" | "RATE"
  | "SUBSIDY_FORMAT" | "SUBSIDY_WITHOUT_LOAN" | "SUBSIDY_OUTSIDE_LOAN" | "SUBSIDY_TWICE_ON_A_DAY"
  | "UNION_INCOMPLETE" | "UNION_DATE" | "UNION_FUTURE" | "UNION_BEFORE_ENTERPRISE" | "UNION_MEMBERS" | "UNION_NAME"
  | "FUTURE_DATE"
  | "DUPLICATE_LINE" | "ENTERPRISE_MISMATCH" | "UNION_TWICE" | "RENEWAL_WITHOUT_LOAN"
  | "ALREADY_RECORDED" | "ALREADY_FOUNDED" | "CONTRACT_TAKEN";

/** `detail`: what the file reader said of a file it could not read, worded with the problem. */
export type HistoryProblem = { line: number; code: HistoryProblemCode; params?: Record<string, string | number>; detail?: Words };

const safeText = (v: string, max: number) => v.length >= 2 && v.length <= max && !/[<>\u0000-\u001F]/.test(v);

const money = (text: string): bigint | null => {
  try {
    return parseYuanToFen(text);
  } catch {
    return null;
  }
};

/** "4.35" → 43_500 micros (of a unit: 4.35 % a year); null when not a plain percentage. */
export function parseRatePercent(text: string): number | null {
  const m = /^(\d{1,2})(?:\.(\d{1,4}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 10_000 + Number((m[2] ?? "").padEnd(4, "0"));
}

/** "2019-03-28=1234.56;2019-06-28=987.00" → payments; null when malformed. */
export function parseSubsidies(text: string): HistorySubsidy[] | null {
  if (text.trim() === "") return [];
  const out: HistorySubsidy[] = [];
  for (const part of text.split(/[;；]/).map((p) => p.trim()).filter(Boolean)) {
    const [day = "", amount = ""] = part.split("=").map((p) => p.trim());
    const fen = money(amount);
    if (!isIsoDate(day) || fen === null || fen <= 0n) return null;
    out.push({ paidOn: day, amountFen: fen });
  }
  return out;
}

/** One data row on its own: the line, or every problem it has. */
export function parseHistoryRow(line: number, cells: string[], today: string): { line: HistoryLine } | { problems: HistoryProblem[] } {
  const [creditCodeRaw = "", enterpriseName = "", foundedOn = "", representative = "", submittedOn = "", kindRaw = "",
    disbursedOn = "", amount = "", term = "", rate = "", subsidyText = "", unionFoundedOn = "", unionName = "", unionMembers = ""] = cells.map((c) => c.trim());
  const p: HistoryProblem[] = [];
  const add = (code: HistoryProblemCode, params?: HistoryProblem["params"]) => p.push({ line, code, ...(params ? { params } : {}) });
  const creditCode = creditCodeRaw.toUpperCase();
  if (!isValidCreditCode(creditCode)) add("CREDIT_CODE");
  if (!safeText(enterpriseName, 100)) add("ENTERPRISE_NAME");
  if (!isIsoDate(foundedOn)) add("ENTERPRISE_FOUNDED_ON");
  if (!safeText(representative, 50)) add("REPRESENTATIVE");
  if (!isIsoDate(submittedOn)) add("SUBMITTED_ON");
  else if (submittedOn > today) add("FUTURE_DATE", { column: "submitted_on" });
  else if (isIsoDate(foundedOn) && submittedOn < foundedOn) add("SUBMITTED_BEFORE_FOUNDED");
  const kind = kindRaw.toUpperCase();
  if (kind !== "NEW" && kind !== "RENEWAL") add("KIND");

  let loan: HistoryLoan | null = null;
  const loanCells = [disbursedOn, amount, term];
  if (loanCells.some((c) => c !== "") || rate !== "") {
    if (loanCells.some((c) => c === "")) add("LOAN_INCOMPLETE");
    else {
      const amountFen = money(amount);
      const termMonths = /^\d{1,3}$/.test(term) ? Number(term) : Number.NaN;
      const annualRateMicros = rate === "" ? 0 : parseRatePercent(rate);
      if (!isIsoDate(disbursedOn)) add("DISBURSED_ON");
      else if (disbursedOn > today) add("FUTURE_DATE", { column: "disbursed_on" });
      else if (isIsoDate(submittedOn) && disbursedOn < submittedOn) add("DISBURSED_BEFORE_SUBMITTED");
      if (amountFen === null || amountFen <= 0n) add("AMOUNT");
      if (!(termMonths >= 1 && termMonths <= MAX_TERM_MONTHS)) add("TERM", { max: MAX_TERM_MONTHS });
      if (annualRateMicros === null || annualRateMicros > 240_000) add("RATE");
      if (isIsoDate(disbursedOn) && amountFen !== null && amountFen > 0n && termMonths >= 1 && termMonths <= MAX_TERM_MONTHS && annualRateMicros !== null) {
        loan = { disbursedOn, amountFen, termMonths, annualRateMicros, maturityOn: addMonthsClamped(disbursedOn, termMonths) };
      }
    }
  }

  const subsidies = parseSubsidies(subsidyText);
  if (subsidies === null) add("SUBSIDY_FORMAT");
  else if (subsidies.length > 0 && loanCells.every((c) => c === "")) add("SUBSIDY_WITHOUT_LOAN");
  else if (loan) {
    // Interest is paid while the loan runs; its subsidy comes at most a year after maturity.
    const latest = addMonthsClamped(loan.maturityOn, 12);
    const outside = subsidies.find((s) => s.paidOn <= loan!.disbursedOn || s.paidOn > latest || s.paidOn > today);
    if (outside) add("SUBSIDY_OUTSIDE_LOAN", { day: outside.paidOn });
    if (new Set(subsidies.map((s) => s.paidOn)).size !== subsidies.length) add("SUBSIDY_TWICE_ON_A_DAY");
  }

  let union: HistoryUnion | null = null;
  const unionCells = [unionFoundedOn, unionName, unionMembers];
  if (unionCells.some((c) => c !== "")) {
    if (unionCells.some((c) => c === "")) add("UNION_INCOMPLETE");
    else {
      const memberCount = /^-?\d{1,9}$/.test(unionMembers) ? Number(unionMembers) : Number.NaN;
      const problems = foundingProblems({ foundedOn: unionFoundedOn, memberCount, unionName }, isIsoDate(foundedOn) ? foundedOn : null, today);
      const codes: Record<string, HistoryProblemCode> = {
        DATE_FORMAT: "UNION_DATE", FUTURE_DATE: "UNION_FUTURE", BEFORE_ENTERPRISE: "UNION_BEFORE_ENTERPRISE", MEMBERS: "UNION_MEMBERS", UNION_NAME: "UNION_NAME",
      };
      for (const problem of problems) add(codes[problem]!);
      if (problems.length === 0) union = { foundedOn: unionFoundedOn, unionName, memberCount };
    }
  }
  if (p.length) return { problems: p };
  return {
    line: { line, creditCode, enterpriseName, enterpriseFoundedOn: foundedOn, representative, submittedOn, kind: kind as "NEW" | "RENEWAL", loan, subsidies: subsidies ?? [], union },
  };
}

/**
 * What the lines say together: one application per enterprise and day, one enterprise per credit
 * code (same name and founding day on every line), one union founding per enterprise, and a
 * renewal only after a loan of the enterprise (here or already recorded: `earlierLoans`).
 */
export function crossLineProblems(lines: HistoryLine[], earlierLoans: Map<string, string[]> = new Map()): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  const seen = new Map<string, number>();
  const firm = new Map<string, HistoryLine>();
  const union = new Map<string, number>();
  const loans = new Map<string, string[]>();
  for (const l of lines) if (l.loan) loans.set(l.creditCode, [...(loans.get(l.creditCode) ?? []), l.loan.disbursedOn]);
  for (const l of lines) {
    const key = `${l.creditCode}|${l.submittedOn}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line: l.line, code: "DUPLICATE_LINE", params: { other: first } });
    else seen.set(key, l.line);
    const f = firm.get(l.creditCode);
    if (!f) firm.set(l.creditCode, l);
    else if (f.enterpriseName !== l.enterpriseName || f.enterpriseFoundedOn !== l.enterpriseFoundedOn) {
      problems.push({ line: l.line, code: "ENTERPRISE_MISMATCH", params: { other: f.line } });
    }
    if (l.union) {
      const other = union.get(l.creditCode);
      if (other !== undefined) problems.push({ line: l.line, code: "UNION_TWICE", params: { other } });
      else union.set(l.creditCode, l.line);
    }
    if (l.kind === "RENEWAL") {
      const before = [...(loans.get(l.creditCode) ?? []), ...(earlierLoans.get(l.creditCode) ?? [])].some((d) => d < l.submittedOn);
      if (!before) problems.push({ line: l.line, code: "RENEWAL_WITHOUT_LOAN" });
    }
  }
  return problems;
}

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const yuan = (fen: bigint): string => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
const percent = (micros: number): string => `${Math.floor(micros / 10_000)}.${String(micros % 10_000).padStart(4, "0")}`;

/** Lines back to the file format (UTF-8 with BOM, CRLF): the demo's data set and the template. */
export function historyCsv(lines: readonly Omit<HistoryLine, "line">[]): string {
  const rows = lines.map((l) => [
    l.creditCode, l.enterpriseName, l.enterpriseFoundedOn, l.representative, l.submittedOn, l.kind,
    l.loan?.disbursedOn ?? "", l.loan ? yuan(l.loan.amountFen) : "", l.loan ? String(l.loan.termMonths) : "",
    l.loan && l.loan.annualRateMicros > 0 ? percent(l.loan.annualRateMicros) : "",
    l.subsidies.map((s) => `${s.paidOn}=${yuan(s.amountFen)}`).join(";"),
    l.union?.foundedOn ?? "", l.union?.unionName ?? "", l.union ? String(l.union.memberCount) : "",
  ].map(csvCell).join(","));
  return `\uFEFF${[HISTORY_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

/** The template: the columns and two sample lines (a funded application with its union, a renewal not funded). */
export const historyTemplateCsv = (): string => {
  const firm = { creditCode: "91110105MA01ABCD13", enterpriseName: "Example Co Ltd", enterpriseFoundedOn: "2016-03-01", representative: "Zhang Wei" };
  return historyCsv([
    { ...firm, submittedOn: "2019-05-20", kind: "NEW", loan: { disbursedOn: "2019-06-24", amountFen: 50_000_000n, termMonths: 12, annualRateMicros: 43_500, maturityOn: "2020-06-24" },
      subsidies: [{ paidOn: "2019-09-28", amountFen: 530_000n }, { paidOn: "2019-12-28", amountFen: 440_000n }],
      union: { foundedOn: "2019-05-15", unionName: "Example Co Ltd Trade Union", memberCount: 12 } },
    { ...firm, submittedOn: "2020-05-25", kind: "RENEWAL", loan: null, subsidies: [], union: null },
  ]);
};
