import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { fenToYuanString } from "@/lib/money/fen";
import { csvStream } from "@/lib/http/csv";
import { streamWorkbook } from "@/lib/stats/xlsx-stream";
import type { Cell } from "@/lib/stats/xlsx";
import { countQueue, listQueue, type QueueFilters } from "@/lib/reviews/queries";
import { env } from "@/lib/env";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";

const PAGE = 1_000;
export const QUEUE_CSV_COLUMNS = ["number", "kind", "enterprise", "amount", "term", "status", "green", "due"] as const;

/** The export's words, in the reader's language (the route hands them in from next-intl). */
export type QueueCsvWords = {
  header: (column: (typeof QUEUE_CSV_COLUMNS)[number]) => string;
  status: (status: ApplicationStatus) => string;
  kind: (kind: "NEW" | "RENEWAL") => string;
  yes: string;
  no: string;
};

type Query = { status: ApplicationStatus | undefined; filters: QueueFilters };

/** A queue tab's rows as the screen lists them, one keyset page at a time; the amount stays fen. */
async function* queueRows(actor: StaffActor, query: Query, words: QueueCsvWords): AsyncGenerator<(string | { fen: bigint } | number)[]> {
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(actor, { ...query, cursor, pageSize: PAGE });
    for (const r of page.rows) {
      const due = r.status === "RETURNED" ? r.returnDueAt : r.stageDueAt;
      yield [
        r.number, words.kind(r.kind), r.enterpriseName, r.amountFen === null ? "" : { fen: r.amountFen }, r.termMonths ?? "",
        words.status(r.status), r.greenChannel ? words.yes : words.no,
        due ? due.toLocaleString("zh-CN", { timeZone: BEIJING_TIME_ZONE, hour12: false }) : "",
      ];
    }
    cursor = page.nextCursor;
  } while (cursor);
}

/** The tab's row count when it is larger than `max` (refused before it starts), else null. */
export async function queueExportTooLarge(actor: StaffActor, query: Query, max: number = env.EXPORT_MAX_ROWS): Promise<number | null> {
  const rows = await countQueue(actor, query);
  return rows > max ? rows : null;
}

/** A queue tab as CSV (UTF-8 with BOM, for Excel), streamed as the reader pulls. */
export function queueCsvStream(actor: StaffActor, query: Query, words: QueueCsvWords): ReadableStream<Uint8Array> {
  const rows = async function* () {
    for await (const r of queueRows(actor, query, words)) {
      yield r.map((v) => (typeof v === "object" ? fenToYuanString(v.fen) : String(v)));
    }
  };
  return csvStream(QUEUE_CSV_COLUMNS.map((c) => words.header(c)), rows(), PAGE);
}

/** A queue tab as one XLSX sheet, streamed; amounts are yuan numbers. */
export function queueXlsx(actor: StaffActor, query: Query, words: QueueCsvWords & { sheet: string; about: { title: string; rows: [string, string][] } }): ReadableStream<Uint8Array> {
  const rows = async function* (): AsyncGenerator<Cell[]> {
    for await (const r of queueRows(actor, query, words)) yield r.map((v) => (typeof v === "object" ? Number(v.fen) / 100 : v));
  };
  return streamWorkbook([{ key: "cases", title: words.sheet, header: QUEUE_CSV_COLUMNS.map((c) => words.header(c)), rows: rows() }], words.about);
}
