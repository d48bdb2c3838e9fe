// Not marked server-only: Auth.js's authorize (which the proxy bundle loads) calls it.
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";

// Password guessing is slowed per account: after MAX_FAILURES failed sign-ins within WINDOW_MS,
// further attempts are refused without checking the password until the window moves on. The
// answer stays the same generic "wrong account or password", so nothing is revealed.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

/** The identifier as it is logged: a hash, so failed attempts do not store phone numbers or e-mails. */
export const identifierKey = (identifier: string): string =>
  createHash("sha256").update(identifier.trim().toLowerCase()).digest("hex").slice(0, 32);

export async function isThrottled(identifier: string, now: Date = new Date()): Promise<boolean> {
  const failures = await db.auditEvent.count({
    where: { entityType: "SignIn", entityId: identifierKey(identifier), action: "auth.sign_in_failed", at: { gt: new Date(now.getTime() - WINDOW_MS) } },
  });
  return failures >= MAX_FAILURES;
}

export async function recordFailedSignIn(identifier: string, reason: "password" | "throttled"): Promise<void> {
  await db.$transaction((tx) =>
    appendAudit(tx, { actorId: null, entityType: "SignIn", entityId: identifierKey(identifier), action: "auth.sign_in_failed", data: { reason } }),
  );
}
