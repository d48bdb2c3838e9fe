import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { ORGANISATION_OF_ROLE, type Actor } from "@/lib/auth/roles";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { translatorIn } from "@/lib/i18n/translator";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { clearAccountThrottle } from "@/lib/auth/sign-in-throttle";
import { issuePasswordLink, LINK_HOURS, setPasswordPath } from "@/lib/auth/services/password-links";
import { unsealOptional } from "@/lib/personal-data/sealed";

/** Ends every session of an account at its next request (the session version moves on). */
export async function revokeSessions(actor: Actor, userId: string): Promise<void> {
  await changeAccess(actor, userId, "user.sessions_revoked", {});
}

/** Disables an account (it cannot sign in, its sessions end) or enables it again. */
export async function setAccountDisabled(actor: Actor, userId: string, disabled: boolean): Promise<void> {
  if (disabled && userId === actor.userId) throw new AppError("FORBIDDEN", words("admin.accountErrors.disableSelf"));
  await changeAccess(actor, userId, disabled ? "user.disabled" : "user.enabled", { disabledAt: disabled ? new Date() : null });
}

const accessState = (user: { disabledAt: Date | null } | null) => (user ? { disabled: user.disabledAt !== null } : null);

async function changeAccess(actor: Actor, userId: string, action: "user.sessions_revoked" | "user.disabled" | "user.enabled", data: { disabledAt?: Date | null }) {
  assertCan(actor, "admin.write");
  await db.$transaction(async (tx) => {
    // The row lock of the update makes "before" the state this change replaced.
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    const before = accessState(await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } }));
    if ("disabledAt" in data) await tx.user.update({ where: { id: userId }, data });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "User", entityId: userId, action,
      data: "disabledAt" in data ? { before, after: { disabled: data.disabledAt !== null } } : {},
    });
  });
}

/**
 * Unlocks an account: the sign-in failures counted against it (from any address) are forgotten,
 * so its owner can try again at once. Recorded on the audit log.
 */
export async function unlockAccount(actor: Actor, userId: string): Promise<number> {
  assertCan(actor, "admin.write");
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, mobileSealed: true } });
  if (!user) throw new AppError("NOT_FOUND");
  const cleared = await clearAccountThrottle([user.email, unsealOptional(user.mobileSealed, "User.mobile")].filter((v): v is string => !!v));
  await db.$transaction((tx) =>
    appendAudit(tx, { actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "User", entityId: userId, action: "user.unlocked", data: { cleared } }),
  );
  return cleared;
}

/**
 * Forces a password reset (a suspected leak): the old password stops working, every session
 * ends, and a one-time link to choose a new one goes to the account's e-mail through the outbox.
 */
export async function forcePasswordReset(actor: Actor, userId: string, origin: string): Promise<void> {
  assertCan(actor, "admin.write");
  if (userId === actor.userId) throw new AppError("FORBIDDEN", words("admin.accountErrors.resetOwnPassword"));
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, displayName: true, locale: true } });
  if (!user) throw new AppError("NOT_FOUND");
  if (!user.email) throw new AppError("VALIDATION", words("admin.accountErrors.noEmail"));
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    const link = new URL(setPasswordPath(await issuePasswordLink(tx, userId, "RESET")), origin).toString();
    // Sent outside the reader's request: in the language the user last chose on the site.
    const t = translatorIn(user.locale, "mail");
    await tx.outboxEmail.create({
      data: { to: user.email!, subject: t("adminReset.subject"), body: t("adminReset.body", { name: user.displayName, hours: LINK_HOURS.RESET, link }) },
    });
    await appendAudit(tx, { actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "User", entityId: userId, action: "user.password_reset_forced", data: {} });
  });
}

/**
 * Changes a staff member's role within their organisation (the role must fit its type). Nobody
 * changes their own role, and the administrator role is never granted this way (it needs a
 * second administrator). The person's sessions end, so the new role applies at once.
 */
export async function changeRole(actor: Actor, userId: string, role: StaffRole): Promise<void> {
  assertCan(actor, "admin.write");
  if (userId === actor.userId) throw new AppError("FORBIDDEN", words("admin.accountErrors.changeOwnRole"));
  if (role === "PROGRAM_ADMIN") throw new AppError("FORBIDDEN", words("admin.accountErrors.adminByReview"));
  const member = await db.membership.findUnique({ where: { userId }, select: { role: true, organisation: { select: { type: true } } } });
  if (!member) throw new AppError("NOT_FOUND");
  if (ORGANISATION_OF_ROLE[role] !== member.organisation.type) throw new AppError("VALIDATION", words("admin.accountErrors.roleNotOfOrganisation"));
  await db.$transaction(async (tx) => {
    const updated = await tx.membership.updateMany({ where: { userId, role: member.role }, data: { role } });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "User", entityId: userId,
      action: "user.role_changed", data: { from: member.role, to: role },
    });
  });
}
