import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterBeijingDayUtc } from "@/lib/stats/as-of";
import type { Channel, InsightPeriod } from "@/lib/stats/period";
import { startOfBeijingDay } from "@/lib/calendar/beijing";

// A checked period with its filters, in the forms the SQL compares with: Beijing days for
// `@db.Date` columns, and the UTC wall-clock bounds [fromUtc, beforeUtc) for `timestamp(3)` ones.
export type InsightScope = InsightPeriod & {
  fromUtc: string;
  beforeUtc: string;
  channel: Channel;
  /** The guarantor's or bank's id when the figures are filtered to one organisation. */
  orgId: string | null;
};

/** The first instant of a Beijing day, as the UTC wall-clock text a timestamp column holds. */
export function startOfBeijingDayUtc(day: string): string {
  return startOfBeijingDay(day).toISOString().replace("T", " ").replace("Z", "");
}

export function makeScope(period: InsightPeriod, channel: Channel, orgId: string | null): InsightScope {
  return { ...period, fromUtc: startOfBeijingDayUtc(period.from), beforeUtc: afterBeijingDayUtc(period.to), channel, orgId };
}

/** The filters on a `LoanApplication a`: the channel, and cases routed to the organisation. */
export const scopeFilterSql = (s: InsightScope) => Prisma.sql`
  (${s.channel}::text = 'all' OR a."greenChannel" = (${s.channel}::text = 'green'))
  AND (${s.orgId}::uuid IS NULL OR a."guarantorOrgId" = ${s.orgId}::uuid OR a."bankOrgId" = ${s.orgId}::uuid)`;
