import { z } from "zod";
import { creditCodeField, idNumberField, mobileField, safeMultilineTextField, safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";

// One schema per form, shared by the form (field names) and its server action.

const uuid = z.uuid({ error: "applicant.checks.id" });
const version = z.coerce.number({ error: "applicant.checks.version" }).int().min(0);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const isoDate = z
  .string({ error: "applicant.checks.dateRequired" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "applicant.checks.dateFormat" })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    error: "applicant.checks.dateMissing",
  });
// A zod issue carries a catalogue key only (no values), so each counted field has its own
// sentences, the cap written into them.
const headcount = (field: "employees" | "unionMemberCount") =>
  z.coerce
    .number({ error: `applicant.checks.${field}.whole` })
    .int({ error: `applicant.checks.${field}.whole` })
    .min(0, { error: `applicant.checks.${field}.negative` })
    .max(100_000, { error: `applicant.checks.${field}.max` });

export const profileSchema = z.object({
  fullName: safeTextField(40, { min: 2 }),
  idNumber: idNumberField,
  mobile: mobileField,
  unionName: safeTextField(100, { min: 2 }),
  memberCardNo: safeTextField(40).refine((v) => /^[\w-]+$/.test(v), { error: "applicant.checks.memberCardNo" }),
  targetGroupCode: z.string().trim().max(40).optional().transform((v) => v || null),
});
export type ProfileInput = z.output<typeof profileSchema>;

export const consentSchema = z.object({
  kind: z.enum(["SENSITIVE_PERSONAL_INFO", "CREDIT_REPORT_AUTHORISATION"]),
  // The wording version the applicant read: a newer one published meanwhile is not agreed to blindly.
  version: z.string().trim().max(40).optional(),
  agree: checkbox.refine((v) => v, { error: "applicant.checks.agree" }),
});

export const enterpriseSchema = z.object({
  enterpriseId: uuid.optional().or(z.literal("").transform(() => undefined)),
  name: safeTextField(100, { min: 2 }),
  creditCode: creditCodeField,
  legalRepName: safeTextField(40, { min: 2 }),
  address: safeTextField(200, { min: 4 }),
  industry: safeTextField(60),
  foundedOn: isoDate.refine((v) => new Date(`${v}T00:00:00Z`) <= new Date(), { error: "applicant.checks.foundedFuture" }),
  employees: headcount("employees"),
  annualRevenueYuan: yuanAmountField,
  hasUnion: checkbox,
  unionMemberCount: headcount("unionMemberCount").optional().default(0),
}).refine((v) => v.unionMemberCount <= v.employees || !v.hasUnion, { path: ["unionMemberCount"], error: "applicant.checks.unionMembersOverEmployees" });
export type EnterpriseInput = z.output<typeof enterpriseSchema>;

export const startApplicationSchema = z.object({ enterpriseId: uuid });

export const loanRequestSchema = z.object({
  applicationId: uuid,
  categoryCode: z.string().trim().min(1, { error: "applicant.checks.category" }).max(40),
  amountYuan: yuanAmountField.refine((fen) => fen > 0n, { error: "applicant.checks.amountPositive" }),
  termMonths: z.coerce.number({ error: "applicant.checks.termWhole" }).int({ error: "applicant.checks.termWhole" }).min(1, { error: "applicant.checks.termMin" }).max(120, { error: "applicant.checks.termMax" }),
  purpose: safeMultilineTextField(500, { min: 4 }),
  repaymentSource: safeMultilineTextField(300, { min: 2 }),
});
export type LoanRequestInput = z.output<typeof loanRequestSchema>;

export const submitSchema = z.object({ applicationId: uuid, version });
export const withdrawSchema = z.object({ applicationId: uuid, version, reason: safeMultilineTextField(500, { min: 2 }) });
export const renewSchema = z.object({ loanId: uuid });
