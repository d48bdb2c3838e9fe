import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** Ends every session of an account at its next request (the session version moves on). */
export async function revokeSessions(actor: Actor, userId: string): Promise<void> {
  await changeAccess(actor, userId, "user.sessions_revoked", {});
}

/** Disables an account (it cannot sign in, its sessions end) or enables it again. */
export async function setAccountDisabled(actor: Actor, userId: string, disabled: boolean): Promise<void> {
  if (disabled && userId === actor.userId) throw new AppError("FORBIDDEN", "不能停用自己的账号");
  await changeAccess(actor, userId, disabled ? "user.disabled" : "user.enabled", { disabledAt: disabled ? new Date() : null });
}

async function changeAccess(actor: Actor, userId: string, action: string, data: { disabledAt?: Date | null }) {
  assertCan(actor, "admin.write");
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { ...data, sessionVersion: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "User", entityId: userId, action, data: {},
    });
  });
}
