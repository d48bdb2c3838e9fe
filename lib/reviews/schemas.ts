import { z } from "zod";
import { splitMissingItems } from "@/lib/reviews/applicant-message";
import { safeMultilineTextField, safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";

export const uuid = z.uuid({ error: "无效的编号" });
export const version = z.coerce.number().int().min(0);
export const comment = safeMultilineTextField(1000, { min: 2 });
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const months = z.coerce.number({ error: "期限须为整数月" }).int({ error: "期限须为整数月" }).min(1, { error: "期限至少 1 个月" }).max(120, { error: "期限过长" });
const contractNo = safeTextField(40).refine((v) => /^[A-Za-z0-9-]+$/.test(v), { error: "合同编号只能包含字母、数字和连字符" });
export const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD" });

const base = { applicationId: uuid, version, comment };
/** What the applicant is told besides the decision's template: optional, sent exactly as written. */
export const applicantMessage = safeMultilineTextField(1000, { min: 0 }).optional().default("");
const told = { ...base, applicantMessage };

export const REJECT_REASONS = {
  NOT_MEMBER: "非工会会员或会籍无效",
  NOT_ELIGIBLE_ENTERPRISE: "企业不符合准入条件",
  CREDIT: "信用状况不符合要求",
  REPAYMENT: "还款能力不足",
  FRAUD: "材料不真实",
  OTHER: "其他原因",
} as const;

export const recommendSchema = z.object({
  ...told,
  checkMember: checkbox.refine((v) => v, { error: "请确认会员身份核验" }),
  checkTargetGroup: checkbox,
  checkDocuments: checkbox.refine((v) => v, { error: "请确认材料齐全、真实" }),
  guarantorOrgId: uuid.optional(),
});
export const confirmSchema = z.object({ ...told, guarantorOrgId: uuid.optional() });
/** One item per line: the complete list of what is missing (一次性告知). */
export const returnSchema = z.object({
  ...told,
  missingItems: safeMultilineTextField(2000, { min: 2 }).transform(splitMissingItems).refine((items) => items.length > 0 && items.length <= 30, { error: "请逐行列出需要补充的材料（1 至 30 项）" }),
});
export const rejectSchema = z.object({ ...told, reasonCode: z.enum(Object.keys(REJECT_REASONS) as [keyof typeof REJECT_REASONS], { error: "请选择原因" }) });
export const guaranteeSchema = z.object({ ...told, contractNo, guaranteedYuan: yuanAmountField, termMonths: months, bankOrgId: uuid.optional() });
export const bankApproveSchema = z.object({
  ...told,
  principalYuan: yuanAmountField.refine((f) => f > 0n, { error: "金额须大于 0" }),
  annualRatePercent: z.string().trim().regex(/^\d{1,2}(\.\d{1,4})?$/, { error: "年利率格式如 3.85（百分比，最多四位小数）" }),
  lprReference: safeTextField(60),
  termMonths: months,
  repaymentMethod: z.enum(["INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", "EQUAL_INSTALMENTS"], { error: "请选择还款方式" }),
  contractNo,
});
export const signSchema = z.object({ ...base });
export const disburseSchema = z.object({
  ...told,
  disbursedOn: isoDate,
  amountYuan: yuanAmountField,
  accountNo: z.string().trim().regex(/^\d{12,30}$/, { error: "账号应为 12 至 30 位数字" }),
});
export const reopenSchema = z.object({ ...told });
export const noteSchema = z.object({ applicationId: uuid, note: safeMultilineTextField(2000, { min: 2 }) });
export const messageSchema = z.object({ applicationId: uuid, text: safeMultilineTextField(1000, { min: 2 }) });
export const greenChannelSchema = z.object({ applicationId: uuid, version, comment });
export const assignSchema = z.object({ applicationId: uuid, assigneeId: uuid.optional().or(z.literal("").transform(() => undefined)) });
export const batchAssignSchema = z.object({
  ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(uuid).min(1, { error: "请先勾选案件" }).max(500)),
  assigneeId: uuid,
});
export const revealSchema = z.object({ applicationId: uuid, purpose: safeTextField(200, { min: 4 }) });

/** "3.85" (percent) → 38 500 millionths, exactly, from the decimal string. */
export function percentToMicros(percent: string): number {
  const [whole, frac = ""] = percent.split(".");
  return Number(whole) * 10_000 + Number((frac + "0000").slice(0, 4));
}
