import "server-only";

// How a page asks for a snapshot it did not find (a fresh install, a view nobody asked for yet):
// the scheduler registers a requester when it runs in this process (a pg-boss message on
// PostgreSQL, a computation right here on the embedded database). Without a scheduler
// (SCHEDULER=off, tests, the benchmark) nothing is computed until someone runs the job's service.
type Requester = (key: string) => Promise<unknown>;

// Shared through globalThis: the scheduler starts from instrumentation, whose module copies are
// not the pages' in a Next build.
const KEY = Symbol.for("portal.stats.snapshotRequester");
type Slot = { request?: Requester };
const slot = ((globalThis as Record<symbol, Slot>)[KEY] ??= {});

export function setStatisticsRequester(request: Requester | undefined): void {
  slot.request = request;
}

export async function requestStatistics(key: string): Promise<void> {
  await slot.request?.(key);
}
