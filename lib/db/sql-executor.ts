import pg from "pg";
import { PGlite } from "@electric-sql/pglite";

/** The few raw-SQL operations the migrator needs, on either database. */
export type SqlExecutor = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function connectPostgres(url: string): Promise<SqlExecutor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const self: SqlExecutor = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql) {
      await client.query(sql);
    },
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const result = await fn(self);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: () => client.end(),
  };
  return self;
}

export function wrapPglite(db: PGlite, { closeOnRelease }: { closeOnRelease: boolean }): SqlExecutor {
  type Q = Pick<PGlite, "query" | "exec">;
  const over = (q: Q): Omit<SqlExecutor, "transaction" | "close"> => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    ...over(db),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({ ...over(tx), transaction: () => Promise.reject(new Error("nested")), close: async () => {} }),
      ),
    close: async () => {
      if (closeOnRelease) await db.close();
    },
  };
}

export async function openPglite(dir: string): Promise<SqlExecutor> {
  const db = new PGlite(dir);
  await db.waitReady;
  return wrapPglite(db, { closeOnRelease: true });
}
