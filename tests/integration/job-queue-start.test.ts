import net from "node:net";
import { describe, expect } from "vitest";
import { JOBS, startScheduler, startSchedulerWhenReachable } from "@/lib/jobs/scheduler";
import { READ_DOCUMENT } from "@/lib/ocr/queue";
import { COMPUTE_STATISTICS } from "@/lib/stats/snapshot-queue";
import { db, itOnPostgres } from "../support/db";

const QUEUES = [...Object.keys(JOBS), READ_DOCUMENT, COMPUTE_STATISTICS];
const queuesJoined = async () => {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = ANY(${QUEUES})`;
  return row!.n;
};
const schemaExists = async () => {
  const [row] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.queue') IS NOT NULL AS present`;
  return row!.present;
};

/** A port nothing listens on yet; `open` then forwards it to the test database (the database coming back). */
async function databaseComingBack(target: URL): Promise<{ url: string; open(): Promise<void>; close(): Promise<void> }> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    open: () => new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve)),
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      relay.close(() => resolve());
    }),
  };
}

describe("the job queue with several app servers", () => {
  // Every app server starts the scheduler; a fresh database has none of the queue's tables, and
  // pg-boss adds one per queue as it is created.
  itOnPostgres("two servers starting at once on a database without the queue both join it", async () => {
    await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS pgboss CASCADE");
    const stops = await Promise.all([startScheduler(), startScheduler()]);
    await Promise.all(stops.map((stop) => stop()));
    expect(await queuesJoined()).toBe(QUEUES.length);
  });

  // A server that came up while PostgreSQL restarted used to log "scheduler did not start" and
  // never run a job until it was restarted itself.
  itOnPostgres("a server started while the database cannot be reached joins the queue once it can", async () => {
    await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS pgboss CASCADE");
    const database = await databaseComingBack(new URL(process.env.DATABASE_URL!));
    try {
      const starting = startSchedulerWhenReachable(() => startScheduler(database.url), { firstDelayMs: 100, maxDelayMs: 400 });
      await new Promise((r) => setTimeout(r, 1500));
      expect(await schemaExists()).toBe(false);
      await database.open();
      const stop = await starting;
      await stop();
      expect(await queuesJoined()).toBe(QUEUES.length);
    } finally {
      await database.close();
    }
  });

  itOnPostgres("a failure that is not the database's is not waited out", async () => {
    await expect(startSchedulerWhenReachable(async () => { throw new TypeError("a bug"); }, { firstDelayMs: 10 })).rejects.toThrow("a bug");
  });
});
