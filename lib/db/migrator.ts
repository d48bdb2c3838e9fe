import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlExecutor } from "@/lib/db/sql-executor";
import { DATA_STEPS } from "@/lib/db/data-steps";

// Applies prisma/migrations/*/migration.sql in name order and records each one in
// `_prisma_migrations` exactly as Prisma Migrate does, so `prisma migrate deploy` and this
// runner can take turns on the same database.

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

export type Migration = { name: string; sql: string; checksum: string };

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; it only has to be the same for every migrator of this portal.
const LOCK_KEY = 2017_0501;

export const checksumOf = (sql: string): string => createHash("sha256").update(sql).digest("hex");

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
  ) {
    super(message);
  }
}

type Applied = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Applies every pending migration; each one and its record commit together or not at all. */
export async function migrate(
  sql: SqlExecutor,
  options: { migrations?: Migration[]; log?: (line: string) => void } = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const migrations = options.migrations ?? (await readMigrations());
  await sql.exec(CREATE_TABLE);
  // Serialises two migrators started at once (two app servers); PGlite has one connection anyway.
  await sql.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    const applied = await sql.query<Applied>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done = new Map(
      applied.filter((a) => a.finished_at && !a.rolled_back_at).map((a) => [a.migration_name, a.checksum]),
    );
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new MigrationError(`The database has migrations this code does not know: ${unknown.join(", ")}`);
    }
    const ran: string[] = [];
    for (const m of migrations) {
      const checksum = done.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new MigrationError(`Migration ${m.name} was changed after it was applied`, m.name);
        }
        continue;
      }
      log(`applying ${m.name}`);
      try {
        await sql.transaction(async (tx) => {
          await tx.exec(m.sql);
          await DATA_STEPS[m.name]?.(tx);
          await tx.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), m.checksum, m.name],
          );
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${reason}`, m.name);
      }
      ran.push(m.name);
    }
    return ran;
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}
