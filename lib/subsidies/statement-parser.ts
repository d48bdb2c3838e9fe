import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { checkZipExpansion } from "@/lib/subsidies/zip-bounds";
import { accruedInterestFen } from "@/lib/loans/interest";
import { daysBetween, epochDay, isIsoDate } from "@/lib/loans/schedule";
import { words, type Words } from "@/lib/i18n/words";
// The banks' own file format: the Chinese column headings and yes/no spellings their systems
// write. Input data, not words for a reader, so it lives beside the parser as data.
import statementFormat from "@/lib/subsidies/statement-format.json" with { type: "json" };

// A bank's quarterly interest statement (CSV or XLSX) → statement lines, all or nothing: one bad
// line rejects the whole file, with every problem listed, so a batch is never half imported.
//
// CSV goes through exceljs's own CSV reader (fast-csv underneath: RFC 4180 quoting, quoted
// commas and newlines) with an identity `map`, because its default map turns "0.0345" into a
// float and "2021-06-30" into a Date. Error line numbers are spreadsheet row numbers (header = 1),
// which equal the file's line numbers unless a quoted field spans lines.

export type ParsedLine = {
  line: number;
  contractNo: string;
  /** Inclusive, YYYY-MM-DD. */
  periodStart: string;
  /** Inclusive, YYYY-MM-DD. */
  periodEnd: string;
  principalBalanceFen: bigint;
  annualRateMicros: number;
  interestDueFen: bigint;
  interestPaidFen: bigint;
  /** Null only when nothing was paid. */
  paidOn: string | null;
  overdue: boolean;
  penaltyInterestFen: bigint;
  extended: boolean;
};

/** `column` is the heading as the file has it (the Chinese one for a known column); `message` is worded at the edge. */
export type StatementError = { line: number; column: string; message: Words };
// A result, not a throw: the refusal is the per-line report the bank reads and corrects.
/** On failure, `partial` holds the rows that were well formed, so later checks can report on them too. */
export type ParseResult = { ok: true; lines: ParsedLine[] } | { ok: false; errors: StatementError[]; partial?: ParsedLine[] };
export type LoanTerms = { principalFen: bigint; startOn: string; maturityOn: string };

type Field = Exclude<keyof ParsedLine, "line">;
type Column = { field: Field; zh: string; en: string; required: boolean };

const HEADERS = statementFormat.headers satisfies Record<Field, string>;

export const STATEMENT_COLUMNS: readonly Column[] = [
  { field: "contractNo", zh: HEADERS.contractNo, en: "contract_no", required: true },
  { field: "periodStart", zh: HEADERS.periodStart, en: "period_start", required: true },
  { field: "periodEnd", zh: HEADERS.periodEnd, en: "period_end", required: true },
  { field: "principalBalanceFen", zh: HEADERS.principalBalanceFen, en: "principal_balance", required: true },
  { field: "annualRateMicros", zh: HEADERS.annualRateMicros, en: "annual_rate", required: true },
  { field: "interestDueFen", zh: HEADERS.interestDueFen, en: "interest_due", required: true },
  { field: "interestPaidFen", zh: HEADERS.interestPaidFen, en: "interest_paid", required: true },
  { field: "paidOn", zh: HEADERS.paidOn, en: "paid_on", required: true },
  { field: "overdue", zh: HEADERS.overdue, en: "overdue", required: true },
  { field: "penaltyInterestFen", zh: HEADERS.penaltyInterestFen, en: "penalty_interest", required: true },
  { field: "extended", zh: HEADERS.extended, en: "extended", required: false },
];

/** A column's heading in the banks' files, as the per-line report names it. */
export const statementHeading = (field: Field): string => HEADERS[field];
const zh = statementHeading;
/** A problem of a statement file, named in the catalogue (`subsidy.statement.<key>`). */
export const statementProblem = (key: string, values?: Record<string, string>): Words => words(`subsidy.statement.${key}`, values);
const problem = statementProblem;
const normaliseHeader = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, "_");
const fileError = (message: Words): ParseResult => ({ ok: false, errors: [{ line: 0, column: "", message }] });

export async function parseStatement(data: Uint8Array, options: { today: string }): Promise<ParseResult> {
  if (!isIsoDate(options.today)) throw new RangeError("today must be YYYY-MM-DD");
  const rows = await readRows(data);
  if ("error" in rows) return fileError(rows.error);
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== ""));
  const [header, ...body] = nonEmpty;
  if (!header) return fileError(problem("empty"));

  const mapped = mapHeader(header);
  if ("errors" in mapped) return { ok: false, errors: mapped.errors };
  if (body.length === 0) return fileError(problem("noRows"));

  const errors: StatementError[] = [];
  const lines: ParsedLine[] = [];
  const firstLineByKey = new Map<string, number>();
  for (const row of body) {
    const result = parseRow(row, mapped.indexByField, header.cells.length, options.today);
    if ("errors" in result) {
      errors.push(...result.errors);
      continue;
    }
    const key = lineKey(result.line);
    const first = firstLineByKey.get(key);
    if (first !== undefined) {
      errors.push({ line: row.line, column: zh("contractNo"), message: problem("duplicateLine", { first: String(first) }) });
      continue;
    }
    firstLineByKey.set(key, row.line);
    lines.push(result.line);
  }
  return errors.length > 0 ? { ok: false, errors, partial: lines } : { ok: true, lines };
}

/**
 * Fingerprint of one payment for idempotent re-imports: the contract, the interest period and the
 * day it was paid ("-" when nothing was), so a period's interest may come in several payments.
 * The dates have a fixed shape at the end, so the key stays unambiguous even if a contract number
 * contains "|".
 */
export function lineKey(line: Pick<ParsedLine, "contractNo" | "periodStart" | "periodEnd" | "paidOn">): string {
  return `${line.contractNo}|${line.periodStart}|${line.periodEnd}|${line.paidOn ?? "-"}`;
}

/** The checks that need the loans on file; the caller loads only this bank's loans. */
export function validateAgainstLoans(
  lines: readonly ParsedLine[],
  loansByContractNo: ReadonlyMap<string, LoanTerms>,
): StatementError[] {
  return lines.flatMap((l): StatementError[] => {
    const loan = loansByContractNo.get(l.contractNo);
    if (!loan) return [{ line: l.line, column: zh("contractNo"), message: problem("unknownContract") }];
    const errors: StatementError[] = [];
    if (epochDay(l.periodStart) < epochDay(loan.startOn)) {
      errors.push({ line: l.line, column: zh("periodStart"), message: problem("outsideTerm") });
    } else if (epochDay(l.periodEnd) > epochDay(loan.maturityOn)) {
      errors.push({ line: l.line, column: zh("periodEnd"), message: problem("outsideTerm") });
    }
    if (l.principalBalanceFen > loan.principalFen) {
      errors.push({ line: l.line, column: zh("principalBalanceFen"), message: problem("balanceOverPrincipal") });
    }
    return errors;
  });
}

// ---- reading ---------------------------------------------------------------------------

export type Row = { line: number; cells: string[] };
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const NOT_A_TABLE = problem("notATable");

/** A CSV or XLSX file's rows as text cells (bounded: see MAX_XLSX_EXPANDED_BYTES, MAX_STATEMENT_ROWS). */
export async function readRows(data: Uint8Array): Promise<Row[] | { error: Words }> {
  if (data.length === 0) return { error: problem("empty") };
  if (ZIP_MAGIC.every((b, i) => data[i] === b)) return readXlsx(data);

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return { error: NOT_A_TABLE };
  }
  // Valid UTF-8 can still be binary (NULs, control bytes); a statement never contains them.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return { error: NOT_A_TABLE };
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { error: problem("empty") };
  try {
    const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { map: (v: unknown) => v });
    return sheetRows(sheet);
  } catch {
    return { error: problem("badCsv") };
  }
}

/** What an uploaded spreadsheet may inflate to, and how many rows a statement may have. */
export const MAX_XLSX_EXPANDED_BYTES = 64 * 1024 * 1024;
export const MAX_STATEMENT_ROWS = 200_000;

async function readXlsx(data: Uint8Array): Promise<Row[] | { error: Words }> {
  const expansion = checkZipExpansion(data, MAX_XLSX_EXPANDED_BYTES);
  if (!expansion.ok) {
    return { error: problem(expansion.reason === "TOO_LARGE" ? "xlsxTooLarge" : "xlsxBroken") };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch {
    return { error: problem("xlsxBroken") };
  }
  const sheet = workbook.worksheets[0];
  return sheet ? sheetRows(sheet) : { error: problem("empty") };
}

function sheetRows(sheet: ExcelJS.Worksheet): Row[] | { error: Words } {
  if (sheet.rowCount > MAX_STATEMENT_ROWS + 1) return { error: problem("tooManyRows", { max: String(MAX_STATEMENT_ROWS) }) };
  const rows: Row[] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const values = sheet.getRow(n).values;
    const cells = Array.isArray(values) ? values.slice(1).map(cellText) : [];
    rows.push({ line: n, cells });
  }
  return rows;
}

// XLSX numbers are doubles; String() gives the shortest decimal that round-trips, i.e. what was
// typed, and that text is then parsed exactly — a float never reaches an amount.
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "#DATE" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("").trim();
    if (v.error !== undefined) return "#ERROR";
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return "#UNSUPPORTED";
}

function mapHeader(header: Row): { indexByField: Map<Field, number> } | { errors: StatementError[] } {
  const errors: StatementError[] = [];
  const indexByField = new Map<Field, number>();
  header.cells.forEach((raw, index) => {
    if (raw === "") return;
    const name = normaliseHeader(raw);
    const column = STATEMENT_COLUMNS.find((c) => c.zh === raw.trim() || c.en === name);
    if (!column) {
      errors.push({ line: header.line, column: raw, message: problem("unknownColumn", { column: raw }) });
    } else if (indexByField.has(column.field)) {
      errors.push({ line: header.line, column: column.zh, message: problem("duplicateColumn", { column: column.zh }) });
    } else {
      indexByField.set(column.field, index);
    }
  });
  for (const c of STATEMENT_COLUMNS) {
    if (c.required && !indexByField.has(c.field)) {
      errors.push({ line: header.line, column: c.zh, message: problem("missingColumn", { column: c.zh, name: c.en }) });
    }
  }
  return errors.length > 0 ? { errors } : { indexByField };
}

// ---- one row --------------------------------------------------------------------------

type Parsed<T> = { value: T } | { error: Words };

function parseRow(
  row: Row,
  indexByField: Map<Field, number>,
  headerWidth: number,
  today: string,
): { line: ParsedLine } | { errors: StatementError[] } {
  const errors: StatementError[] = [];
  const cell = (field: Field): string => {
    const index = indexByField.get(field);
    return index === undefined ? "" : (row.cells[index] ?? "");
  };
  const take = <T>(field: Field, parsed: Parsed<T>): T | undefined => {
    if ("value" in parsed) return parsed.value;
    errors.push({ line: row.line, column: zh(field), message: parsed.error });
    return undefined;
  };
  const fail = (field: Field, message: Words) => errors.push({ line: row.line, column: zh(field), message });

  if (row.cells.slice(headerWidth).some((c) => c !== "")) {
    errors.push({ line: row.line, column: "", message: problem("extraCells") });
  }
  const contractNo = take("contractNo", cell("contractNo") === "" ? { error: problem("required") } : { value: cell("contractNo") });
  const periodStart = take("periodStart", parseDate(cell("periodStart"), today));
  const periodEnd = take("periodEnd", parseDate(cell("periodEnd"), today));
  const principalBalanceFen = take("principalBalanceFen", parseAmountFen(cell("principalBalanceFen")));
  const annualRateMicros = take("annualRateMicros", parseRateMicros(cell("annualRateMicros")));
  const interestDueFen = take("interestDueFen", parseAmountFen(cell("interestDueFen")));
  const interestPaidFen = take("interestPaidFen", parseAmountFen(cell("interestPaidFen")));
  const paidOn = take<string | null>("paidOn", cell("paidOn") === "" ? { value: null } : parseDate(cell("paidOn"), today));
  const overdue = take("overdue", parseFlag(cell("overdue"), null));
  // A bank leaves the penalty interest blank when there is none, and the extension flag is an optional column.
  const penaltyInterestFen = take("penaltyInterestFen", cell("penaltyInterestFen") === "" ? { value: 0n } : parseAmountFen(cell("penaltyInterestFen")));
  const extended = take("extended", parseFlag(cell("extended"), false));

  if (periodStart && periodEnd && epochDay(periodEnd) < epochDay(periodStart)) fail("periodEnd", problem("endBeforeStart"));
  if (interestDueFen !== undefined && interestPaidFen !== undefined && interestPaidFen > interestDueFen) {
    fail("interestPaidFen", problem("paidOverDue"));
  }
  if (paidOn === null && interestPaidFen !== undefined && interestPaidFen > 0n) fail("paidOn", problem("paidOnRequired"));

  if (errors.length > 0) return { errors };
  return {
    line: {
      line: row.line,
      contractNo: contractNo as string,
      periodStart: periodStart as string,
      periodEnd: periodEnd as string,
      principalBalanceFen: principalBalanceFen as bigint,
      annualRateMicros: annualRateMicros as number,
      interestDueFen: interestDueFen as bigint,
      interestPaidFen: interestPaidFen as bigint,
      paidOn: paidOn ?? null,
      overdue: overdue as boolean,
      penaltyInterestFen: penaltyInterestFen as bigint,
      extended: extended as boolean,
    },
  };
}

const DECIMAL = /^\d+(\.\d+)?$/;

export function parseAmountFen(text: string): Parsed<bigint> {
  if (text === "") return { error: problem("required") };
  // Thousands separators only in their proper places, so "1,2" is not silently read as 12.
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(",", "") : text;
  if (/^-\d+(\.\d+)?$/.test(plain)) return { error: problem("amountNegative") };
  return toFen(plain);
}

function toFen(text: string): Parsed<bigint> {
  if (!DECIMAL.test(text)) return { error: problem("amountNotNumber") };
  const [whole, fraction = ""] = text.split(".") as [string, string?];
  if (fraction.length > 2) return { error: problem("amountDecimals") };
  return { value: BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0")) };
}

/** "3.45%" or "0.0345" → 34 500 millionths, read from the decimal text, never through a float. */
export function parseRateMicros(text: string): Parsed<number> {
  if (text === "") return { error: problem("required") };
  const isPercent = text.endsWith("%");
  const body = (isPercent ? text.slice(0, -1) : text).trim();
  if (/^-\d/.test(body)) return { error: problem("rateNegative") };
  if (!DECIMAL.test(body)) return { error: problem("rateFormat") };
  const [whole, fraction = ""] = body.split(".") as [string, string?];
  const scale = isPercent ? 4 : 6;
  if (fraction.length > scale) return { error: problem("ratePrecision") };
  const micros = BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, "0") || "0");
  if (micros >= 1_000_000n) return { error: problem("rateRange") };
  return { value: Number(micros) };
}

export function parseDate(text: string, today: string): Parsed<string> {
  if (text === "") return { error: problem("required") };
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = match ? `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}` : "";
  if (!isIsoDate(iso)) return { error: problem("dateInvalid") };
  if (epochDay(iso) > epochDay(today)) return { error: problem("dateFuture") };
  return { value: iso };
}

const TRUE_FLAGS = new Set(statementFormat.yes);
const FALSE_FLAGS = new Set(statementFormat.no);
/** How the template (and a typed line) writes a yes or a no. */
export const STATEMENT_YES = statementFormat.yes[0]!;
export const STATEMENT_NO = statementFormat.no[0]!;

function parseFlag(text: string, whenBlank: boolean | null): Parsed<boolean> {
  const t = text.toLowerCase();
  if (t === "" && whenBlank !== null) return { value: whenBlank };
  if (TRUE_FLAGS.has(t)) return { value: true };
  if (FALSE_FLAGS.has(t)) return { value: false };
  return { error: problem("flag", { yes: STATEMENT_YES, no: STATEMENT_NO }) };
}

// ---- templates -------------------------------------------------------------------------

function templateRows(): string[][] {
  const principalFen = 50_000_000n;
  const periodStart = "2021-06-21";
  const periodEnd = "2021-09-20";
  const days = daysBetween(periodStart, periodEnd) + 1;
  const interest = accruedInterestFen({ principalFen, annualRateMicros: 38_500, days });
  const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
  return [
    STATEMENT_COLUMNS.map((c) => c.zh),
    ["NCD-2021-0001", periodStart, periodEnd, yuan(principalFen), "3.85%", yuan(interest), yuan(interest), "2021-09-21", STATEMENT_NO, "0.00", STATEMENT_NO],
  ];
}

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** With a BOM, because Excel on Chinese Windows otherwise opens UTF-8 CSV as GBK mojibake. */
export function buildTemplateCsv(): string {
  return `\uFEFF${templateRows().map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export async function buildTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(statementFormat.templateSheet);
  // Text cells, so Excel does not turn 3.85% into 0.0385 or a date into a serial number.
  sheet.columns = STATEMENT_COLUMNS.map((c) => ({ header: c.zh, key: c.field, width: 14, style: { numFmt: "@" } }));
  const [, example] = templateRows();
  sheet.addRow(example);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
