import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrator";
import { connectPostgres, openPglite } from "@/lib/db/sql-executor";
import { ADMIN_URL, createDatabase, dropDatabase } from "../../scripts/db/tools";

// Every integration run gets its own fresh database: on the PostgreSQL server when one answers
// (TEST_DATABASE_URL's server, or 127.0.0.1:5432), else an embedded PGlite directory.
async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  // The run's own keys for personal data (the workers and the scripts they start inherit them).
  process.env.DATA_KEYS ??= `it:${randomBytes(32).toString("base64")}`;
  process.env.BLIND_INDEX_KEY ??= randomBytes(32).toString("base64");
  if (process.env.TEST_DATABASE_URL) process.env.ADMIN_DATABASE_URL ??= process.env.TEST_DATABASE_URL;
  if (await postgresAnswers()) {
    const { name, url } = await createDatabase(process.env.TEST_DB_PREFIX ?? "ncd_it");
    const sql = await connectPostgres(url);
    await migrate(sql).finally(() => sql.close());
    process.env.DATABASE_URL = url;
    process.env.NCD_TEST_DB_KIND = "postgres";
    console.log(`integration tests: PostgreSQL database ${name}`);
    return () => dropDatabase(name);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "ncd-it-pglite-"));
  const sql = await openPglite(dir);
  await migrate(sql).finally(() => sql.close());
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = dir;
  process.env.NCD_TEST_DB_KIND = "pglite";
  console.log(`integration tests: no PostgreSQL server answered; falling back to embedded PGlite in ${dir} (concurrency tests are skipped)`);
  return () => rm(dir, { recursive: true, force: true });
}
