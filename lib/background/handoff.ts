import "server-only";

/** Starts one piece of work elsewhere, given what names it (a reading's, a job's id, a snapshot's key). */
export type Starter = (id: string) => Promise<unknown>;

export type Handoff = {
  /** The scheduler registers its starter when it runs in this process, and `undefined` when it stops. */
  register: (start: Starter | undefined) => void;
  /** Hands the work to the registered starter: false when nobody registered one (SCHEDULER=off, tests). */
  handOver: (id: string) => Promise<boolean>;
};

/**
 * Who starts work a request queued: a pg-boss message on PostgreSQL, a run right here on the
 * embedded database, or nobody, when no scheduler runs in this process. The starter lives on
 * globalThis under `name`: the scheduler starts from instrumentation, whose module copies are not
 * those of the route handlers, actions and pages that hand work over in a Next build.
 */
export function handoff(name: string): Handoff {
  const key = Symbol.for(name);
  const slot = ((globalThis as Record<symbol, { start?: Starter }>)[key] ??= {});
  return {
    register: (start) => {
      slot.start = start;
    },
    handOver: async (id) => {
      if (!slot.start) return false;
      await slot.start(id);
      return true;
    },
  };
}
