import { isIsoDate, isWeekendDate } from "@/lib/calendar/working-days";

// The rules for a year of the working calendar, pure: the days an administrator adds (one on the
// page, or the lines of the State Council notice's CSV) are checked against the year and against
// the days already marked. Problems are codes with parameters; the page words them.

export type CalendarDayKind = "HOLIDAY" | "WORKDAY";

export type NewCalendarDay = { line: number; day: string; kind: CalendarDayKind; name: string };

export type CalendarProblemCode =
  | "YEAR" // a year the calendar is not kept for
  | "FILE" // not a CSV/XLSX table
  | "HEADER" // the header is not date,kind,name
  | "EMPTY" // no data lines
  | "DATE" // not a real YYYY-MM-DD date
  | "KIND" // kind is neither holiday nor workday
  | "NAME" // name empty or longer than NAME_MAX
  | "OUTSIDE_YEAR" // the day is not in the chosen year
  | "TWICE" // the same day twice in what was submitted
  | "NOT_WEEKEND" // a working weekend (tiaoxiu) day that is not a Saturday or Sunday
  | "ALREADY_MARKED"; // the day is already in the calendar

export type CalendarProblem = { line: number; code: CalendarProblemCode; params?: Record<string, string | number> };

export const NAME_MAX = 40;
export const FIRST_CALENDAR_YEAR = 2017;
export const CALENDAR_COLUMNS = ["date", "kind", "name"] as const;

const KIND_WORDS: Record<string, CalendarDayKind> = { holiday: "HOLIDAY", workday: "WORKDAY" };

/** A line's own checks (format, kind, name); the day's year and neighbours are judged later. */
export function readCalendarLine(line: number, cells: readonly string[]): NewCalendarDay | CalendarProblem[] {
  const [day = "", kindWord = "", name = ""] = cells.map((c) => c.trim());
  const problems: CalendarProblem[] = [];
  if (!isIsoDate(day)) problems.push({ line, code: "DATE", params: { value: day } });
  const kind = KIND_WORDS[kindWord.toLowerCase()];
  if (!kind) problems.push({ line, code: "KIND", params: { value: kindWord } });
  if (name.length === 0 || name.length > NAME_MAX) problems.push({ line, code: "NAME", params: { max: NAME_MAX } });
  return problems.length ? problems : { line, day, kind: kind!, name };
}

/** Whether a header row names the columns date, kind, name. */
export function isCalendarHeader(cells: readonly string[]): boolean {
  return CALENDAR_COLUMNS.every((c, i) => cells[i]?.trim().toLowerCase() === c);
}

/**
 * The days to add, judged together: each within `year`, none twice, a working weekend only on a
 * Saturday or Sunday, none on a day already marked (`marked`: every day of the calendar).
 */
export function checkNewDays(year: number, days: readonly NewCalendarDay[], marked: ReadonlySet<string>): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const d of days) {
    if (!d.day.startsWith(`${year}-`)) problems.push({ line: d.line, code: "OUTSIDE_YEAR", params: { day: d.day, year } });
    const first = firstLine.get(d.day);
    if (first !== undefined) problems.push({ line: d.line, code: "TWICE", params: { day: d.day, first } });
    else firstLine.set(d.day, d.line);
    if (d.kind === "WORKDAY" && !isWeekendDate(d.day)) problems.push({ line: d.line, code: "NOT_WEEKEND", params: { day: d.day } });
    if (marked.has(d.day)) problems.push({ line: d.line, code: "ALREADY_MARKED", params: { day: d.day } });
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** A year the calendar may be kept for: from the programme's first year to next year. */
export function isCalendarYear(year: number, today: string): boolean {
  return Number.isInteger(year) && year >= FIRST_CALENDAR_YEAR && year <= Number(today.slice(0, 4)) + 1;
}

/** The CSV template (UTF-8 with BOM): the columns and one example line, named by the caller. */
export function calendarTemplateCsv(year: number, exampleName: string): string {
  return `\uFEFF${CALENDAR_COLUMNS.join(",")}\r\n${year}-10-01,holiday,${exampleName}\r\n`;
}
