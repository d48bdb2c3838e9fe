import { z } from "zod";
import { safeMultilineTextField, safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";

// One schema per subsidy action, shared by the forms and the server actions. Amounts and dates of
// a typed or corrected line stay text here: they go through the statement parser itself, so a
// typed line is checked exactly like a line of an uploaded file.

const uuid = z.uuid({ error: "无效的编号" });
const version = z.coerce.number().int().min(0);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const mustConfirm = (message: string) => checkbox.refine((v) => v, { error: message });
const cell = (max: number) => z.string().trim().max(max, { error: `不能超过${max}个字符` }).default("");
const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD" });
const flag = checkbox.transform((v) => (v ? "是" : "否"));

export const importStatementSchema = z.object({
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, { error: "请选择要上传的利息清单文件" }),
});

/** The figures of one line: what the bank can type or correct (the contract and period identify it). */
const figures = {
  principalBalanceFen: cell(30),
  annualRateMicros: cell(20),
  interestDueFen: cell(30),
  interestPaidFen: cell(30),
  paidOn: cell(20),
  overdue: flag,
  penaltyInterestFen: cell(30),
  extended: flag,
};

export const enterLineSchema = z.object({
  contractNo: cell(60),
  periodStart: cell(20),
  periodEnd: cell(20),
  ...figures,
});
export type EnterLineInput = z.output<typeof enterLineSchema>;

const lineRef = { lineId: uuid, batchVersion: version };

export const queryLineSchema = z.object({ ...lineRef, question: safeMultilineTextField(500, { min: 2 }) });
export const answerQuerySchema = z.object({ ...lineRef, answer: safeMultilineTextField(500, { min: 2 }) });
export const correctLineSchema = z.object({ ...lineRef, answer: safeMultilineTextField(500, { min: 2 }), ...figures });
export type CorrectLineInput = z.output<typeof correctLineSchema>;

const batchRef = { batchId: uuid, version };

export const verifyBatchSchema = z.object({
  ...batchRef,
  checkAmounts: mustConfirm("请确认已核对金额"),
  checkRepayment: mustConfirm("请确认已核对还款状态"),
  checkUnion: mustConfirm("请确认已核对工会会籍"),
  comment: safeMultilineTextField(500, { min: 0 }).optional().default(""),
});
export const reopenBatchSchema = z.object({ ...batchRef, comment: safeMultilineTextField(500, { min: 2 }) });
export const approveBatchSchema = z.object({ ...batchRef, comment: safeMultilineTextField(500, { min: 0 }).optional().default("") });
export const payBatchSchema = z.object({
  ...batchRef,
  paidOn: isoDate,
  payerAccount: safeTextField(100, { min: 2 }),
  paymentRef: safeTextField(64, { min: 4 }).refine((v) => /^[A-Za-z0-9][A-Za-z0-9_\-/]*$/.test(v), { error: "支付流水号只能包含字母、数字、-、_、/" }),
});
export const reconcileBatchSchema = z.object({ ...batchRef, comment: safeMultilineTextField(500, { min: 2 }) });

/** A year's subsidy budget, typed in yuan (kept as fen). */
export const budgetSchema = z.object({
  year: z.coerce.number({ error: "请输入年份" }).int({ error: "年份须为整数" }),
  amountYuan: yuanAmountField.refine((fen) => fen > 0n, { error: "预算须大于 0" }),
  // The union's guarantee deposit with the guarantee company: information, optional.
  guaranteeDepositYuan: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), yuanAmountField.optional()),
});
