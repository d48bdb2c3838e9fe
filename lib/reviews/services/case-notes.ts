import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { scopedApplication } from "@/lib/applications/scope";
import { auditAction } from "@/lib/applications/events";

/**
 * An internal note on a case by a staff member of an organisation on it (the case's scope: the
 * centre, its guarantor and bank, the district union that took it in). The note is its audit
 * event: the staff timeline shows it to those organisations; the applicant's never does.
 */
export async function addCaseNote(actor: StaffActor, input: { applicationId: string; note: string }) {
  assertCan(actor, "case.note");
  const app = await db.loanApplication.findFirst({ where: scopedApplication(actor, input.applicationId), select: { id: true } });
  if (!app) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.organisationId, applicationId: app.id,
      entityType: "LoanApplication", entityId: app.id, action: auditAction("note_added"), data: { note: input.note },
    });
  });
}
