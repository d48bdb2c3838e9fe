import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { scopedApplication } from "@/lib/applications/scope";
import { auditAction } from "@/lib/applications/events";
import { openedProfile, unsealOptional } from "@/lib/personal-data/sealed";

/**
 * Showing an applicant's ID number, mobile and account in full is an explicit act with a stated
 * purpose, allowed only to roles whose step needs it, and logged every time.
 */
export async function revealPersonalData(actor: Actor, input: { applicationId: string; purpose: string }) {
  assertCan(actor, "pii.viewFull");
  const app = await db.loanApplication.findFirst({
    where: scopedApplication(actor, input.applicationId),
    select: {
      id: true,
      applicant: { select: { profile: { select: { idNumberSealed: true, mobileSealed: true } } } },
      loan: { select: { accountNoSealed: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND");
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, applicationId: app.id,
      entityType: "LoanApplication", entityId: app.id, action: auditAction("pii_viewed"),
      data: { purpose: input.purpose, fields: ["idNumber", "mobile", "accountNo"] },
    }),
  );
  const profile = app.applicant.profile ? openedProfile(app.applicant.profile) : null;
  return {
    idNumber: profile?.idNumber ?? "",
    mobile: profile?.mobile ?? "",
    accountNo: unsealOptional(app.loan?.accountNoSealed, "Loan.accountNo") ?? "",
  };
}
