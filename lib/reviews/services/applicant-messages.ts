import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { scopedApplication } from "@/lib/applications/scope";
import { auditAction } from "@/lib/applications/events";
import { notifyUser } from "@/lib/notifications/notify";
import { storedParams, type ApplicantMessage } from "@/lib/reviews/applicant-message";

/**
 * Puts a message in the applicant's inbox (and mail outbox) inside the caller's transaction. The
 * audit event that carries it is the decision's own (its `message`), or `message_sent`.
 */
export async function deliverToApplicant(tx: Prisma.TransactionClient, app: { id: string; applicantId: string }, message: ApplicantMessage) {
  await notifyUser(tx, app.applicantId, { applicationId: app.id, code: message.code, params: storedParams(message) });
}

/**
 * A message to the applicant outside any decision, from a staff member of an organisation on
 * the case. It is stored as written and, like every message, never edited: the audit event and
 * the inbox row are all there is.
 */
export async function sendApplicantMessage(actor: StaffActor, input: { applicationId: string; text: string }) {
  assertCan(actor, "case.messageApplicant");
  const app = await db.loanApplication.findFirst({
    where: scopedApplication(actor, input.applicationId),
    select: { id: true, number: true, applicantId: true, historical: true },
  });
  if (!app) throw new AppError("NOT_FOUND");
  // The people of the years before the portal have no account to read it (lib/history).
  if (app.historical) throw new AppError("INVALID_TRANSITION");
  const message: ApplicantMessage = { code: "caseMessage", params: { number: app.number, orgType: actor.organisationType }, text: input.text };
  await db.$transaction(async (tx) => {
    await deliverToApplicant(tx, app, message);
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.organisationId, applicationId: app.id,
      entityType: "LoanApplication", entityId: app.id, action: auditAction("message_sent"), data: { message },
    });
  });
}
