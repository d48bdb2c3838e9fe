import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";

type Outbox = "OutboxEmail" | "OutboxSms";

export type Delivery = { status: "SENT" } | { status: "TAKEN" } | { status: "FAILED"; error: unknown };

/**
 * Sends one waiting outbox row at most once, however many delivery runs overlap (a slow run and
 * the next minute's, or two app servers): the row is locked for the time of the send
 * (`FOR UPDATE SKIP LOCKED`, so another run passes it by instead of waiting) and marked sent, or
 * its error recorded, before the lock is let go. A row someone else holds or already sent is TAKEN.
 */
export async function deliverOnce(outbox: Outbox, id: string, send: () => Promise<void>): Promise<Delivery> {
  const table = Prisma.raw(`"${outbox}"`);
  return db.$transaction(async (tx): Promise<Delivery> => {
    const held = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM ${table} WHERE id = ${id}::uuid AND "sentAt" IS NULL AND error IS NULL FOR UPDATE SKIP LOCKED`;
    if (held.length === 0) return { status: "TAKEN" };
    try {
      await send();
    } catch (error) {
      const message = error instanceof Error ? error.message.slice(0, 500) : "unknown";
      await tx.$executeRaw`UPDATE ${table} SET error = ${message} WHERE id = ${id}::uuid`;
      return { status: "FAILED", error };
    }
    await tx.$executeRaw`UPDATE ${table} SET "sentAt" = now() WHERE id = ${id}::uuid`;
    return { status: "SENT" };
  }, { timeout: 60_000, maxWait: 10_000 });
}
