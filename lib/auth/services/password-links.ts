import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PasswordTokenPurpose } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";

// One-time links to set a password (first administrator, staff invitation, reset). The link
// carries 32 random bytes; the database keeps only their SHA-256, so a leaked table opens nothing.

export const LINK_HOURS: Record<PasswordTokenPurpose, number> = { SETUP: 24, INVITATION: 72, RESET: 1, CLAIM: 72 };

const digest = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The path of the page that takes a link's token. */
export const setPasswordPath = (token: string): string => `/set-password?token=${encodeURIComponent(token)}`;

/** A fresh link for the user; any earlier unused link of theirs stops working. Returns the raw token. */
export async function issuePasswordLink(
  tx: Prisma.TransactionClient,
  userId: string,
  purpose: PasswordTokenPurpose,
  now: Date = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordToken.create({
    data: { userId, purpose, tokenHash: digest(token), expiresAt: new Date(now.getTime() + LINK_HOURS[purpose] * 3600_000) },
  });
  await appendAudit(tx, { actorId: null, entityType: "User", entityId: userId, action: "user.password_link_issued", data: { purpose } });
  return token;
}

const LINK_INVALID = words("accountErrors.linkInvalid");

/**
 * Sets the password of the link's user and spends the link, once: of two uses at once exactly one
 * succeeds. Every session of the account ends (the session version moves on).
 */
export async function setPasswordWithLink(token: string, password: string, now: Date = new Date()): Promise<{ userId: string }> {
  const link = await db.passwordToken.findUnique({ where: { tokenHash: digest(token) }, select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true } });
  if (!link || link.usedAt || link.expiresAt <= now) throw new AppError("NOT_FOUND", LINK_INVALID);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const spent = await tx.passwordToken.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) throw new AppError("NOT_FOUND", LINK_INVALID);
    const user = await tx.user.update({ where: { id: link.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true, disabledAt: true } });
    if (user.disabledAt) throw new AppError("NOT_FOUND", LINK_INVALID);
    await appendAudit(tx, { actorId: user.id, entityType: "User", entityId: user.id, action: "user.password_set", data: { purpose: link.purpose } });
    return { userId: user.id };
  });
}
