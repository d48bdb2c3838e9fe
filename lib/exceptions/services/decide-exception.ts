import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { applicationScope } from "@/lib/applications/scope";
import { auditAction } from "@/lib/applications/events";
import { policyInForce } from "@/lib/policy/queries";
import { beijingToday } from "@/lib/calendar/beijing";
import { decisionRefusal, isExpired, requestRefusal } from "@/lib/exceptions/rules";
import { ExceptionRefusal } from "@/lib/exceptions/refusal";

export type ExceptionDecision = { exceptionId: string; version: number; decision: "approve" | "refuse"; comment: string };

/**
 * An approver decides a pending request: never their own, and only while it has not expired. An
 * approval is judged again under the case's policy (the ceiling may have moved since the
 * request). Compare-and-set on (status PENDING, version): of two approvers at once, one decides.
 */
export async function decideException(actor: StaffActor, input: ExceptionDecision, today: string = beijingToday()): Promise<{ repeated: boolean }> {
  // A reviewer's attempt is refused in words, not as "not found": they may read the request.
  assertCan(actor, "exception.read");
  const found = await db.policyException.findFirst({
    where: { id: input.exceptionId, application: applicationScope(actor) },
    include: { application: { select: { id: true, policyVersion: true } } },
  });
  if (!found || !found.application) throw new AppError("NOT_FOUND");
  const who = decisionRefusal(actor, found.requestedById);
  if (who === "NOT_APPROVER") throw new ExceptionRefusal("NOT_APPROVER", "_form", {}, "FORBIDDEN");
  if (who === "OWN_REQUEST") throw new ExceptionRefusal("OWN_REQUEST", "_form", {}, "SAME_PERSON");
  const target = input.decision === "approve" ? "APPROVED" : "REFUSED";
  if (found.status !== "PENDING") {
    // The same approver's retry of the decision just taken changes nothing.
    if (found.status === target && found.decidedById === actor.userId) return { repeated: true };
    throw new ExceptionRefusal("ALREADY_DECIDED", "_form", {}, "CONFLICT");
  }
  if (found.version !== input.version) throw new AppError("CONFLICT");
  if (isExpired(found.expiresOn, today)) throw new ExceptionRefusal("EXPIRED", "_form", { expiresOn: found.expiresOn.toISOString().slice(0, 10) }, "INVALID_TRANSITION");
  if (target === "APPROVED") {
    const policy = found.application.policyVersion ?? (await policyInForce());
    const refusal = requestRefusal(found.type, found, found.expiresOn.toISOString().slice(0, 10), policy, today);
    if (refusal) throw new ExceptionRefusal(refusal.reason, "_form", "params" in refusal ? refusal.params : {});
  }

  await db.$transaction(async (tx) => {
    const updated = await tx.policyException.updateMany({
      where: { id: found.id, status: "PENDING", version: found.version },
      data: { status: target, version: { increment: 1 }, decidedById: actor.userId, decidedAt: new Date(), decisionComment: input.comment },
    });
    if (updated.count !== 1) throw new ExceptionRefusal("ALREADY_DECIDED", "_form", {}, "CONFLICT");
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.organisationId, applicationId: found.application!.id, entityType: "PolicyException",
      entityId: found.id, action: auditAction(target === "APPROVED" ? "exception_approved" : "exception_refused"),
      data: { type: found.type, comment: input.comment, requestedById: found.requestedById, version: found.version + 1 },
    });
  });
  return { repeated: false };
}
