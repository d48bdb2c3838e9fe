import { BEIJING_OFFSET_MS, DAY_MS } from "@/lib/calendar/beijing";

// Working-day arithmetic on the Beijing calendar (Asia/Shanghai, UTC+8, no DST since 1991).
// Everything is done on "CST day numbers" (days since 1970-01-01 in UTC+8) with a fixed
// offset, never with the server's local-time methods, so the answer is the same on a UTC
// container and a developer's laptop.
//
// Deadline semantics: the day a case arrives does not count. Counting starts on the next
// calendar day, skipping Saturdays, Sundays and holidays, and the deadline is the END of the
// n-th working day (23:59:59.999 CST). A case submitted on Monday 10:00 with 5 working days is
// due at the end of the following Monday; one submitted on Saturday with 1 working day is due at
// the end of Monday. With 0 days it is due at the end of the day it arrived.
//
// China also moves working days onto weekends around holidays (tiaoxiu, e.g. a working Saturday).
// A `WorkingCalendar` carries both: the public holidays and those working weekend days. Every
// function takes the whole calendar, so no clock can read the holidays and forget the tiaoxiu days.
// Both come from the administrators' calendar (the `Holiday` table), never from code.


export type WorkingCalendar = {
  /** Public holidays, "YYYY-MM-DD" (Beijing dates): no work even on a weekday. */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days worked instead (tiaoxiu), "YYYY-MM-DD". A holiday wins if a day is in both. */
  readonly workdays: ReadonlySet<string>;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Rejects typos ("2024-02-30", "2024-5-1") rather than silently ignoring them, because an
// ignored holiday would quietly shorten every deadline around it.
export function makeHolidaySet(list: readonly string[]): ReadonlySet<string> {
  const set = new Set<string>();
  for (const raw of list) {
    const date = raw.trim();
    if (!isRealIsoDate(date)) throw new RangeError(`not a valid YYYY-MM-DD date: "${raw}"`);
    set.add(date);
  }
  return set;
}

/** A calendar from lists of dates; each must be a real YYYY-MM-DD date. */
export function makeWorkingCalendar(holidays: readonly string[], workdays: readonly string[] = []): WorkingCalendar {
  return { holidays: makeHolidaySet(holidays), workdays: makeHolidaySet(workdays) };
}

/** Whether two calendars mark the same days the same way. */
export function sameCalendar(a: WorkingCalendar, b: WorkingCalendar): boolean {
  const same = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...x].every((d) => y.has(d));
  return same(a.holidays, b.holidays) && same(a.workdays, b.workdays);
}

export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  let day = cstDayNumber(start);
  for (let counted = 0; counted < days; ) {
    day += 1;
    if (isWorkingDayNumber(day, calendar)) counted += 1;
  }
  return endOfCstDay(day);
}

// Working days d with a < d <= b (calendar days in CST), the same counting as addWorkingDays,
// so workingDaysBetween(s, addWorkingDays(s, n, h), h) === n. If b is before a the result is
// negative (how many working days overdue).
export function workingDaysBetween(a: Date, b: Date, calendar: WorkingCalendar): number {
  const from = cstDayNumber(a);
  const to = cstDayNumber(b);
  // `0 -` rather than unary minus, so an empty backwards span is 0, not -0.
  if (to < from) return 0 - workingDaysBetween(b, a, calendar);
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) {
    if (isWorkingDayNumber(day, calendar)) count += 1;
  }
  return count;
}

export function isWorkingDay(date: Date, calendar: WorkingCalendar): boolean {
  return isWorkingDayNumber(cstDayNumber(date), calendar);
}

/** Whether a calendar date ("YYYY-MM-DD") is a Saturday or a Sunday. */
export function isWeekendDate(isoDate: string): boolean {
  if (!isRealIsoDate(isoDate)) throw new RangeError(`not a valid YYYY-MM-DD date: "${isoDate}"`);
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Whether a string is a real calendar date in the form YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return isRealIsoDate(value);
}

// The Beijing calendar date of an instant, as "YYYY-MM-DD".
export function toCstIsoDate(date: Date): string {
  return isoOfDayNumber(cstDayNumber(date));
}

function isWorkingDayNumber(day: number, { holidays, workdays }: WorkingCalendar): boolean {
  const iso = isoOfDayNumber(day);
  if (holidays.has(iso)) return false;
  if (workdays.has(iso)) return true;
  // Day 0 (1970-01-01) was a Thursday; 0 = Sunday … 6 = Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

function cstDayNumber(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError("invalid date");
  return Math.floor((time + BEIJING_OFFSET_MS) / DAY_MS);
}

function endOfCstDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - BEIJING_OFFSET_MS - 1);
}

function isoOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
