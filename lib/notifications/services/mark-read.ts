import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";

/** Marks the signed-in user's own unread messages read (never anyone else's); returns how many. */
export async function markInboxRead(actor: Actor, now: Date = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: now } });
  return count;
}
