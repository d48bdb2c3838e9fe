import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { limitsForCase } from "@/lib/exceptions/in-force";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { formatFen } from "@/lib/money/fen";
import { auditAction } from "@/lib/applications/events";
import { nextApplicationNumber } from "@/lib/applications/numbering";
import { applicationScope } from "@/lib/applications/scope";
import type { LoanRequestInput } from "@/lib/applications/schemas";

/** Opens a draft for one of the applicant's enterprises, or returns the draft it already has. */
export async function startApplication(actor: Actor, enterpriseId: string): Promise<{ applicationId: string }> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  const enterprise = await db.enterprise.findFirst({ where: { id: enterpriseId, representativeId: actor.userId }, select: { id: true } });
  if (!enterprise) throw new AppError("NOT_FOUND");
  const draft = await db.loanApplication.findFirst({ where: { enterpriseId, applicantId: actor.userId, status: "DRAFT" }, select: { id: true } });
  if (draft) return { applicationId: draft.id };
  return db.$transaction(async (tx) => {
    const app = await tx.loanApplication.create({
      data: { number: await nextApplicationNumber(tx), applicantId: actor.userId, enterpriseId, draftStep: 1 },
      select: { id: true, number: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId, applicationId: app.id, entityType: "LoanApplication", entityId: app.id,
      action: auditAction("created"), data: { number: app.number, kind: "NEW" },
    });
    return { applicationId: app.id };
  });
}

/** Stages whose approval a changed amount or term invalidates: the centre recommended for it, a guarantee covers it. */
const APPROVED_BEYOND_CENTRE = ["GUARANTOR_REVIEW", "BANK_REVIEW"] as const;

/**
 * Saves the loan-request step of a draft (autosave) or of a returned case. Only the fields of
 * this step change; a returned case keeps everything else exactly as it was.
 *
 * On a case returned after the centre recommended it (and perhaps the guarantor guaranteed it), a
 * different amount or term is a different request: the case will go back to the centre on
 * resubmission, the standing guarantee is voided (its row stays on record) and the bank that
 * guarantee routed the case to no longer holds it.
 */
export async function saveLoanRequest(actor: Actor, input: LoanRequestInput): Promise<void> {
  // The form's amountYuan field arrives parsed into fen.
  const { applicationId, amountYuan: amountFen, ...fields } = input;
  // The request is the applicant's own word: no one else may change it, whatever they can see.
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  const app = await db.loanApplication.findFirst({
    where: { AND: [applicationScope(actor), { id: applicationId }] },
    select: { id: true, enterpriseId: true, status: true, draftStep: true, categoryCode: true, amountFen: true, termMonths: true, returnedFrom: true,
      policyVersion: { select: { maxLoanFen: true, maxTermMonths: true, exceptionMaxLoanFen: true, exceptionMaxTermMonths: true } } },
  });
  if (!app) throw new AppError("NOT_FOUND");
  if (app.status !== "DRAFT" && app.status !== "RETURNED") throw new AppError("INVALID_TRANSITION");
  // A submitted case stays within the policy it was pinned to, as its tailored-policy (yi qi yi ce) exceptions in force
  // raise it (a draft is checked at submission).
  const pinned = app.policyVersion ? await limitsForCase(app, app.policyVersion) : null;
  if (pinned && amountFen > pinned.maxLoanFen) {
    throw new AppError("VALIDATION", undefined, { amountYuan: [words("applicant.refusals.amountOverCap", { max: formatFen(pinned.maxLoanFen) })] });
  }
  if (pinned && fields.termMonths > pinned.maxTermMonths) {
    throw new AppError("VALIDATION", undefined, { termMonths: [words("applicant.refusals.termOver", { max: pinned.maxTermMonths })] });
  }
  // Only active categories are offered; a case keeps the one it holds after that category is deactivated.
  if (fields.categoryCode !== app.categoryCode && !(await db.loanCategory.findFirst({ where: { code: fields.categoryCode, active: true } }))) {
    throw new AppError("VALIDATION", undefined, { categoryCode: [words("applicant.refusals.categoryUnknown")] });
  }
  const termsChanged = app.amountFen !== amountFen || app.termMonths !== fields.termMonths;
  const voids = app.status === "RETURNED" && termsChanged && (APPROVED_BEYOND_CENTRE as readonly string[]).includes(app.returnedFrom ?? "");
  await db.$transaction(async (tx) => {
    const voided = voids
      ? await tx.guarantee.updateManyAndReturn({ where: { applicationId: app.id, voidedAt: null }, data: { voidedAt: new Date() }, select: { contractNo: true, guaranteedFen: true } })
      : [];
    const updated = await tx.loanApplication.updateMany({
      where: { id: app.id, status: app.status },
      data: {
        ...fields, amountFen, draftStep: Math.max(app.draftStep, 2),
        // Back to the centre with its full time: the earlier stage clock no longer applies.
        ...(voids ? { returnedFrom: "CENTER_REVIEW", bankOrgId: null, stageEnteredAt: null, stageDueAt: null } : {}),
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    const audit = { actorId: actor.userId, applicationId: app.id, entityType: "LoanApplication", entityId: app.id };
    await appendAudit(tx, { ...audit, action: auditAction("saved"), data: { step: "loan", amountFen, termMonths: fields.termMonths } });
    if (voids) {
      await appendAudit(tx, {
        ...audit, action: auditAction("approvals_voided"),
        data: {
          returnedFrom: app.returnedFrom, from: { amountFen: app.amountFen, termMonths: app.termMonths }, to: { amountFen, termMonths: fields.termMonths },
          guarantees: voided.map((g) => ({ contractNo: g.contractNo, guaranteedFen: g.guaranteedFen })),
        },
      });
    }
  });
}
