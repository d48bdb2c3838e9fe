import { describe, expect } from "vitest";
import { JOBS, startScheduler } from "@/lib/jobs/scheduler";
import { READ_DOCUMENT } from "@/lib/ocr/queue";
import { COMPUTE_STATISTICS } from "@/lib/stats/snapshot-queue";
import { db, itOnPostgres } from "../support/db";

describe("the job queue with several app servers", () => {
  // Every app server starts the scheduler; a fresh database has none of the queue's tables, and
  // pg-boss adds one per queue as it is created.
  itOnPostgres("two servers starting at once on a database without the queue both join it", async () => {
    await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS pgboss CASCADE");
    const stops = await Promise.all([startScheduler(), startScheduler()]);
    await Promise.all(stops.map((stop) => stop()));
    const names = [...Object.keys(JOBS), READ_DOCUMENT, COMPUTE_STATISTICS];
    const [queues] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = ANY(${names})`;
    expect(queues!.n).toBe(names.length);
  });
});
