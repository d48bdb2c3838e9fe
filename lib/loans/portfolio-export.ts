import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import { fenToYuanString } from "@/lib/money/fen";
import { allPortfolioLoans, countPortfolio, type PortfolioFilter } from "@/lib/loans/portfolio-queries";
import { env } from "@/lib/env";
import type { Cell } from "@/lib/stats/xlsx";
import { streamWorkbook } from "@/lib/stats/xlsx-stream";
import { csvStream } from "@/lib/http/csv";

const PAGE = 1_000;

export const PORTFOLIO_CSV_COLUMNS = [
  "contractNo", "enterprise", "bank", "status", "principal", "outstanding", "overduePrincipal", "overdueInterest",
  "compensated", "recovered", "disbursedOn", "maturityOn",
] as const;


type Words = { header: (column: (typeof PORTFOLIO_CSV_COLUMNS)[number]) => string; status: (status: LoanStatus) => string };
type Options = { filter: PortfolioFilter; q?: string };
type Value = string | { fen: bigint };

/**
 * The portfolio list's rows (the screen's filter and search), one keyset page at a time: an
 * export of any size holds one page in memory. Loan figures and the enterprise only, no personal
 * data column; amounts stay fen until a format writes them.
 */
async function* portfolioRows(actor: StaffActor, options: Options, words: Words): AsyncGenerator<Value[]> {
  for await (const r of allPortfolioLoans(actor, options, PAGE)) {
    yield [
      r.contractNo, r.enterpriseName, r.bankName, words.status(r.status), { fen: r.principalFen }, { fen: r.outstandingFen },
      { fen: r.overduePrincipalFen }, { fen: r.overdueInterestFen }, { fen: r.compensatedFen }, { fen: r.recoveredFen },
      r.disbursedOn, r.maturityOn,
    ];
  }
}

/** The export's row count when it is larger than `max` (refused before it starts), else null. */
export async function exportTooLarge(actor: StaffActor, options: Options, max: number = env.EXPORT_MAX_ROWS): Promise<number | null> {
  const rows = await countPortfolio(actor, options);
  return rows > max ? rows : null;
}

/** The portfolio as CSV (UTF-8 with BOM, for Excel), streamed page by page as the reader pulls; amounts in yuan. */
export function portfolioCsvStream(actor: StaffActor, options: Options, words: Words): ReadableStream<Uint8Array> {
  const text = (v: Value) => (typeof v === "string" ? v : fenToYuanString(v.fen));
  const rows = async function* () {
    for await (const r of portfolioRows(actor, options, words)) yield r.map(text);
  };
  return csvStream(PORTFOLIO_CSV_COLUMNS.map((c) => words.header(c)), rows(), PAGE);
}

/** The portfolio as one XLSX sheet, streamed; amounts are yuan numbers a spreadsheet can add up. */
export function portfolioXlsx(
  actor: StaffActor,
  options: Options,
  words: Words & { sheet: string; about: { title: string; rows: [string, string][] } },
): ReadableStream<Uint8Array> {
  const cells = async function* (): AsyncGenerator<Cell[]> {
    for await (const r of portfolioRows(actor, options, words)) yield r.map((v) => (typeof v === "string" ? v : Number(v.fen) / 100));
  };
  return streamWorkbook([{ key: "loans", title: words.sheet, header: PORTFOLIO_CSV_COLUMNS.map((c) => words.header(c)), rows: cells() }], words.about);
}
