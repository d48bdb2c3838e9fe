import { isIsoDate } from "@/lib/loans/schedule";
import { beijingToday } from "@/lib/subsidies/periods";

// "As of a day" means up to the end of that calendar day in Beijing (Asia/Shanghai: UTC+8, no
// daylight saving since 1991). Pure: the query, the page, the CSV route and the tests share it.

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day an instant falls on, YYYY-MM-DD. */
export const beijingDayOf = (instant: Date): string => beijingToday(instant);

/**
 * The first instant after the Beijing day, written as the UTC wall-clock time that a
 * `timestamp(3)` column (Prisma's DateTime) holds: compare with `<` in SQL.
 */
export function afterBeijingDayUtc(day: string): string {
  if (!isIsoDate(day)) throw new RangeError(`not a valid YYYY-MM-DD date: ${day}`);
  const next = Date.parse(`${day}T00:00:00.000Z`) + DAY_MS - BEIJING_OFFSET_MS;
  return new Date(next).toISOString().replace("T", " ").replace("Z", "");
}

/** The instant that stands for a day when a Date is wanted: noon in Beijing, never ambiguous. */
export const beijingNoon = (day: string): Date => new Date(`${day}T12:00:00+08:00`);

export type AsOfChoice = { day: string; valid: boolean };

/** The as-of day from a query string: today (Beijing) when absent, today and `valid: false` when malformed. */
export function parseAsOfParam(value: string | string[] | null | undefined, now: Date = new Date()): AsOfChoice {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  const today = beijingDayOf(now);
  if (text === "") return { day: today, valid: true };
  return isIsoDate(text) ? { day: text, valid: true } : { day: today, valid: false };
}
