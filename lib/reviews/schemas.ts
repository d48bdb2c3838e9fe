import { z } from "zod";
import { splitMissingItems } from "@/lib/reviews/applicant-message";
import { safeMultilineTextField, safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";

export const uuid = z.uuid({ error: "case.checks.id" });
export const version = z.coerce.number().int().min(0);
export const comment = safeMultilineTextField(1000, { min: 2 });
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const months = z.coerce.number({ error: "case.checks.monthsWhole" }).int({ error: "case.checks.monthsWhole" }).min(1, { error: "case.checks.monthsMin" }).max(120, { error: "case.checks.monthsMax" });
const contractNo = safeTextField(40).refine((v) => /^[A-Za-z0-9-]+$/.test(v), { error: "case.checks.contractNo" });
export const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "case.checks.date" });

const base = { applicationId: uuid, version, comment };
/** What the applicant is told besides the decision's template: optional, sent exactly as written. */
export const applicantMessage = safeMultilineTextField(1000, { min: 0 }).optional().default("");
const told = { ...base, applicantMessage };

/** Why a case may be rejected; each reason's name is in the catalogues (`case.rejectReasons.<code>`). */
export const REJECT_REASONS = ["NOT_MEMBER", "NOT_ELIGIBLE_ENTERPRISE", "CREDIT", "REPAYMENT", "FRAUD", "OTHER"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const isRejectReason = (value: unknown): value is RejectReason => (REJECT_REASONS as readonly unknown[]).includes(value);

export const recommendSchema = z.object({
  ...told,
  checkMember: checkbox.refine((v) => v, { error: "case.checks.member" }),
  checkTargetGroup: checkbox,
  checkDocuments: checkbox.refine((v) => v, { error: "case.checks.documents" }),
  guarantorOrgId: uuid.optional(),
});
export const confirmSchema = z.object({ ...told, guarantorOrgId: uuid.optional() });
/** One item per line: the complete list of what is missing, told once (yici xing gaozhi). */
export const returnSchema = z.object({
  ...told,
  missingItems: safeMultilineTextField(2000, { min: 2 }).transform(splitMissingItems).refine((items) => items.length > 0 && items.length <= 30, { error: "case.checks.missingItems" }),
});
export const rejectSchema = z.object({ ...told, reasonCode: z.enum(REJECT_REASONS, { error: "case.checks.reason" }) });
export const guaranteeSchema = z.object({ ...told, contractNo, guaranteedYuan: yuanAmountField, termMonths: months, bankOrgId: uuid.optional() });
export const bankApproveSchema = z.object({
  ...told,
  principalYuan: yuanAmountField.refine((f) => f > 0n, { error: "case.checks.amountPositive" }),
  annualRatePercent: z.string().trim().regex(/^\d{1,2}(\.\d{1,4})?$/, { error: "case.checks.rate" }),
  lprReference: safeTextField(60),
  termMonths: months,
  repaymentMethod: z.enum(["INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", "EQUAL_INSTALMENTS"], { error: "case.checks.repaymentMethod" }),
  contractNo,
});
export const signSchema = z.object({ ...base });
export const disburseSchema = z.object({
  ...told,
  disbursedOn: isoDate,
  amountYuan: yuanAmountField,
  accountNo: z.string().trim().regex(/^\d{12,30}$/, { error: "case.checks.accountNo" }),
});
export const reopenSchema = z.object({ ...told });
export const noteSchema = z.object({ applicationId: uuid, note: safeMultilineTextField(2000, { min: 2 }) });
export const messageSchema = z.object({ applicationId: uuid, text: safeMultilineTextField(1000, { min: 2 }) });
export const greenChannelSchema = z.object({ applicationId: uuid, version, comment });
export const assignSchema = z.object({ applicationId: uuid, assigneeId: uuid.optional().or(z.literal("").transform(() => undefined)) });
export const batchAssignSchema = z.object({
  ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(uuid).min(1, { error: "case.checks.pickCases" }).max(500)),
  assigneeId: uuid,
});
export const revealSchema = z.object({ applicationId: uuid, purpose: safeTextField(200, { min: 4 }) });

/** "3.85" (percent) → 38 500 millionths, exactly, from the decimal string. */
export function percentToMicros(percent: string): number {
  const [whole, frac = ""] = percent.split(".");
  return Number(whole) * 10_000 + Number((frac + "0000").slice(0, 4));
}
