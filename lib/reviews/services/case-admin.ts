import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { CASE_WORKER_ROLES, type Actor, type StaffActor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { applicationScope, scopedApplication } from "@/lib/applications/scope";
import { auditAction } from "@/lib/applications/events";
import { isOpenStatus, isReviewStatus } from "@/lib/applications/workflow";
import { dueForStage } from "@/lib/applications/services/transition";
import { lockCalendar, workingCalendar } from "@/lib/policy/queries";

/**
 * Handled as soon as applied for (ji shen ji ban): the district agent of the intake or the centre marks a case green channel. It keeps
 * the same path with shorter deadlines and goes first in every queue; the running stage's clock
 * is recomputed from when the stage began.
 */
export async function markGreenChannel(actor: Actor, input: { applicationId: string; version: number; comment: string }) {
  assertCan(actor, "application.markGreenChannel");
  const app = await db.loanApplication.findFirst({ where: scopedApplication(actor, input.applicationId), include: { policyVersion: true } });
  if (!app) throw new AppError("NOT_FOUND");
  if (app.greenChannel) return { repeated: true };
  if (!isOpenStatus(app.status)) {
    throw new AppError("INVALID_TRANSITION");
  }
  if (app.version !== input.version) throw new AppError("CONFLICT");
  const enteredAt = app.stageEnteredAt;
  await db.$transaction(async (tx) => {
    // Counted on the calendar as it stands under its shared lock: a calendar change waits, then recounts.
    await lockCalendar(tx, "shared");
    const due = isReviewStatus(app.status) && enteredAt ? await dueForStage(app.status, { ...app, greenChannel: true }, enteredAt, await workingCalendar(tx)) : app.stageDueAt;
    const updated = await tx.loanApplication.updateMany({
      where: { id: app.id, version: app.version, greenChannel: false },
      data: { greenChannel: true, version: { increment: 1 }, stageDueAt: due },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, applicationId: app.id,
      entityType: "LoanApplication", entityId: app.id, action: auditAction("green_channel_marked"),
      data: { comment: input.comment, version: app.version + 1 },
    });
  });
  return { repeated: false };
}

/** Self-assign, assign or reassign within the actor's own organisation, to someone who works cases. */
export async function assignCase(actor: StaffActor, input: { applicationId: string; assigneeId?: string }) {
  const assigned = await assignCases(actor, { applicationIds: [input.applicationId], assigneeId: input.assigneeId });
  if (assigned === 0) throw new AppError("NOT_FOUND");
}

/** Assigns several cases at once (a queue's batch action); cases outside the actor's scope are skipped. */
export async function assignCases(actor: StaffActor, input: { applicationIds: string[]; assigneeId?: string }): Promise<number> {
  assertCan(actor, "application.assign");
  const assigneeId = input.assigneeId ?? actor.userId;
  const member = await db.membership.findFirst({
    where: { userId: assigneeId, organisationId: actor.organisationId, role: { in: [...CASE_WORKER_ROLES] } },
  });
  if (!member) throw new AppError("VALIDATION", undefined, { assigneeId: [words("case.refusals.assigneeOutside")] });
  const apps = await db.loanApplication.findMany({
    where: { AND: [applicationScope(actor), { id: { in: input.applicationIds } }] },
    select: { id: true },
  });
  await db.$transaction(async (tx) => {
    await tx.loanApplication.updateMany({ where: { id: { in: apps.map((a) => a.id) } }, data: { assigneeId } });
    for (const app of apps) {
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: actor.organisationId, applicationId: app.id, entityType: "LoanApplication",
        entityId: app.id, action: auditAction("assigned"), data: { assigneeId },
      });
    }
  });
  return apps.length;
}
