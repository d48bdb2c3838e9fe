import "server-only";
import { db, type Db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { logger } from "@/lib/logger";
import { requestStatistics } from "@/lib/stats/snapshot-dispatch";
import { decodeStatistics, pageRequest, type PageRequest, type StatisticsBody } from "@/lib/stats/snapshot";

// The statistics pages' one read: the stored snapshot of the view the query string asks for (one
// row by its key), never the records themselves. A view with no snapshot yet (a fresh install, a
// view nobody asked for) is asked for and the page says its figures are being prepared (or, in a
// process without a scheduler, computed once on the spot: lib/stats/snapshot-dispatch.ts).

export type StatisticsPage =
  | { state: "ready"; request: PageRequest; computedAt: Date; body: StatisticsBody }
  | { state: "preparing"; request: PageRequest };

type Params = Record<string, string | string[] | undefined>;

export async function statisticsPage(actor: Actor | null, params: Params, now: Date = new Date(), client: Db = db): Promise<StatisticsPage> {
  assertCan(actor, "stats.read");
  const request = pageRequest(params, now);
  const read = () => client.statisticsSnapshot.findUnique({ where: { key: request.key }, select: { body: true, computedAt: true } });
  let row = await read();
  if (!row) {
    // The page answers either way; a lost request is made again by the next visit.
    const asked = await requestStatistics(request.key).catch((error: unknown) => logger.error("statistics request failed", { key: request.key, error }));
    if (asked === "stored") row = await read();
  }
  return row ? { state: "ready", request, computedAt: row.computedAt, body: decodeStatistics(row.body) } : { state: "preparing", request };
}
