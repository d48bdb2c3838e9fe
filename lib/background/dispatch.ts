import "server-only";

// How a queued background job gets started: the scheduler registers a starter when it runs in this
// process (a pg-boss message on PostgreSQL, a run right here on the embedded database). Without a
// scheduler (SCHEDULER=off, tests) the job waits for the sweep, which also picks up any job whose
// start was lost. Shared through globalThis: the scheduler starts from instrumentation, whose
// module copies are not the actions'.
type Starter = (jobId: string) => Promise<unknown>;

const KEY = Symbol.for("portal.background.jobStarter");
type Slot = { start?: Starter };
const slot = ((globalThis as Record<symbol, Slot>)[KEY] ??= {});

export function setJobStarter(start: Starter | undefined): void {
  slot.start = start;
}

export async function startJob(jobId: string): Promise<void> {
  await slot.start?.(jobId);
}
