import "server-only";
import type { DraftForm } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import type { Message } from "@/lib/i18n/words";
import { seal } from "@/lib/personal-data/sealed";
import { formDraftOf } from "@/lib/applications/draft-queries";
import { applicationScope } from "@/lib/applications/scope";
import { checkDraft, type DraftFields } from "@/lib/applications/drafts";
import type { EnterpriseInput, LoanRequestInput, ProfileInput } from "@/lib/applications/schemas";
import { saveLoanRequest } from "@/lib/applications/services/drafts";
import { saveEnterprise } from "@/lib/applications/services/save-enterprise";
import { saveProfile } from "@/lib/applications/services/save-profile";

export type AutosaveOutcome = { savedAt: Date; applied: boolean; fieldErrors: Readonly<Record<string, readonly Message[]>> };

/**
 * Autosave of one of the applicant's forms. What was typed is kept whatever it is: when it passes
 * the form's strict rules it is saved to the record itself (and any draft goes), otherwise it is
 * kept as a sealed draft and the rule breaches come back as hints. A new enterprise is only ever a
 * draft until its form is sent (the record would need an id the page does not have yet), and so is
 * the loan request of a returned case: there a changed amount voids standing approvals, which an
 * amount caught half-typed must never do; its "save and continue" saves it.
 */
export async function autosaveForm(actor: Actor, form: DraftForm, recordKey: string, fields: DraftFields): Promise<AutosaveOutcome> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  const { appliesOnItsOwn } = await assertOwnRecord(actor, form, recordKey);
  const check = checkDraft(form, recordKey, fields);
  if (check.ok && appliesOnItsOwn) {
    try {
      await applyForm(actor, form, check.input);
      await clearFormDraft(actor, form, recordKey);
      return { savedAt: new Date(), applied: true, fieldErrors: {} };
    } catch (error) {
      // Refused by a rule beyond the form (a credit code taken, a category withdrawn): keep it as typed.
      if (!isAppError(error) || !error.fieldErrors) throw error;
      return { savedAt: await keepDraft(actor, form, recordKey, fields), applied: false, fieldErrors: error.fieldErrors };
    }
  }
  return { savedAt: await keepDraft(actor, form, recordKey, fields), applied: false, fieldErrors: check.ok ? {} : check.fieldErrors };
}

/** The forms' records are the applicant's own: an application in their scope still open to edits, an enterprise they represent. */
async function assertOwnRecord(actor: Actor & { kind: "APPLICANT" }, form: DraftForm, recordKey: string): Promise<{ appliesOnItsOwn: boolean }> {
  if (form === "PROFILE") {
    if (recordKey !== "") throw new AppError("NOT_FOUND");
    return { appliesOnItsOwn: true };
  }
  if (form === "ENTERPRISE") {
    if (recordKey === "") return { appliesOnItsOwn: false };
    const own = await db.enterprise.findFirst({ where: { id: recordKey, representativeId: actor.userId }, select: { id: true } });
    if (!own) throw new AppError("NOT_FOUND");
    return { appliesOnItsOwn: true };
  }
  const app = await db.loanApplication.findFirst({ where: { AND: [applicationScope(actor), { id: recordKey }] }, select: { status: true } });
  if (!app) throw new AppError("NOT_FOUND");
  if (app.status !== "DRAFT" && app.status !== "RETURNED") throw new AppError("INVALID_TRANSITION");
  return { appliesOnItsOwn: app.status === "DRAFT" };
}

function applyForm(actor: Actor, form: DraftForm, input: unknown): Promise<unknown> {
  switch (form) {
    case "PROFILE":
      return saveProfile(actor, input as ProfileInput);
    case "ENTERPRISE":
      return saveEnterprise(actor, input as EnterpriseInput);
    case "LOAN_REQUEST":
      return saveLoanRequest(actor, input as LoanRequestInput);
  }
}

async function keepDraft(actor: Actor & { kind: "APPLICANT" }, form: DraftForm, recordKey: string, fields: DraftFields): Promise<Date> {
  const fieldsSealed = seal(JSON.stringify(fields), "FormDraft.fields");
  return db.$transaction(async (tx) => {
    const draft = await tx.formDraft.upsert({
      where: { userId_form_recordKey: { userId: actor.userId, form, recordKey } },
      create: { userId: actor.userId, form, recordKey, fieldsSealed },
      update: { fieldsSealed },
      select: { id: true, updatedAt: true },
    });
    // The names of the fields only: the values may be personal data, and they stay sealed.
    await appendAudit(tx, {
      actorId: actor.userId, entityType: "FormDraft", entityId: draft.id, action: "draft.kept",
      ...(form === "LOAN_REQUEST" ? { applicationId: recordKey } : {}),
      data: { form, fields: Object.keys(fields) },
    });
    return draft.updatedAt;
  });
}

/** The form was saved for real: what was typed is now the record, the draft goes. */
export async function clearFormDraft(actor: Actor, form: DraftForm, recordKey: string): Promise<void> {
  if (actor.kind !== "APPLICANT") return;
  await db.formDraft.deleteMany({ where: { userId: actor.userId, form, recordKey } });
}

/**
 * Submission's word on drafts: a case does not go to review while its loan request, its
 * enterprise or the applicant's profile still holds input that was never saved. The refusal
 * carries the hints of each such form.
 */
export async function assertNoPendingDrafts(app: { id: string; applicantId: string; enterpriseId: string }): Promise<void> {
  const pending = await db.formDraft.findMany({
    where: { userId: app.applicantId, OR: [{ form: "LOAN_REQUEST", recordKey: app.id }, { form: "ENTERPRISE", recordKey: app.enterpriseId }, { form: "PROFILE", recordKey: "" }] },
    select: { form: true, recordKey: true },
    orderBy: { form: "asc" },
  });
  if (!pending.length) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const d of pending) {
    const draft = await formDraftOf(app.applicantId, d.form, d.recordKey);
    const hints = draft && Object.keys(draft.fieldErrors).length ? draft.fieldErrors : { _form: [] };
    for (const [field, messages] of Object.entries(hints)) fieldErrors[`${d.form}.${field}`] = messages;
  }
  throw new AppError("DRAFT_PENDING", undefined, fieldErrors);
}
