import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { fenToYuanString } from "@/lib/money/fen";
import { listQueue, type QueueFilters } from "@/lib/reviews/queries";

const MAX_ROWS = 20_000;
export const QUEUE_CSV_COLUMNS = ["number", "kind", "enterprise", "amount", "term", "status", "green", "due"] as const;

/** The export's words, in the reader's language (the route hands them in from next-intl). */
export type QueueCsvWords = {
  header: (column: (typeof QUEUE_CSV_COLUMNS)[number]) => string;
  status: (status: ApplicationStatus) => string;
  kind: (kind: "NEW" | "RENEWAL") => string;
  yes: string;
  no: string;
};

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
// A leading =, +, - or @ would make a spreadsheet evaluate the cell.
const safe = (value: string) => cell(/^[=+\-@]/.test(value) ? `'${value}` : value);

/** A queue tab as CSV (UTF-8 with BOM, for Excel), walking the same keyset pages the screen uses. */
export async function exportQueueCsv(actor: StaffActor, status: ApplicationStatus | undefined, filters: QueueFilters, words: QueueCsvWords): Promise<string> {
  const lines = [QUEUE_CSV_COLUMNS.map((c) => safe(words.header(c))).join(",")];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(actor, { status, cursor, pageSize: 500, filters });
    for (const r of page.rows) {
      const due = r.status === "RETURNED" ? r.returnDueAt : r.stageDueAt;
      lines.push([
        r.number,
        words.kind(r.kind),
        r.enterpriseName,
        r.amountFen === null ? "" : fenToYuanString(r.amountFen),
        r.termMonths === null ? "" : String(r.termMonths),
        words.status(r.status),
        r.greenChannel ? words.yes : words.no,
        due ? due.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "",
      ].map(safe).join(","));
    }
    cursor = lines.length > MAX_ROWS ? null : page.nextCursor;
  } while (cursor);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
