import "server-only";
import { handoff } from "@/lib/background/handoff";
import { storeStatistics } from "@/lib/stats/services/refresh-statistics";

// How a page asks for a snapshot it did not find (a fresh install, a view nobody asked for yet):
// the scheduler's requester (lib/background/handoff.ts) sends a pg-boss message on PostgreSQL or
// computes it in the background on the embedded database, and the page says the figures are
// being prepared. A process without a scheduler (SCHEDULER=off) has nobody to hand the work to:
// it computes the snapshot itself, once, and the page shows it.
const snapshots = handoff("portal.stats.snapshotRequester");

export const setStatisticsRequester = snapshots.register;

/** "requested": someone computes it soon; "stored": it was computed here and is in the table now. */
export async function requestStatistics(key: string): Promise<"requested" | "stored"> {
  if (await snapshots.handOver(key)) return "requested";
  await storeStatistics(key);
  return "stored";
}
