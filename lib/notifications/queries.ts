import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";

export async function myNotifications(actor: Actor) {
  return db.notification.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, title: true, body: true, createdAt: true, readAt: true, applicationId: true },
  });
}

/** Mail waiting to be sent (or sent), for the demo's outbox page. */
export async function outbox(actor: Actor) {
  assertCan(actor, "outbox.read");
  return db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
}
