import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { issuePasswordLink } from "@/lib/auth/services/password-links";
import { AppError } from "@/lib/errors";
import { BASE_ORGANISATION } from "@/lib/setup/programme-defaults";

/**
 * The installation's first programme administrator, in the support centre, with a one-time link
 * to set their own password (nobody else ever knows it). Running it again before that person has
 * signed in gives a fresh link (the old one stops working); once any administrator exists and has
 * signed in, further staff are invited from the portal, not here.
 */
export async function createFirstAdministrator(input: { email: string; displayName: string }): Promise<{ userId: string; token: string }> {
  const email = input.email.trim().toLowerCase();
  const admins = await db.membership.findMany({
    where: { role: "PROGRAM_ADMIN" },
    select: { user: { select: { id: true, email: true, lastSignInAt: true } } },
  });
  const pending = admins.find((a) => a.user.email === email && !a.user.lastSignInAt);
  if (pending) {
    const token = await db.$transaction((tx) => issuePasswordLink(tx, pending.user.id, "SETUP"));
    return { userId: pending.user.id, token };
  }
  if (admins.length > 0) throw new AppError("DUPLICATE", "this portal already has an administrator: staff are invited from the administration pages");
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("DUPLICATE", `${email} already has an account`);

  const centre = await db.organisation.findUniqueOrThrow({ where: { code: BASE_ORGANISATION.code }, select: { id: true } });
  // A password nobody knows until the link sets one.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, displayName: input.displayName.trim(), passwordHash, membership: { create: { organisationId: centre.id, role: "PROGRAM_ADMIN" } } },
      select: { id: true },
    });
    await appendAudit(tx, { actorId: null, organisationId: centre.id, entityType: "User", entityId: user.id, action: "user.created", data: { role: "PROGRAM_ADMIN", via: "setup" } });
    return { userId: user.id, token: await issuePasswordLink(tx, user.id, "SETUP") };
  });
}
