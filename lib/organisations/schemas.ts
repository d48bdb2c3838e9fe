import { z } from "zod";
import { safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";
import { keyWithValues } from "@/lib/i18n/words";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { ORGANISATION_OF_ROLE } from "@/lib/auth/roles";

// Every message is a catalogue key (`admin.policyErrors.*`, `admin.formErrors.*`, `validation.*`),
// worded by the action in the reader's language.

type DayField = "coolingDays" | "centerReviewDays" | "guarantorReviewDays" | "bankReviewDays" | "disbursementDays" | "returnAnswerDays" | "greenChannelDays";

const days = (field: DayField, max = 60) => {
  const integer = keyWithValues("admin.policyErrors.daysInteger", { field });
  return z.coerce.number({ error: integer }).int({ error: integer })
    .min(0, { error: keyWithValues("admin.policyErrors.daysNegative", { field }) })
    .max(max, { error: keyWithValues("admin.policyErrors.daysMax", { field, max }) });
};
const ID = "validation.id";
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A new, effective-dated version of the programme's rules. */
export const policySchema = z.object({
  effectiveFrom: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "admin.policyErrors.dateFormat" }),
  maxLoanYuan: yuanAmountField.refine((f) => f > 0n, { error: "admin.policyErrors.maxLoanPositive" }),
  maxTermMonths: z.coerce.number({ error: "admin.policyErrors.termInteger" }).int().min(1, { error: "admin.policyErrors.termMin" }).max(120, { error: "admin.policyErrors.termMax" }),
  subsidyRatioPercent: z.coerce.number({ error: "admin.policyErrors.ratioRange" }).int({ error: "admin.policyErrors.ratioInteger" }).min(0).max(100, { error: "admin.policyErrors.ratioMax" }),
  coolingDays: days("coolingDays", 365),
  centerReviewDays: days("centerReviewDays"),
  guarantorReviewDays: days("guarantorReviewDays"),
  bankReviewDays: days("bankReviewDays"),
  disbursementDays: days("disbursementDays"),
  returnAnswerDays: days("returnAnswerDays"),
  greenChannelDays: days("greenChannelDays"),
  recommendNeedsChecker: checkbox,
  // The per-enterprise exception's (yi qi yi ce) ceiling and the per-person rule (lib/exceptions, lib/applications/person-exposure.ts).
  exceptionMaxLoanYuan: yuanAmountField.refine((f) => f > 0n, { error: "admin.policyErrors.exceptionMaxLoanYuan" }),
  exceptionMaxTermMonths: z.coerce.number({ error: "admin.policyErrors.months" }).int({ error: "admin.policyErrors.months" }).min(1, { error: "admin.policyErrors.months" }).max(240, { error: "admin.policyErrors.months" }),
  maxOpenCasesPerPerson: z.coerce.number({ error: "admin.policyErrors.count" }).int({ error: "admin.policyErrors.count" }).min(1, { error: "admin.policyErrors.count" }).max(50, { error: "admin.policyErrors.count" }),
  maxExposurePerPersonYuan: yuanAmountField.refine((f) => f > 0n, { error: "admin.policyErrors.maxExposurePerPersonYuan" }),
  documentQuotaMb: z.coerce.number({ error: "admin.policyErrors.quotaInteger" }).int().min(10, { error: "admin.policyErrors.quotaMin" }).max(500, { error: "admin.policyErrors.quotaMax" }),
  note: safeTextField(200, { min: 2 }),
})
  // The form's amounts are typed in yuan (their fields and errors keep those names); parsed, they are fen.
  .transform(({ maxLoanYuan, exceptionMaxLoanYuan, maxExposurePerPersonYuan, ...rest }) => ({
    ...rest, maxLoanFen: maxLoanYuan, exceptionMaxLoanFen: exceptionMaxLoanYuan, maxExposurePerPersonFen: maxExposurePerPersonYuan,
  }));
export type PolicyInput = z.output<typeof policySchema>;

export const userIdSchema = z.object({ userId: z.uuid({ error: ID }) });

/** A second administrator's decision on a pending change (which button was pressed). */
export const controlDecisionSchema = z.object({
  changeId: z.uuid({ error: ID }),
  decision: z.enum(["approve", "reject"], { error: "admin.formErrors.chooseDecision" }),
  note: z.string().trim().max(200, { error: "admin.formErrors.noteTooLong" }).optional().transform((v) => v || undefined),
});
export const changeIdSchema = z.object({ changeId: z.uuid({ error: ID }) });

// Every staff role, from the table of the organisation each belongs to (a new role is offered at once).
const STAFF_ROLES = Object.keys(ORGANISATION_OF_ROLE) as [StaffRole, ...StaffRole[]];

/** An administrator's invitation of a staff member. */
export const inviteStaffSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "validation.email.invalid" })),
  displayName: safeTextField(40, { min: 2 }),
  organisationId: z.uuid({ error: "admin.formErrors.chooseOrganisation" }),
  role: z.enum(STAFF_ROLES, { error: "admin.formErrors.chooseRole" }),
});

const orgNames = {
  nameZh: safeTextField(100, { min: 2 }),
  nameEn: safeTextField(150, { min: 2 }),
};

/** A new partner organisation or district union. */
export const createOrganisationSchema = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,20}$/, { error: "admin.formErrors.organisationCode" }),
  type: z.enum(["SUPPORT_CENTER", "GUARANTOR", "BANK", "DISTRICT_UNION"], { error: "admin.formErrors.chooseType" }),
  ...orgNames,
});

const orgVersion = { organisationId: z.uuid({ error: ID }), version: z.coerce.number().int().min(0) };
export const renameOrganisationSchema = z.object({ ...orgVersion, ...orgNames });
export const organisationStateSchema = z.object(orgVersion);

export const changeRoleSchema = z.object({ userId: z.uuid({ error: ID }), role: z.enum(STAFF_ROLES, { error: "admin.formErrors.chooseRole" }) });
