import { z } from "zod";
import { safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";
import { programmeTranslator } from "@/lib/i18n/translator";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { ORGANISATION_OF_ROLE } from "@/lib/auth/roles";

const days = (label: string, max = 60) =>
  z.coerce.number({ error: `${label}须为整数` }).int({ error: `${label}须为整数` }).min(0, { error: `${label}不能为负数` }).max(max, { error: `${label}不能超过 ${max}` });
const te = programmeTranslator("admin");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A new, effective-dated version of the programme's rules. */
export const policySchema = z.object({
  effectiveFrom: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD" }),
  maxLoanYuan: yuanAmountField.refine((f) => f > 0n, { error: "最高贷款额须大于 0" }),
  maxTermMonths: z.coerce.number({ error: "期限须为整数月" }).int().min(1, { error: "期限至少 1 个月" }).max(120, { error: "期限过长" }),
  subsidyRatioPercent: z.coerce.number({ error: "贴息比例须为 0 至 100 的整数" }).int({ error: "贴息比例须为整数" }).min(0).max(100, { error: "贴息比例不能超过 100%" }),
  coolingDays: days("冷静期", 365),
  centerReviewDays: days("保障中心时限"),
  guarantorReviewDays: days("担保公司时限"),
  bankReviewDays: days("银行时限"),
  disbursementDays: days("放款时限"),
  returnAnswerDays: days("补正时限"),
  greenChannelDays: days("绿色通道时限"),
  recommendNeedsChecker: checkbox,
  // 一企一策's ceiling and the per-person rule (lib/exceptions, lib/applications/services/person-exposure.ts).
  exceptionMaxLoanYuan: yuanAmountField.refine((f) => f > 0n, { error: te("policyErrors.exceptionMaxLoanYuan") }),
  exceptionMaxTermMonths: z.coerce.number({ error: te("policyErrors.months") }).int({ error: te("policyErrors.months") }).min(1, { error: te("policyErrors.months") }).max(240, { error: te("policyErrors.months") }),
  maxOpenCasesPerPerson: z.coerce.number({ error: te("policyErrors.count") }).int({ error: te("policyErrors.count") }).min(1, { error: te("policyErrors.count") }).max(50, { error: te("policyErrors.count") }),
  maxExposurePerPersonYuan: yuanAmountField.refine((f) => f > 0n, { error: te("policyErrors.maxExposurePerPersonYuan") }),
  documentQuotaMb: z.coerce.number({ error: "材料总量须为整数 MB" }).int().min(10, { error: "至少 10 MB" }).max(500, { error: "不能超过 500 MB" }),
  note: safeTextField(200, { min: 2 }),
});
export type PolicyInput = z.output<typeof policySchema>;

export const userIdSchema = z.object({ userId: z.uuid({ error: "无效的编号" }) });

/** A second administrator's decision on a pending change (which button was pressed). */
export const controlDecisionSchema = z.object({
  changeId: z.uuid({ error: "无效的编号" }),
  decision: z.enum(["approve", "reject"], { error: "请选择批准或驳回" }),
  note: z.string().trim().max(200, { error: "说明不能超过 200 字" }).optional().transform((v) => v || undefined),
});
export const changeIdSchema = z.object({ changeId: z.uuid({ error: "无效的编号" }) });

// Every staff role, from the table of the organisation each belongs to (a new role is offered at once).
const STAFF_ROLES = Object.keys(ORGANISATION_OF_ROLE) as [StaffRole, ...StaffRole[]];

/** An administrator's invitation of a staff member. */
export const inviteStaffSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "电子邮箱格式不正确" })),
  displayName: safeTextField(40, { min: 2 }),
  organisationId: z.uuid({ error: "请选择机构" }),
  role: z.enum(STAFF_ROLES, { error: "请选择角色" }),
});

const orgNames = {
  nameZh: safeTextField(100, { min: 2 }),
  nameEn: safeTextField(150, { min: 2 }),
};

/** A new partner organisation or district union. */
export const createOrganisationSchema = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,20}$/, { error: "机构代码为 2 至 20 位大写字母、数字或连字符" }),
  type: z.enum(["SUPPORT_CENTER", "GUARANTOR", "BANK", "DISTRICT_UNION"], { error: "请选择机构类型" }),
  ...orgNames,
});

const orgVersion = { organisationId: z.uuid({ error: "无效的编号" }), version: z.coerce.number().int().min(0) };
export const renameOrganisationSchema = z.object({ ...orgVersion, ...orgNames });
export const organisationStateSchema = z.object(orgVersion);

export const changeRoleSchema = z.object({ userId: z.uuid({ error: "无效的编号" }), role: z.enum(STAFF_ROLES, { error: "请选择角色" }) });
