import "server-only";
import type { DraftForm } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { unseal } from "@/lib/personal-data/sealed";
import { checkDraft, type DraftFields } from "@/lib/applications/drafts";
import type { DraftDto } from "@/lib/applications/autosave-state";
import { fieldErrorsIn } from "@/lib/i18n/words";
import { rootTranslator } from "@/lib/i18n/reader";

export type StoredDraft = { fields: DraftFields; fieldErrors: Record<string, string[]>; savedAt: Date };

/** The applicant's draft of a form, opened, with its hints; null when the record is up to date. */
export async function formDraftOf(userId: string, form: DraftForm, recordKey: string): Promise<StoredDraft | null> {
  const row = await db.formDraft.findUnique({ where: { userId_form_recordKey: { userId, form, recordKey } }, select: { fieldsSealed: true, updatedAt: true } });
  if (!row) return null;
  const fields = JSON.parse(unseal(row.fieldsSealed, "FormDraft.fields")) as DraftFields;
  const check = checkDraft(form, recordKey, fields);
  return { fields, fieldErrors: check.ok ? {} : check.fieldErrors, savedAt: row.updatedAt };
}

/** The draft a form page starts from, for the applicant's own forms only, its hints in the reader's language. */
export async function draftForPage(actor: Actor, form: DraftForm, recordKey: string): Promise<DraftDto | null> {
  if (actor.kind !== "APPLICANT") return null;
  const draft = await formDraftOf(actor.userId, form, recordKey);
  if (!draft) return null;
  const t = await rootTranslator();
  return { ...draft, fieldErrors: fieldErrorsIn(t, draft.fieldErrors) ?? {}, savedAt: draft.savedAt.toISOString() };
}

/** Which of a case's forms hold a draft that was never saved (the review step names them). */
export async function pendingDraftForms(app: { id: string; applicantId: string; enterpriseId: string }): Promise<DraftForm[]> {
  const rows = await db.formDraft.findMany({
    where: { userId: app.applicantId, OR: [{ form: "LOAN_REQUEST", recordKey: app.id }, { form: "ENTERPRISE", recordKey: app.enterpriseId }, { form: "PROFILE", recordKey: "" }] },
    select: { form: true },
    orderBy: { form: "asc" },
  });
  return rows.map((r) => r.form);
}
