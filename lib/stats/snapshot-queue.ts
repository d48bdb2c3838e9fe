import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { setStatisticsRequester } from "@/lib/stats/snapshot-dispatch";
import { storeStatistics } from "@/lib/stats/services/refresh-statistics";

/** The queue of snapshots pages asked for, one message per key. */
export const COMPUTE_STATISTICS = "compute-statistics";

/**
 * Makes this server compute the snapshots pages ask for. The queue is stately: per key at most
 * one message waits and one runs, so a page asked for a thousand times computes once (and once
 * more if asked while it ran).
 */
export async function serveStatisticsQueue(boss: PgBoss): Promise<() => void> {
  await boss.createQueue(COMPUTE_STATISTICS, { name: COMPUTE_STATISTICS, policy: "stately", retryLimit: 1 });
  await boss.work<{ key: string }>(COMPUTE_STATISTICS, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await storeStatistics(job.data.key);
  });
  setStatisticsRequester((key) => boss.send(COMPUTE_STATISTICS, { key }, { singletonKey: key }));
  return () => setStatisticsRequester(undefined);
}

/** The embedded database (one process): compute right here, one run per key at a time. */
export function computeStatisticsInProcess(): () => void {
  const running = new Set<string>();
  setStatisticsRequester(async (key) => {
    if (running.has(key)) return;
    running.add(key);
    setImmediate(() => void storeStatistics(key)
      .catch((error: unknown) => logger.error("statistics snapshot failed", { key, error }))
      .finally(() => running.delete(key)));
  });
  return () => setStatisticsRequester(undefined);
}
