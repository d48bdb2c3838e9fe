import { quarterOfDay, yearOfDay } from "@/lib/calendar/beijing";
import { isIsoDate } from "@/lib/loans/schedule";
import { words, type Message } from "@/lib/i18n/words";

// Quarters for the subsidy ledger ("today" and days: lib/calendar/beijing). Pure: pages, services and tests share it.

export type QuarterKey = `${number}Q${1 | 2 | 3 | 4}`;

/**
 * The batch a statement line belongs to: the calendar quarter in which the interest was paid,
 * or of the period's last day when nothing was paid. The subsidy reimburses interest actually
 * paid, so it is claimed in the quarter of the payment (a period ending 20 Sep and paid on
 * 21 Sep belongs to Q3; one ending 20 Dec paid on 2 Jan belongs to the next year's Q1).
 */
export function batchQuarterOf(line: { paidOn: string | null; periodEnd: string }): QuarterKey {
  return quarterOf(line.paidOn ?? line.periodEnd);
}

export function quarterOf(iso: string): QuarterKey {
  if (!isIsoDate(iso)) throw new RangeError(`not a valid YYYY-MM-DD date: ${iso}`);
  return `${yearOfDay(iso)}Q${quarterOfDay(iso)}`;
}

export function parseQuarter(text: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const match = /^(\d{4})Q([1-4])$/.exec(text);
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
}

export type QuarterRef = { year: number; quarter: 1 | 2 | 3 | 4 };

/** The first and last day of a calendar quarter, YYYY-MM-DD. */
export function quarterBounds(q: QuarterRef): { start: string; end: string } {
  return {
    start: `${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, "0")}-01`,
    end: new Date(Date.UTC(q.year, q.quarter * 3, 0)).toISOString().slice(0, 10),
  };
}

/** The quarter before `q`. */
export const previousQuarter = (q: QuarterRef): QuarterRef =>
  q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as 1 | 2 | 3 };

export const quarterKey = (q: QuarterRef): QuarterKey => `${q.year}Q${q.quarter}`;

/** A quarter as a reader names it, worded at the edge; text that is not a quarter key stays as it is. */
export function quarterLabel(key: string): Message {
  const q = parseQuarter(key);
  return q ? words("subsidy.common.quarterLabel", { year: String(q.year), quarter: String(q.quarter) }) : key;
}
