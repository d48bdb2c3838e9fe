import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { migrate, readMigrations } from "@/lib/db/migrator";
import { connectPostgres } from "@/lib/db/sql-executor";
import { seedDemo } from "@/lib/demo/seed";
import { createDatabase, dropDatabase } from "../../scripts/db/tools";

export type ScratchDatabase = { name: string; url: string };

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/** Runs one of the project's scripts as an installer would, against `url`; an `undefined` in `env` unsets that variable. */
export function runScript(script: string, url: string, args: string[] = [], env: Record<string, string | undefined> = {}) {
  const merged: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  return spawnSync(tsx, ["--conditions=react-server", script, ...args], { env: merged, encoding: "utf8" });
}

/**
 * Databases a test file makes for itself on the PostgreSQL server, each dropped when the file is
 * done (after `cleanUp`, for what else the file made).
 */
export function scratchDatabases(cleanUp?: () => Promise<void>) {
  const names: string[] = [];
  afterAll(async () => {
    for (const name of names) await dropDatabase(name);
    await cleanUp?.();
  });

  const empty = async (prefix: string): Promise<ScratchDatabase> => {
    const created = await createDatabase(prefix);
    names.push(created.name);
    return created;
  };

  return {
    empty,
    /** Migrated to the newest schema and holding the demo. */
    async seeded(prefix: string): Promise<ScratchDatabase> {
      const target = await empty(prefix);
      const sql = await connectPostgres(target.url);
      await migrate(sql).finally(() => sql.close());
      const { prisma } = createPrismaClient({ url: target.url });
      await seedDemo(prisma).finally(() => prisma.$disconnect());
      return target;
    },
    /**
     * Migrated up to, not including, the migration whose name ends with `suffix`: an installation
     * as it stood before that upgrade. `upgrade()` applies the rest; the caller closes `sql`.
     */
    async before(prefix: string, suffix: string) {
      const target = await empty(prefix);
      const all = await readMigrations();
      const at = all.findIndex((m) => m.name.endsWith(suffix));
      expect(at, `a migration named …${suffix}`).toBeGreaterThan(0);
      const sql = await connectPostgres(target.url);
      await migrate(sql, { migrations: all.slice(0, at) });
      return { ...target, sql, upgrade: () => migrate(sql, { migrations: all }) };
    },
  };
}
