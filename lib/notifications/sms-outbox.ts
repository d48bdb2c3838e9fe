import type { Prisma } from "@/lib/generated/prisma/client";
import { seal } from "@/lib/personal-data/sealed";

/** Puts a text message in the outbox, in the caller's transaction (delivered by `deliverSms`). */
export async function queueSms(tx: Prisma.TransactionClient, to: string, text: string): Promise<void> {
  await tx.outboxSms.create({ data: { toSealed: seal(to, "OutboxSms.to"), bodySealed: seal(text, "OutboxSms.body") } });
}
