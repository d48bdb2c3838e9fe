import { it } from "vitest";
import { createPrismaClient, db } from "@/lib/db/client";
import { unseal } from "@/lib/personal-data/sealed";

export { db };

export const onPostgres = process.env.NCD_TEST_DB_KIND === "postgres";

/** Concurrency proves nothing on PGlite (one connection): such tests run on PostgreSQL only. */
export const itOnPostgres = onPostgres ? it : it.skip;

/** A second, independent client: another app server racing this one. */
export function secondClient() {
  return createPrismaClient({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR }).prisma;
}

export const uniqueSuffix = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** The text messages in the outbox for a user's mobile, oldest first. */
export async function textsToUser(userId: string): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { mobileSealed: true } });
  const mobile = unseal(user.mobileSealed!, "User.mobile");
  const rows = await db.outboxSms.findMany({ orderBy: { createdAt: "asc" } });
  return rows.filter((r) => unseal(r.toSealed, "OutboxSms.to") === mobile).map((r) => unseal(r.bodySealed, "OutboxSms.body"));
}
