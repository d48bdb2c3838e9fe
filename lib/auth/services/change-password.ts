import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";

/**
 * The signed-in person changes their own password, proving the current one. Every session of the
 * account ends, this one included: whoever else held a session (or a copied cookie) is out.
 */
export async function changePassword(actor: Actor, input: { currentPassword: string; password: string }): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", undefined, { currentPassword: [words("accountErrors.currentPasswordWrong")] });
  }
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await appendAudit(tx, { actorId: actor.userId, entityType: "User", entityId: actor.userId, action: "user.password_changed", data: {} });
  });
}
