import "server-only";
import { db, type Db } from "@/lib/db/client";
import { beijingDayOf, beijingNoon } from "@/lib/calendar/beijing";
import { computeInsightFigures, listPartnerOptions, programmeStartDay } from "@/lib/stats/insight";
import { computeIntakeChannelCounts } from "@/lib/stats/intake-channels";
import { defaultPeriod } from "@/lib/stats/period";
import { computeProgrammeFigures } from "@/lib/stats/queries";
import { CURRENT, defaultView, encodeStatistics, viewOfKey, type StatisticsBody, type StatisticsView } from "@/lib/stats/snapshot";

// The statistics pages read stored snapshots (lib/stats/snapshot-queries.ts); this computes them
// with the very functions the downloads use, from the dated records. The job refresh-statistics
// runs it every minute: the default view is recomputed when the audit log (every change the
// figures count writes an event) has moved on since it was computed, when the Beijing day has
// turned, or after MAX_AGE_MS at the latest (loans' overdue flags and the like change without
// an event of their own); the other views pages asked for the same way, for a day.

const MAX_AGE_MS = 15 * 60_000;
const VIEW_LIFETIME_MS = 24 * 60 * 60_000;
/** Other views recomputed per run, the longest-standing first; the rest wait for the next minute. */
const VIEWS_PER_RUN = 10;

export async function computeStatistics(view: StatisticsView, client: Db = db, now: Date = new Date()): Promise<StatisticsBody> {
  const [programme, channels, partners, programmeStart, asked] = await Promise.all([
    computeProgrammeFigures(beijingNoon(view.asOf), client),
    computeIntakeChannelCounts(view.asOf, client),
    listPartnerOptions(client),
    programmeStartDay(client),
    computeInsightFigures(view.period, view.filters, client),
  ]);
  if (asked.ok) return { view, programme, channels, partners, programmeStart, insight: { error: null, figures: asked.figures } };
  // As the page always did: say why, and show this year so far.
  const fallback = await computeInsightFigures(defaultPeriod(now), { channel: "all", org: null }, client);
  if (!fallback.ok) throw new Error("the default period was refused");
  return { view, programme, channels, partners, programmeStart, insight: { error: asked.code, figures: fallback.figures } };
}

/** The audit log's last event id: it grows with every recorded change. */
async function auditMark(client: Db): Promise<bigint> {
  const last = await client.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

/** Computes and stores the snapshot of one key (CURRENT or a view key); false for a key that names no view. */
export async function storeStatistics(key: string, client: Db = db, now: Date = new Date()): Promise<boolean> {
  const view = key === CURRENT ? defaultView(now) : viewOfKey(key);
  if (!view) return false;
  // Read before computing: a change that commits meanwhile leaves the mark behind, and the next run recomputes.
  const mark = await auditMark(client);
  const body = encodeStatistics(await computeStatistics(view, client, now));
  const row = { body, auditMark: mark, computedAt: now };
  await client.statisticsSnapshot.upsert({ where: { key }, create: { key, ...row }, update: row });
  return true;
}

/** The job: brings every stale snapshot up to date. Returns how many it recomputed. */
export async function refreshStatistics(now: Date = new Date(), client: Db = db): Promise<number> {
  await client.statisticsSnapshot.deleteMany({ where: { key: { not: CURRENT }, createdAt: { lt: new Date(now.getTime() - VIEW_LIFETIME_MS) } } });
  const [mark, rows] = await Promise.all([
    auditMark(client),
    client.statisticsSnapshot.findMany({ select: { key: true, auditMark: true, computedAt: true }, orderBy: { computedAt: "asc" } }),
  ]);
  const today = beijingDayOf(now);
  const stale = (r: { key: string; auditMark: bigint; computedAt: Date }) =>
    r.auditMark < mark || now.getTime() - r.computedAt.getTime() >= MAX_AGE_MS || (r.key === CURRENT && beijingDayOf(r.computedAt) !== today);
  const keys = [
    ...(rows.some((r) => r.key === CURRENT && !stale(r)) ? [] : [CURRENT]),
    ...rows.filter((r) => r.key !== CURRENT && stale(r)).slice(0, VIEWS_PER_RUN).map((r) => r.key),
  ];
  let done = 0;
  for (const key of keys) {
    if (await storeStatistics(key, client, now)) done += 1;
    else await client.statisticsSnapshot.deleteMany({ where: { key } });
  }
  return done;
}
