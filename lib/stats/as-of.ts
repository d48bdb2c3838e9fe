import { isIsoDate } from "@/lib/loans/schedule";
import { beijingDayOf, DAY_MS, startOfBeijingDay } from "@/lib/calendar/beijing";

// "As of a day" means up to the end of that calendar day in Beijing (Asia/Shanghai: UTC+8, no
// daylight saving since 1991). Pure: the query, the page, the CSV route and the tests share it.


/**
 * The first instant after the Beijing day, written as the UTC wall-clock time that a
 * `timestamp(3)` column (Prisma's DateTime) holds: compare with `<` in SQL.
 */
export function afterBeijingDayUtc(day: string): string {
  if (!isIsoDate(day)) throw new RangeError(`not a valid YYYY-MM-DD date: ${day}`);
  return new Date(startOfBeijingDay(day).getTime() + DAY_MS).toISOString().replace("T", " ").replace("Z", "");
}


export type AsOfChoice = { day: string; valid: boolean };

/** The as-of day from a query string: today (Beijing) when absent, today and `valid: false` when malformed. */
export function parseAsOfParam(value: string | string[] | null | undefined, now: Date = new Date()): AsOfChoice {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  const today = beijingDayOf(now);
  if (text === "") return { day: today, valid: true };
  return isIsoDate(text) ? { day: text, valid: true } : { day: today, valid: false };
}
