import { randomBytes } from "node:crypto";
import { createDatabase } from "../../db/tools";

/**
 * Points the portal's modules, and the servers this process starts after, at a benchmark's
 * database, with personal-data keys of their own (what a run seals is read by that run only).
 * lib/env.ts parses the environment once, on the first import of any of the portal's modules:
 * call this before the first `await import("@/lib/…")`.
 */
export function pointPortalAt(url: string, more: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATA_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
    ...more,
  });
}

/** A new empty database for a benchmark (dropped by its caller), the portal pointed at it. */
export async function createPortalDatabase(prefix: string, more?: Record<string, string>): Promise<{ name: string; url: string }> {
  const database = await createDatabase(prefix);
  pointPortalAt(database.url, more);
  return database;
}
