import { beijingDayOf } from "@/lib/calendar/beijing";
import { KNOWN_KEYS, parsePeriodParams, type InsightFilters, type InsightPeriod, type PeriodErrorCode } from "@/lib/stats/period";

// The period an annual report covers: `?year=YYYY` (that calendar year in Beijing, up to today
// for the current year), or the statistics page's own `from`/`to`/`channel`/`org`. Pure: the
// route and the tests share it; the programme's first day is checked by the query with the page's
// BEFORE_PROGRAMME code.

export type ReportErrorCode = PeriodErrorCode | "FUTURE_YEAR" | "YEAR_AND_DATES";
export type ReportChoice =
  | { ok: true; period: InsightPeriod; filters: InsightFilters; year: number | null }
  | { ok: false; code: ReportErrorCode };

type Params = Record<string, string | undefined>;

export function parseReportParams(params: Params, now: Date = new Date()): ReportChoice {
  const { year: yearText, ...rest } = params;
  if (yearText === undefined) {
    const choice = parsePeriodParams(rest, now);
    return choice.ok ? { ok: true, period: choice.period, filters: choice.filters, year: null } : { ok: false, code: choice.code };
  }
  for (const key of Object.keys(rest)) if (!KNOWN_KEYS.includes(key)) return { ok: false, code: "UNKNOWN_FILTER" };
  if (rest.from !== undefined || rest.to !== undefined || rest.asOf !== undefined) return { ok: false, code: "YEAR_AND_DATES" };
  const text = yearText.trim();
  if (text === "") return { ok: false, code: "EMPTY_DATE" };
  if (!/^\d{4}$/.test(text)) return { ok: false, code: "BAD_DATE" };
  const today = beijingDayOf(now);
  if (text > today.slice(0, 4)) return { ok: false, code: "FUTURE_YEAR" };
  const end = `${text}-12-31`;
  const filters = parsePeriodParams(rest, now);
  if (!filters.ok) return { ok: false, code: filters.code };
  return { ok: true, period: { from: `${text}-01-01`, to: end < today ? end : today }, filters: filters.filters, year: Number(text) };
}

/** The day before a YYYY-MM-DD day (the figures "at the start" of a period are as of it). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
