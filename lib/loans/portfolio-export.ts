import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import { fenToYuanString } from "@/lib/money/fen";
import { listPortfolio, type PortfolioFilter } from "@/lib/loans/portfolio-queries";
import type { Cell } from "@/lib/stats/xlsx";
import { streamWorkbook } from "@/lib/stats/xlsx-stream";

const MAX_ROWS = 20_000;

export const PORTFOLIO_CSV_COLUMNS = [
  "contractNo", "enterprise", "bank", "status", "principal", "outstanding", "overduePrincipal", "overdueInterest",
  "compensated", "recovered", "disbursedOn", "maturityOn",
] as const;

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
// A leading =, +, - or @ would make a spreadsheet evaluate the cell.
const safe = (value: string) => cell(/^[=+\-@]/.test(value) ? `'${value}` : value);

type Words = { header: (column: (typeof PORTFOLIO_CSV_COLUMNS)[number]) => string; status: (status: LoanStatus) => string };
type Amount = { fen: bigint };
type Value = string | Amount;

/**
 * The portfolio list as a table (the screen's filter and search), walking its keyset pages up to
 * MAX_ROWS. Loan figures and the enterprise only: no personal data column. Words come from the
 * caller (next-intl); amounts stay fen until a format writes them.
 */
async function portfolioTable(actor: StaffActor, options: { filter: PortfolioFilter; q?: string }, words: Words): Promise<{ header: string[]; rows: Value[][] }> {
  const rows: Value[][] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listPortfolio>> = await listPortfolio(actor, { ...options, cursor, pageSize: 500 });
    for (const r of page.rows) {
      rows.push([
        r.contractNo, r.enterpriseName, r.bankName, words.status(r.status), { fen: r.principalFen }, { fen: r.outstandingFen },
        { fen: r.overduePrincipalFen }, { fen: r.overdueInterestFen }, { fen: r.compensatedFen }, { fen: r.recoveredFen },
        r.disbursedOn, r.maturityOn,
      ]);
    }
    cursor = rows.length >= MAX_ROWS ? null : page.nextCursor;
  } while (cursor);
  return { header: PORTFOLIO_CSV_COLUMNS.map((c) => words.header(c)), rows };
}

/** The portfolio as CSV (UTF-8 with BOM, for Excel); amounts in yuan with two decimals. */
export async function portfolioCsv(actor: StaffActor, options: { filter: PortfolioFilter; q?: string }, words: Words): Promise<string> {
  const { header, rows } = await portfolioTable(actor, options, words);
  const text = (v: Value) => (typeof v === "string" ? v : fenToYuanString(v.fen));
  const lines = [header.map(safe).join(","), ...rows.map((r) => r.map((v) => safe(text(v))).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The portfolio as one XLSX sheet, streamed; amounts are yuan numbers a spreadsheet can add up. */
export async function portfolioXlsx(
  actor: StaffActor,
  options: { filter: PortfolioFilter; q?: string },
  words: Words & { sheet: string; about: { title: string; rows: [string, string][] } },
): Promise<ReadableStream<Uint8Array>> {
  const { header, rows } = await portfolioTable(actor, options, words);
  const cells: Cell[][] = rows.map((r) => r.map((v) => (typeof v === "string" ? v : Number(v.fen) / 100)));
  return streamWorkbook([{ key: "loans", title: words.sheet, header, rows: cells }], words.about);
}
