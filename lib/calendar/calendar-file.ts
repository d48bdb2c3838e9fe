import { isCalendarHeader, readCalendarLine, type CalendarProblem, type NewCalendarDay } from "@/lib/calendar/calendar-days";
import { readRows } from "@/lib/subsidies/statement-parser";

export const MAX_CALENDAR_BYTES = 256 * 1024;

/** The notice's file (CSV or XLSX; columns date, kind, name): every line's own problems, or the days. */
export async function parseCalendarFile(data: Uint8Array): Promise<{ days: NewCalendarDay[] } | { problems: CalendarProblem[] }> {
  const rows = await readRows(data);
  if ("error" in rows) return { problems: [{ line: 0, code: "FILE" }] };
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (!header || !isCalendarHeader(header.cells)) return { problems: [{ line: header?.line ?? 1, code: "HEADER" }] };
  if (body.length === 0) return { problems: [{ line: 0, code: "EMPTY" }] };
  const days: NewCalendarDay[] = [];
  const problems: CalendarProblem[] = [];
  for (const row of body) {
    const read = readCalendarLine(row.line, row.cells);
    if (Array.isArray(read)) problems.push(...read);
    else days.push(read);
  }
  return problems.length ? { problems } : { days };
}
