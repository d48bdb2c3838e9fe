import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { unseal } from "@/lib/personal-data/sealed";
import { maskMobile } from "@/lib/validation/identity";

/** Mail waiting to be sent (or sent), for the demo's outbox page. */
export async function outbox(actor: Actor) {
  assertCan(actor, "outbox.read");
  return db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
}

/**
 * Text messages waiting to be sent (or sent): the number masked; the text only in the demo, which
 * has no SMS gateway (it is where a demo visitor finds a registration code). Elsewhere a message
 * may carry someone's one-time code, which no administrator needs to read.
 */
export async function smsOutbox(actor: Actor) {
  assertCan(actor, "outbox.read");
  const rows = await db.outboxSms.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map((m) => ({
    id: m.id, createdAt: m.createdAt, sentAt: m.sentAt, error: m.error,
    to: maskMobile(unseal(m.toSealed, "OutboxSms.to")),
    text: env.DEMO_MODE === "true" ? unseal(m.bodySealed, "OutboxSms.body") : null,
  }));
}
