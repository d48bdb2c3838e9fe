import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
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

/**
 * Saves the loan-request step of a draft (autosave) or of a returned case. Only the fields of
 * this step change; a returned case keeps everything else exactly as it was.
 */
export async function saveLoanRequest(actor: Actor, input: LoanRequestInput): Promise<void> {
  const { applicationId, amountYuan, ...fields } = input;
  // The request is the applicant's own word: no one else may change it, whatever they can see.
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  const app = await db.loanApplication.findFirst({
    where: { AND: [applicationScope(actor), { id: applicationId }] },
    select: { id: true, status: true, draftStep: true },
  });
  if (!app) throw new AppError("NOT_FOUND");
  if (app.status !== "DRAFT" && app.status !== "RETURNED") throw new AppError("INVALID_TRANSITION");
  if (!(await db.loanCategory.findFirst({ where: { code: fields.categoryCode, active: true } }))) {
    throw new AppError("VALIDATION", undefined, { categoryCode: ["请选择列表中的贷款类别"] });
  }
  await db.$transaction(async (tx) => {
    const updated = await tx.loanApplication.updateMany({
      where: { id: app.id, status: app.status },
      data: { ...fields, amountFen: amountYuan, draftStep: Math.max(app.draftStep, 2) },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    await appendAudit(tx, {
      actorId: actor.userId, applicationId: app.id, entityType: "LoanApplication", entityId: app.id,
      action: auditAction("saved"), data: { step: "loan", amountFen: amountYuan, termMonths: fields.termMonths },
    });
  });
}
