import "server-only";

// How a queued reading gets started: the scheduler registers a starter when it runs in this
// process (a pg-boss message on PostgreSQL, a run right here on the embedded database). Without a
// scheduler (SCHEDULER=off, tests) the reading waits for the sweep job, read-documents, which also
// picks up any reading whose start was lost.
type Starter = (readingId: string) => Promise<unknown>;

// Shared through globalThis: the scheduler starts from instrumentation, whose module copies are
// not the route handlers' in a Next build.
const KEY = Symbol.for("portal.ocr.readingStarter");
type Slot = { start?: Starter };
const slot = ((globalThis as Record<symbol, Slot>)[KEY] ??= {});

export function setReadingStarter(start: Starter | undefined): void {
  slot.start = start;
}

export async function startReading(readingId: string): Promise<void> {
  await slot.start?.(readingId);
}
