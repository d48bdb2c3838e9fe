// The Beijing calendar (Asia/Shanghai: UTC+8, no daylight saving since 1991), pure. Every "today",
// every day an instant falls on and every instant a day starts at is computed here, with a fixed
// offset and never with the server's local-time methods, so a UTC container and a laptop agree.
//
// Two kinds of value carry a day, and they are named apart:
// - an instant (a `timestamp` column, `new Date()`): its day is the Beijing day, `beijingDayOf`;
// - a DATE column, which Prisma hands over as midnight UTC of that day: `dayOfDateColumn` reads
//   it back and `dateColumnOf` writes one. Reading such a value as an instant in Beijing would give
//   the same day only by the accident that midnight UTC is 08:00 in Beijing.

export const BEIJING_TIME_ZONE = "Asia/Shanghai";
export const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The Beijing calendar day an instant falls on, YYYY-MM-DD. */
export const beijingDayOf = (instant: Date): string => new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** Today's calendar day in Beijing, YYYY-MM-DD. */
export const beijingToday = (now: Date = new Date()): string => beijingDayOf(now);

/** The Beijing wall-clock minute of an instant, "YYYY-MM-DD HH:mm". */
export const beijingMinuteOf = (instant: Date): string =>
  new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");

/** The instant a Beijing day starts (00:00 in Beijing, 16:00 UTC the day before). */
export const startOfBeijingDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00.000Z`) - BEIJING_OFFSET_MS);

/** The instant that stands for a day when a Date is wanted: noon in Beijing, never ambiguous. */
export const beijingNoon = (day: string): Date => new Date(`${day}T12:00:00+08:00`);

/** The year of the Beijing day an instant falls on. */
export const beijingYearOf = (instant: Date): number => yearOfDay(beijingDayOf(instant));

/** The year of a YYYY-MM-DD day. */
export const yearOfDay = (day: string): number => Number(day.slice(0, 4));

/** The calendar quarter (1–4) of a YYYY-MM-DD day. */
export const quarterOfDay = (day: string): 1 | 2 | 3 | 4 => (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;

/** The day `days` calendar days after (or, negative, before) a YYYY-MM-DD day. */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The day a DATE column holds (Prisma returns it as midnight UTC), YYYY-MM-DD. */
export const dayOfDateColumn = (date: Date): string => date.toISOString().slice(0, 10);

/** The value to write into a DATE column for a YYYY-MM-DD day. */
export const dateColumnOf = (day: string): Date => new Date(`${day}T00:00:00Z`);
