import { it } from "vitest";
import { createPrismaClient, db } from "@/lib/db/client";

export { db };

export const onPostgres = process.env.NCD_TEST_DB_KIND === "postgres";

/** Concurrency proves nothing on PGlite (one connection): such tests run on PostgreSQL only. */
export const itOnPostgres = onPostgres ? it : it.skip;

/** A second, independent client: another app server racing this one. */
export function secondClient() {
  return createPrismaClient({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR }).prisma;
}

export const uniqueSuffix = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
