import "server-only";
import type { ApplicationStatus, DocumentKind, ExceptionType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { scopedApplication } from "@/lib/applications/scope";
import { auditAction } from "@/lib/applications/events";
import { isOpenStatus } from "@/lib/applications/workflow";
import { policyInForce } from "@/lib/policy/queries";
import { beijingToday } from "@/lib/calendar/beijing";
import { requestRefusal, valueFor } from "@/lib/exceptions/rules";
import { ExceptionRefusal } from "@/lib/exceptions/refusal";

export type ExceptionRequest = {
  applicationId: string;
  type: ExceptionType;
  reason: string;
  expiresOn: string;
  valueFen?: bigint | null;
  valueMonths?: number | null;
  documentKind?: DocumentKind | null;
};

// A cooling waiver is asked on the rejected case that started the cooling period; the others on a
// case still under way.
const mayAskOn = (type: ExceptionType, status: ApplicationStatus): boolean =>
  type === "COOLING_WAIVED" ? status === "REJECTED" || isOpenStatus(status) : isOpenStatus(status);

/**
 * Tailored policy (yi qi yi ce): a centre reviewer or approver asks for an exception on a case. It waits, PENDING, for a
 * different approver. Refused with nothing stored: a value the policy already allows or beyond
 * the ceiling it sets for any exception, an expiry already past, a second pending request of the
 * same type on the case (judged under the case's row lock; a partial unique index holds it too).
 */
export async function requestException(actor: StaffActor, input: ExceptionRequest, today: string = beijingToday()): Promise<{ id: string }> {
  assertCan(actor, "exception.request");
  const app = await db.loanApplication.findFirst({
    where: scopedApplication(actor, input.applicationId),
    select: { id: true, enterpriseId: true, status: true, policyVersion: true },
  });
  if (!app) throw new AppError("NOT_FOUND");
  if (!mayAskOn(input.type, app.status)) throw new ExceptionRefusal("CASE_CLOSED", "_form", {}, "INVALID_TRANSITION");
  const policy = app.policyVersion ?? (await policyInForce());
  const value = valueFor(input.type, input);
  const refusal = requestRefusal(input.type, value, input.expiresOn, policy, today);
  if (refusal) throw new ExceptionRefusal(refusal.reason, refusal.field, "params" in refusal ? refusal.params : {});

  try {
    return await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "LoanApplication" WHERE id = ${app.id}::uuid FOR UPDATE`;
      const pending = await tx.policyException.findFirst({ where: { applicationId: app.id, type: input.type, status: "PENDING" }, select: { id: true } });
      if (pending) throw new ExceptionRefusal("PENDING_EXISTS", "type", {}, "DUPLICATE");
      const created = await tx.policyException.create({
        data: {
          enterpriseId: app.enterpriseId, applicationId: app.id, type: input.type, reason: input.reason, ...value,
          requestedById: actor.userId, expiresOn: new Date(`${input.expiresOn}T00:00:00Z`),
        },
        select: { id: true },
      });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: actor.organisationId, applicationId: app.id, entityType: "PolicyException",
        entityId: created.id, action: auditAction("exception_requested"),
        data: { type: input.type, reason: input.reason, expiresOn: input.expiresOn, valueFen: value.valueFen?.toString() ?? null,
          valueMonths: value.valueMonths, documentKind: value.documentKind },
      });
      return created;
    });
  } catch (e) {
    // Two requests at the same moment: the partial unique index refuses the second.
    if ((e as { code?: string }).code === "P2002") throw new ExceptionRefusal("PENDING_EXISTS", "type", {}, "DUPLICATE");
    throw e;
  }
}
