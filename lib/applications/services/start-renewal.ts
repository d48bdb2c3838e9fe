import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { auditAction } from "@/lib/applications/events";
import { nextApplicationNumber } from "@/lib/applications/numbering";

/**
 * From an active or settled loan, a RENEWAL draft linked to it and prefilled from the last
 * application; the applicant only changes what changed. An existing renewal draft is reused.
 */
export async function startRenewal(actor: Actor, loanId: string): Promise<{ applicationId: string }> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  const loan = await db.loan.findFirst({
    where: { id: loanId, application: { applicantId: actor.userId } },
    select: {
      id: true,
      status: true,
      enterpriseId: true,
      application: { select: { categoryCode: true, category: { select: { active: true } }, amountFen: true, termMonths: true, purpose: true, repaymentSource: true } },
    },
  });
  if (!loan) throw new AppError("NOT_FOUND");
  if (loan.status !== "ACTIVE" && loan.status !== "SETTLED") {
    throw new AppError("INELIGIBLE", words("applicant.refusals.renewalNotAllowed"));
  }
  const existing = await db.loanApplication.findFirst({
    where: { previousLoanId: loan.id, status: "DRAFT", applicantId: actor.userId },
    select: { id: true },
  });
  if (existing) return { applicationId: existing.id };
  // A renewal is a new application: it takes the earlier category only while that is still offered.
  const { category, ...prefill } = loan.application;
  const categoryCode = category?.active ? prefill.categoryCode : null;
  return db.$transaction(async (tx) => {
    const app = await tx.loanApplication.create({
      data: {
        number: await nextApplicationNumber(tx),
        kind: "RENEWAL",
        applicantId: actor.userId,
        enterpriseId: loan.enterpriseId,
        previousLoanId: loan.id,
        ...prefill,
        categoryCode,
        draftStep: 2,
      },
      select: { id: true, number: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId, applicationId: app.id, entityType: "LoanApplication", entityId: app.id,
      action: auditAction("created"), data: { number: app.number, kind: "RENEWAL", previousLoanId: loan.id },
    });
    return { applicationId: app.id };
  });
}
