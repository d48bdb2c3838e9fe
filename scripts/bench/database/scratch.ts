import { dropDatabase } from "../../db/tools";
import { createPortalDatabase } from "./portal-database";

type Sql = Awaited<ReturnType<(typeof import("@/lib/db/sql-executor"))["connectPostgres"]>>;

/**
 * A benchmark's own database on the PostgreSQL server, migrated; the portal points at it
 * (portal-database.ts) before any of its modules read the environment: import them inside
 * `run`. Dropped afterwards, whatever happens.
 */
export async function withScratchDatabase<T>(prefix: string, run: (sql: Sql, url: string) => Promise<T>): Promise<T> {
  const { name, url } = await createPortalDatabase(prefix);
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
