import "server-only";
import { db } from "@/lib/db/client";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { ORGANISATION_OF_ROLE } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { writePolicyVersion } from "@/lib/organisations/services/publish-policy";
import { policyFromPayload } from "@/lib/organisations/policy-payload";

// Dual control: what weakens a control, or grants the administrator role, is proposed by one
// administrator and applied only when a different administrator approves it. The decision is a
// compare-and-set on the pending change, so of two decisions at once exactly one lands.

const organisationOf = (actor: Actor) => (actor.kind === "STAFF" ? actor.organisationId : null);

/** Proposes that a support-centre staff member become an administrator. */
export async function proposeAdminGrant(actor: Actor, userId: string): Promise<{ changeId: string }> {
  assertCan(actor, "admin.write");
  if (userId === actor.userId) throw new AppError("SAME_PERSON");
  const member = await db.membership.findUnique({ where: { userId }, select: { role: true, organisation: { select: { type: true } }, user: { select: { disabledAt: true } } } });
  if (!member) throw new AppError("NOT_FOUND");
  if (member.role === "PROGRAM_ADMIN") throw new AppError("CONFLICT", words("admin.controlErrors.alreadyAdmin"));
  if (member.organisation.type !== ORGANISATION_OF_ROLE.PROGRAM_ADMIN || member.user.disabledAt) {
    throw new AppError("VALIDATION", words("admin.controlErrors.adminMustBeCentreStaff"));
  }
  return db.$transaction(async (tx) => {
    const waiting = await tx.controlChange.findFirst({ where: { kind: "GRANT_ADMIN", targetUserId: userId, status: "PENDING" }, select: { id: true } });
    if (waiting) throw new AppError("CONFLICT", words("admin.controlErrors.grantPending"));
    const change = await tx.controlChange.create({
      data: { kind: "GRANT_ADMIN", payload: { from: member.role }, weakens: [], targetUserId: userId, proposedById: actor.userId },
      select: { id: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: organisationOf(actor), entityType: "ControlChange", entityId: change.id,
      action: "control_change.proposed", data: { kind: "GRANT_ADMIN", targetUserId: userId, from: member.role },
    });
    return { changeId: change.id };
  });
}

/**
 * A second administrator approves (the change is applied in the same transaction) or rejects a
 * pending change. The proposer cannot decide their own proposal.
 */
export async function decideControlChange(actor: Actor, input: { changeId: string; approve: boolean; note?: string }): Promise<{ status: "APPROVED" | "REJECTED" }> {
  assertCan(actor, "admin.write");
  const change = await db.controlChange.findUnique({ where: { id: input.changeId } });
  if (!change) throw new AppError("NOT_FOUND");
  if (change.status !== "PENDING") throw new AppError("CONFLICT", words("admin.controlErrors.decided"));
  if (change.proposedById === actor.userId) throw new AppError("SAME_PERSON", words("admin.controlErrors.secondAdmin"));
  const status = input.approve ? "APPROVED" : "REJECTED";
  return db.$transaction(async (tx) => {
    const decided = await tx.controlChange.updateMany({
      where: { id: change.id, status: "PENDING" },
      data: { status, decidedById: actor.userId, decidedAt: new Date(), decisionNote: input.note ?? null },
    });
    if (decided.count !== 1) throw new AppError("CONFLICT", words("admin.controlErrors.decided"));
    let resultId: string | null = null;
    if (input.approve && change.kind === "POLICY_VERSION") {
      resultId = (await writePolicyVersion(tx, actor, policyFromPayload(change.payload), change.proposedById)).id;
      await tx.controlChange.update({ where: { id: change.id }, data: { resultId } });
    }
    if (input.approve && change.kind === "GRANT_ADMIN") {
      const from = (change.payload as { from: StaffRole }).from;
      const granted = await tx.membership.updateMany({ where: { userId: change.targetUserId!, role: from }, data: { role: "PROGRAM_ADMIN" } });
      if (granted.count !== 1) throw new AppError("CONFLICT", words("admin.controlErrors.roleChanged"));
      await tx.user.update({ where: { id: change.targetUserId! }, data: { sessionVersion: { increment: 1 } } });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: organisationOf(actor), entityType: "User", entityId: change.targetUserId!,
        action: "user.role_changed", data: { from, to: "PROGRAM_ADMIN", proposedBy: change.proposedById },
      });
    }
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: organisationOf(actor), entityType: "ControlChange", entityId: change.id,
      action: input.approve ? "control_change.approved" : "control_change.rejected", data: { kind: change.kind, note: input.note ?? null, resultId },
    });
    return { status };
  });
}

/** The proposer takes a pending change back. */
export async function withdrawControlChange(actor: Actor, changeId: string): Promise<void> {
  assertCan(actor, "admin.write");
  await db.$transaction(async (tx) => {
    const withdrawn = await tx.controlChange.updateMany({
      where: { id: changeId, status: "PENDING", proposedById: actor.userId },
      data: { status: "WITHDRAWN", decidedById: actor.userId, decidedAt: new Date() },
    });
    if (withdrawn.count !== 1) throw new AppError("NOT_FOUND");
    await appendAudit(tx, { actorId: actor.userId, organisationId: organisationOf(actor), entityType: "ControlChange", entityId: changeId, action: "control_change.withdrawn", data: {} });
  });
}
