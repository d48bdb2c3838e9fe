import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { SqlExecutor } from "@/lib/db/sql-executor";
import { createDatabase, dropDatabase } from "../../db/tools";

/**
 * Points the portal's modules, and the servers this process starts after, at a benchmark's
 * database, with personal-data keys of their own (what a run seals is read by that run only).
 * lib/env.ts parses the environment once, on the first import of any of the portal's modules:
 * this must come before the first `await import("@/lib/…")`.
 */
function pointPortalAt(url: string, more: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATA_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
    ...more,
  });
}

export type DemoDatabaseOptions = {
  /** More environment for the portal's modules and the servers started after (EXPORT_MAX_ROWS …). */
  env?: Record<string, string>;
  /** Seeds the demo data (default); `false` leaves the migrated database empty. */
  seed?: boolean;
  /** The process-wide client, made here instead of the portal's own (statements: Prisma's query events on). */
  client?: (url: string) => Db;
  /** `ALTER DATABASE … SET name = value` after the migrations, before any pooled connection opens. */
  settings?: Record<string, string>;
  /** Leaves a new database in place on close (its name on stderr), for EXPLAIN by hand. */
  keep?: boolean;
};

export type DemoDatabase = {
  name: string;
  url: string;
  /** The portal's process-wide client, pointed at this database. */
  db: Db;
  /** A raw SQL connection of its own, opened on the first call, closed by `close`. */
  sql(): Promise<SqlExecutor>;
  /** The id of a demo case by its number (the database is seeded afresh each run). */
  caseId(number?: string): Promise<string>;
  /** Closes the process-wide client and the SQL connection; drops a database made here (unless `keep`). */
  close(): Promise<void>;
};

/**
 * A benchmark's database: a new one named `prefix` and a random tail on the shared PostgreSQL
 * server (or an existing one, `{ name, url }`, left in place on close), the portal pointed at it,
 * migrated and, unless `seed: false`, seeded with the demo data. Call it before any of the
 * portal's modules is imported (see pointPortalAt). What fails on the way is cleaned up here.
 */
export async function openDemoDatabase(where: string | { name: string; url: string }, options: DemoDatabaseOptions = {}): Promise<DemoDatabase> {
  const made = typeof where === "string";
  const { name, url } = made ? await createDatabase(where) : where;
  pointPortalAt(url, options.env);
  const { connectPostgres } = await import("@/lib/db/sql-executor");
  const { db, disconnectShared } = await import("@/lib/db/client");
  let sql: Promise<SqlExecutor> | undefined;
  const database: DemoDatabase = {
    name,
    url,
    db,
    sql: () => (sql ??= connectPostgres(url)),
    async caseId(number = "SQ-2026-0001") {
      return (await db.loanApplication.findUniqueOrThrow({ where: { number }, select: { id: true } })).id;
    },
    async close() {
      const open = sql;
      sql = undefined;
      await open?.then((s) => s.close(), () => undefined);
      await disconnectShared();
      if (!made) return;
      if (options.keep) console.error(`kept database ${name}`);
      else await dropDatabase(name);
    },
  };
  try {
    if (options.client) (globalThis as Record<symbol, unknown>)[Symbol.for("ncd.prisma")] = { prisma: options.client(url) };
    const { migrate } = await import("@/lib/db/migrator");
    const migrator = await connectPostgres(url);
    try {
      await migrate(migrator);
      for (const [setting, value] of Object.entries(options.settings ?? {})) await migrator.exec(`ALTER DATABASE "${name}" SET ${setting} = '${value}'`);
    } finally {
      await migrator.close();
    }
    if (options.seed ?? true) {
      const { seedDemo } = await import("@/lib/demo/seed");
      await seedDemo(db);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** `run` on a database opened as openDemoDatabase opens it, closed (and dropped) afterwards, whatever happens. */
export async function withDemoDatabase<T>(where: string, options: DemoDatabaseOptions, run: (database: DemoDatabase) => Promise<T>): Promise<T> {
  const database = await openDemoDatabase(where, options);
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}
