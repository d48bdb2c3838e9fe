import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import { fenToYuanString } from "@/lib/money/fen";
import { listPortfolio, type PortfolioFilter } from "@/lib/loans/portfolio-queries";

const MAX_ROWS = 20_000;

export const PORTFOLIO_CSV_COLUMNS = [
  "contractNo", "enterprise", "bank", "status", "principal", "outstanding", "overduePrincipal", "overdueInterest",
  "compensated", "recovered", "disbursedOn", "maturityOn",
] as const;

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
// A leading =, +, - or @ would make a spreadsheet evaluate the cell.
const safe = (value: string) => cell(/^[=+\-@]/.test(value) ? `'${value}` : value);

/**
 * The portfolio list as CSV (UTF-8 with BOM, for Excel), walking the screen's keyset pages. Loan
 * figures and the enterprise only: no personal data column. Words come from the caller (next-intl).
 */
export async function portfolioCsv(
  actor: StaffActor,
  options: { filter: PortfolioFilter; q?: string },
  words: { header: (column: (typeof PORTFOLIO_CSV_COLUMNS)[number]) => string; status: (status: LoanStatus) => string },
): Promise<string> {
  const lines = [PORTFOLIO_CSV_COLUMNS.map((c) => safe(words.header(c))).join(",")];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listPortfolio>> = await listPortfolio(actor, { ...options, cursor, pageSize: 500 });
    for (const r of page.rows) {
      lines.push([
        r.contractNo, r.enterpriseName, r.bankName, words.status(r.status), fenToYuanString(r.principalFen), fenToYuanString(r.outstandingFen),
        fenToYuanString(r.overduePrincipalFen), fenToYuanString(r.overdueInterestFen), fenToYuanString(r.compensatedFen), fenToYuanString(r.recoveredFen),
        r.disbursedOn, r.maturityOn,
      ].map(safe).join(","));
    }
    cursor = lines.length > MAX_ROWS ? null : page.nextCursor;
  } while (cursor);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
