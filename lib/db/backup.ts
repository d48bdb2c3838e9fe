import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";

// Backup and restore of a PostgreSQL database with PostgreSQL's own tools (pg_dump's custom
// format: compressed, restorable table by table). The audit log's rows, hashes and its
// append-only trigger travel with it, so the restored chain verifies as the original did.

const run = promisify(execFile);

export async function backupDatabase(url: string, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 });
}

/** Tables in the target's public schema: a restore goes into an empty database only. */
export async function tablesIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export class RestoreRefused extends Error {}

export async function restoreDatabase(file: string, url: string): Promise<void> {
  if ((await tablesIn(url)) > 0) {
    throw new RestoreRefused("the target database is not empty: restore into a new, empty database (createdb …) so nothing is mixed or overwritten");
  }
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file], { maxBuffer: 16 * 1024 * 1024 });
}
