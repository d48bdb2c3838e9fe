import { z } from "zod";
import { creditCodeField, idNumberField, mobileField, safeMultilineTextField, safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";

// One schema per form, shared by the form (field names) and its server action.

const uuid = z.uuid({ error: "无效的编号" });
const version = z.coerce.number({ error: "无效的版本" }).int().min(0);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const isoDate = z
  .string({ error: "请选择日期" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD" })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    error: "日期不存在",
  });
const wholeNumber = (label: string, max: number) =>
  z.coerce
    .number({ error: `${label}须为整数` })
    .int({ error: `${label}须为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过 ${max}` });

export const profileSchema = z.object({
  fullName: safeTextField(40, { min: 2 }),
  idNumber: idNumberField,
  mobile: mobileField,
  unionName: safeTextField(100, { min: 2 }),
  memberCardNo: safeTextField(40).refine((v) => /^[\w-]+$/.test(v), { error: "会员证号只能包含字母、数字和连字符" }),
  targetGroupCode: z.string().trim().max(40).optional().transform((v) => v || null),
});
export type ProfileInput = z.output<typeof profileSchema>;

export const consentSchema = z.object({
  kind: z.enum(["SENSITIVE_PERSONAL_INFO", "CREDIT_REPORT_AUTHORISATION"]),
  // The wording version the applicant read: a newer one published meanwhile is not agreed to blindly.
  version: z.string().trim().max(40).optional(),
  agree: checkbox.refine((v) => v, { error: "请阅读并勾选同意" }),
});

export const enterpriseSchema = z.object({
  enterpriseId: uuid.optional().or(z.literal("").transform(() => undefined)),
  name: safeTextField(100, { min: 2 }),
  creditCode: creditCodeField,
  legalRepName: safeTextField(40, { min: 2 }),
  address: safeTextField(200, { min: 4 }),
  industry: safeTextField(60),
  foundedOn: isoDate.refine((v) => new Date(`${v}T00:00:00Z`) <= new Date(), { error: "成立日期不能晚于今天" }),
  employees: wholeNumber("从业人数", 100_000),
  annualRevenueYuan: yuanAmountField,
  hasUnion: checkbox,
  unionMemberCount: wholeNumber("工会会员人数", 100_000).optional().default(0),
}).refine((v) => v.unionMemberCount <= v.employees || !v.hasUnion, { path: ["unionMemberCount"], error: "会员人数不能超过从业人数" });
export type EnterpriseInput = z.output<typeof enterpriseSchema>;

export const startApplicationSchema = z.object({ enterpriseId: uuid });

export const loanRequestSchema = z.object({
  applicationId: uuid,
  categoryCode: z.string().trim().min(1, { error: "请选择贷款类别" }).max(40),
  amountYuan: yuanAmountField.refine((fen) => fen > 0n, { error: "申请金额须大于 0" }),
  termMonths: z.coerce.number({ error: "期限须为整数月" }).int({ error: "期限须为整数月" }).min(1, { error: "期限至少 1 个月" }).max(120, { error: "期限过长" }),
  purpose: safeMultilineTextField(500, { min: 4 }),
  repaymentSource: safeMultilineTextField(300, { min: 2 }),
});
export type LoanRequestInput = z.output<typeof loanRequestSchema>;

export const submitSchema = z.object({ applicationId: uuid, version });
export const withdrawSchema = z.object({ applicationId: uuid, version, reason: safeMultilineTextField(500, { min: 2 }) });
export const renewSchema = z.object({ loanId: uuid });
