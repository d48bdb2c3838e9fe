import { isIsoDate } from "@/lib/loans/schedule";
import { beijingDayOf } from "@/lib/calendar/beijing";

// The period the "how the programme works" figures cover: from–to, whole Beijing days, both
// included, with optional filters. Pure: the page, the XLSX route and the tests share it. What
// needs the database (the programme's first day, whether an organisation code exists) is checked
// by the query (lib/stats/insight.ts), with the same error codes.

export const CHANNELS = ["all", "green", "normal"] as const;
export type Channel = (typeof CHANNELS)[number];

export type InsightFilters = {
  /** Green channel (ji shen ji ban) cases only, normal ones only, or all. */
  channel: Channel;
  /** An organisation's code: only the cases routed to that guarantor or bank. */
  org: string | null;
};

export type InsightPeriod = { from: string; to: string };

export type PeriodErrorCode = "EMPTY_DATE" | "BAD_DATE" | "REVERSED" | "BEFORE_PROGRAMME" | "UNKNOWN_FILTER" | "UNKNOWN_ORG";

// A result, not a throw: the statistics page shows the refusal and falls back to `period`; the
// download routes turn it into BAD_REQUEST.
export type PeriodChoice =
  | { ok: true; period: InsightPeriod; filters: InsightFilters }
  | { ok: false; code: PeriodErrorCode; period: InsightPeriod; filters: InsightFilters };

/** Query keys the statistics pages understand; anything else is an unknown filter. */
export const KNOWN_KEYS: readonly string[] = ["asOf", "from", "to", "channel", "org"];

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.trim();

/** The default period: the first of January of this year (Beijing) to today. */
export function defaultPeriod(now: Date = new Date()): InsightPeriod {
  const today = beijingDayOf(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * Reads `from`, `to`, `channel` and `org` from a query string. An absent bound takes the default;
 * a bound given but blank is EMPTY_DATE, a malformed or impossible one BAD_DATE, from after to
 * REVERSED; any other key, or a channel not in CHANNELS, UNKNOWN_FILTER. On error the defaults
 * come back with the code, so a page can still show something.
 */
export function parsePeriodParams(params: Params, now: Date = new Date()): PeriodChoice {
  const fallback = defaultPeriod(now);
  const filters: InsightFilters = { channel: "all", org: null };
  const fail = (code: PeriodErrorCode): PeriodChoice => ({ ok: false, code, period: fallback, filters });

  for (const key of Object.keys(params)) if (!KNOWN_KEYS.includes(key)) return fail("UNKNOWN_FILTER");
  const channel = first(params.channel);
  if (channel !== undefined && channel !== "") {
    if (!(CHANNELS as readonly string[]).includes(channel)) return fail("UNKNOWN_FILTER");
    filters.channel = channel as Channel;
  }
  const org = first(params.org);
  if (org !== undefined && org !== "") {
    if (!/^[A-Z0-9_-]{1,32}$/.test(org)) return fail("UNKNOWN_ORG");
    filters.org = org;
  }

  const bound = (value: string | undefined, otherwise: string): string | PeriodErrorCode => {
    if (value === undefined) return otherwise;
    if (value === "") return "EMPTY_DATE";
    return isIsoDate(value) ? value : "BAD_DATE";
  };
  const from = bound(first(params.from), fallback.from);
  const to = bound(first(params.to), fallback.to);
  for (const b of [from, to]) if (b === "EMPTY_DATE" || b === "BAD_DATE") return fail(b);
  if (from > to) return fail("REVERSED");
  return { ok: true, period: { from, to }, filters };
}

/** The same check for a period the query is handed directly (the XLSX route, tests). */
export function periodError(period: InsightPeriod, programmeStart: string): PeriodErrorCode | null {
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) return "BAD_DATE";
  if (period.from > period.to) return "REVERSED";
  if (period.to < programmeStart) return "BEFORE_PROGRAMME";
  return null;
}
