import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { fenToYuanString } from "@/lib/money/fen";
import { listQueue, type QueueFilters } from "@/lib/reviews/queries";

const MAX_ROWS = 20_000;
const HEADER = ["申请编号", "类型", "企业", "申请金额（元）", "期限（月）", "状态", "绿色通道", "办理时限"];

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
// A leading =, +, - or @ would make a spreadsheet evaluate the cell.
const safe = (value: string) => cell(/^[=+\-@]/.test(value) ? `'${value}` : value);

/** A queue tab as CSV (UTF-8 with BOM, for Excel), walking the same keyset pages the screen uses. */
export async function exportQueueCsv(actor: StaffActor, status: ApplicationStatus | undefined, filters: QueueFilters): Promise<string> {
  const lines = [HEADER.join(",")];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(actor, { status, cursor, pageSize: 500, filters });
    for (const r of page.rows) {
      const due = r.status === "RETURNED" ? r.returnDueAt : r.stageDueAt;
      lines.push([
        r.number,
        r.kind === "RENEWAL" ? "续贷" : "新申请",
        r.enterpriseName,
        r.amountFen === null ? "" : fenToYuanString(r.amountFen),
        r.termMonths === null ? "" : String(r.termMonths),
        r.status,
        r.greenChannel ? "是" : "否",
        due ? due.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "",
      ].map(safe).join(","));
    }
    cursor = lines.length > MAX_ROWS ? null : page.nextCursor;
  } while (cursor);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
