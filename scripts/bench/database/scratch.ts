import { createDatabase, dropDatabase } from "../../db/tools";

type Sql = Awaited<ReturnType<(typeof import("@/lib/db/sql-executor"))["connectPostgres"]>>;

/**
 * A benchmark's own database on the PostgreSQL server, migrated; `DATABASE_URL` points at it
 * before any of the portal's modules read the environment (lib/env.ts parses it once, on first
 * import: import them inside `run`). Dropped afterwards, whatever happens.
 */
export async function withScratchDatabase<T>(prefix: string, run: (sql: Sql, url: string) => Promise<T>): Promise<T> {
  const { name, url } = await createDatabase(prefix);
  process.env.DATABASE_URL = url;
  const { migrate } = await import("@/lib/db/migrator");
  const { connectPostgres } = await import("@/lib/db/sql-executor");
  const sql = await connectPostgres(url);
  try {
    await migrate(sql);
    return await run(sql, url);
  } finally {
    await sql.close();
    await dropDatabase(name);
  }
}
