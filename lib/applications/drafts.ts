import type { z } from "zod";
import type { DraftForm } from "@/lib/generated/prisma/enums";
import { enterpriseSchema, loanRequestSchema, profileSchema } from "@/lib/applications/schemas";

// The applicant's three forms as drafts: which fields a draft keeps, and the strict schema that
// decides whether what was typed can be saved for real. A draft keeps any text (half an amount,
// a credit code with a wrong check character); the schema only produces hints until submission.

export const DRAFT_FIELDS = {
  PROFILE: ["fullName", "idNumber", "mobile", "unionName", "memberCardNo", "targetGroupCode"],
  ENTERPRISE: ["name", "creditCode", "legalRepName", "address", "industry", "foundedOn", "employees", "annualRevenueYuan", "hasUnion", "unionMemberCount"],
  LOAN_REQUEST: ["categoryCode", "amountYuan", "termMonths", "purpose", "repaymentSource"],
} as const satisfies Record<DraftForm, readonly string[]>;

export const DRAFT_FORMS = Object.keys(DRAFT_FIELDS) as DraftForm[];

/** A draft holds short form text only: anything longer than this is cut (no form field allows it). */
export const DRAFT_VALUE_MAX = 2_000;

export type DraftFields = Record<string, string>;

/** The form's own fields out of what the browser sent, as text, cut to a sane length. */
export function draftFieldsOf(form: DraftForm, source: { get(name: string): unknown }): DraftFields {
  const out: DraftFields = {};
  for (const name of DRAFT_FIELDS[form]) {
    const value = source.get(name);
    if (typeof value === "string") out[name] = Array.from(value).slice(0, DRAFT_VALUE_MAX).join("");
  }
  return out;
}

const SCHEMAS: Record<DraftForm, z.ZodType> = { PROFILE: profileSchema, ENTERPRISE: enterpriseSchema, LOAN_REQUEST: loanRequestSchema };

/** The record the form edits, as the strict schema names it. */
const RECORD_FIELD: Record<DraftForm, string | null> = { PROFILE: null, ENTERPRISE: "enterpriseId", LOAN_REQUEST: "applicationId" };

// A result, not a throw: a draft that fails its checks is still stored, with its field errors.
export type DraftCheck<T = unknown> = { ok: true; input: T } | { ok: false; fieldErrors: Record<string, string[]> };

/** Judges a draft by the rules of submission: the parsed input when it passes, else the hints per field. */
export function checkDraft(form: DraftForm, recordKey: string, fields: DraftFields): DraftCheck {
  const record = RECORD_FIELD[form];
  const parsed = SCHEMAS[form].safeParse({ ...fields, ...(record ? { [record]: recordKey } : {}) });
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}
