import "server-only";
import { storeStatistics } from "@/lib/stats/services/refresh-statistics";

// How a page asks for a snapshot it did not find (a fresh install, a view nobody asked for yet):
// the scheduler registers a requester when it runs in this process (a pg-boss message on
// PostgreSQL, a computation in the background on the embedded database), and the page says the
// figures are being prepared. A process without a scheduler (SCHEDULER=off) has nobody to hand
// the work to: it computes the snapshot itself, once, and the page shows it.
type Requester = (key: string) => Promise<unknown>;

// Shared through globalThis: the scheduler starts from instrumentation, whose module copies are
// not the pages' in a Next build.
const KEY = Symbol.for("portal.stats.snapshotRequester");
type Slot = { request?: Requester };
const slot = ((globalThis as Record<symbol, Slot>)[KEY] ??= {});

export function setStatisticsRequester(request: Requester | undefined): void {
  slot.request = request;
}

/** "requested": someone computes it soon; "stored": it was computed here and is in the table now. */
export async function requestStatistics(key: string): Promise<"requested" | "stored"> {
  if (slot.request) {
    await slot.request(key);
    return "requested";
  }
  await storeStatistics(key);
  return "stored";
}
