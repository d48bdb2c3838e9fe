// Not marked server-only: the proxy (a separate bundle) loads it through the auth config.
import { db, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/auth/roles";
import type { OrganisationType, StaffRole } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/audit/record";
import { mobileLookup } from "@/lib/personal-data/sealed";

type SessionRow = {
  id: string;
  displayName: string;
  sessionVersion: number;
  disabledAt: Date | null;
  totpEnabledAt: Date | null;
  role: StaffRole | null;
  organisationId: string | null;
  organisationType: OrganisationType | null;
};

/**
 * The account as it is now: a session is only as good as this says. One statement (every signed-in
 * request makes it): the account, its membership and its organisation's type joined.
 */
export async function loadSessionState(userId: string, client: Db = db): Promise<{ actor: Actor; sessionVersion: number } | null> {
  const [user] = await client.$queryRaw<SessionRow[]>`
    SELECT u.id, u."displayName", u."sessionVersion", u."disabledAt", u."totpEnabledAt",
           m.role::text AS role, m."organisationId", o.type::text AS "organisationType"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u.id
    LEFT JOIN "Organisation" o ON o.id = m."organisationId"
    WHERE u.id = ${userId}::uuid`;
  if (!user || user.disabledAt) return null;
  const actor: Actor = user.role && user.organisationId && user.organisationType
    ? {
        kind: "STAFF",
        userId: user.id,
        displayName: user.displayName,
        role: user.role,
        organisationId: user.organisationId,
        organisationType: user.organisationType,
        ...(env.STAFF_TWO_FACTOR === "required" && !user.totpEnabledAt ? { twoFactorMissing: true as const } : {}),
      }
    : { kind: "APPLICANT", userId: user.id, displayName: user.displayName, role: "APPLICANT" };
  return { actor, sessionVersion: user.sessionVersion };
}

/** Finds an account by mobile number or e-mail address (case-insensitive for e-mail). */
export async function findCredentials(identifier: string) {
  const value = identifier.trim();
  const where = value.includes("@") ? { email: value.toLowerCase() } : mobileLookup(value);
  return db.user.findUnique({ where, select: { id: true, passwordHash: true, disabledAt: true, sessionVersion: true, totpEnabledAt: true } });
}

export async function recordSignIn(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
}

/** Signing out ends the account's sessions on the server: a copied cookie stops working too. */
export async function endSession(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await appendAudit(tx, { actorId: userId, entityType: "User", entityId: userId, action: "auth.signed_out", data: {} });
  });
}
