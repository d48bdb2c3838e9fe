import { parseAsOfParam } from "@/lib/stats/as-of";
import { defaultPeriod, parsePeriodParams, type InsightFilters, type InsightPeriod, type PeriodErrorCode } from "@/lib/stats/period";
import type { InsightFigures } from "@/lib/stats/insight";
import type { IntakeChannelRow } from "@/lib/stats/intake-channels";
import type { ProgrammeFigures } from "@/lib/stats/queries";

// What a statistics page shows, as one stored snapshot (the StatisticsSnapshot table): the view
// it was asked for (as-of day, insight period, filters), its key, and the figures as JSON. Pure:
// the page's read, the job and the tests share it. The figures do not depend on who reads them
// (every role with stats.read sees the same programme-wide figures; the filters are part of the
// view), so one snapshot serves every reader of a view.

export type StatisticsView = { asOf: string; period: InsightPeriod; filters: InsightFilters };

/** The pages' default view: as of today, this year so far, no filter. Its snapshot is kept current. */
export const CURRENT = "current";

export type StatisticsBody = {
  view: StatisticsView;
  programme: ProgrammeFigures;
  channels: IntakeChannelRow[];
  /** The insight figures; a period the data refuses (before the programme, unknown organisation) says why, with this year so far instead. */
  insight: { error: PeriodErrorCode | null; figures: InsightFigures };
  partners: { code: string; nameZh: string; nameEn: string }[];
  programmeStart: string;
};

export type PageRequest = {
  view: StatisticsView;
  key: string;
  /** The as-of date given was malformed (today is shown). */
  invalidDate: boolean;
  /** The period given was refused before any data was read (this year so far is shown). */
  periodError: PeriodErrorCode | null;
};

type Params = Record<string, string | string[] | undefined>;

export function defaultView(now: Date = new Date()): StatisticsView {
  const period = defaultPeriod(now);
  return { asOf: period.to, period, filters: { channel: "all", org: null } };
}

export const viewKey = (v: StatisticsView): string =>
  ["view", v.asOf, v.period.from, v.period.to, v.filters.channel, v.filters.org ?? ""].join("|");

/** The view a key names; null for CURRENT or anything that is not a view key. */
export function viewOfKey(key: string): StatisticsView | null {
  const parts = key.split("|");
  if (parts.length !== 6 || parts[0] !== "view") return null;
  const [, asOf, from, to, channel, org] = parts as [string, string, string, string, string, string];
  const params: Params = { asOf, from, to, channel, ...(org ? { org } : {}) };
  const request = pageRequest(params);
  return request.invalidDate || request.periodError ? null : request.view;
}

/** The view a page's query string asks for, and the key of its snapshot. */
export function pageRequest(params: Params, now: Date = new Date()): PageRequest {
  const asOf = parseAsOfParam(params.asOf, now);
  const choice = parsePeriodParams(params, now);
  const view: StatisticsView = { asOf: asOf.day, period: choice.period, filters: choice.filters };
  const key = viewKey(view) === viewKey(defaultView(now)) ? CURRENT : viewKey(view);
  return { view, key, invalidDate: !asOf.valid, periodError: choice.ok ? null : choice.code };
}

// Amounts are bigint fen: JSON carries them as tagged strings, exactly.
const BIGINT = "$bigint";

export const encodeStatistics = (body: StatisticsBody): string =>
  JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? { [BIGINT]: value.toString() } : value));

// A JSON.parse reviver is called for every value of the body (some 0.5 ms per statistics page in a
// CPU profile, each call a crossing from the parser into JavaScript): the parsed tree is walked
// once instead, in place, replacing each tagged object by its bigint.
function reviveBigints(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const revived = reviveBigints(value[i]);
      if (revived !== value[i]) value[i] = revived;
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const tagged = record[BIGINT];
  if (typeof tagged === "string" && keys.length === 1) return BigInt(tagged);
  for (const key of keys) {
    const revived = reviveBigints(record[key]);
    if (revived !== record[key]) record[key] = revived;
  }
  return value;
}

export const decodeStatistics = (text: string): StatisticsBody => reviveBigints(JSON.parse(text)) as StatisticsBody;
