import { z } from "zod";
import { safeMultilineTextField, safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";
// How a typed line's yes/no flags are written, as in the banks' files.
import statementFormat from "@/lib/subsidies/statement-format.json" with { type: "json" };

// One schema per subsidy action, shared by the forms and the server actions. Amounts and dates of
// a typed or corrected line stay text here: they go through the statement parser itself, so a
// typed line is checked exactly like a line of an uploaded file. Messages are catalogue keys
// (`subsidy.schema.*`), worded by the action in the reader's language.

const uuid = z.uuid({ error: "subsidy.schema.badId" });
const version = z.coerce.number().int().min(0);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const mustConfirm = (key: string) => checkbox.refine((v) => v, { error: key });
const cell = (max: 20 | 30 | 60) => z.string().trim().max(max, { error: `subsidy.schema.maxChars${max}` }).default("");
const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "subsidy.schema.isoDate" });
const flag = checkbox.transform((v) => (v ? statementFormat.yes[0]! : statementFormat.no[0]!));

export const importStatementSchema = z.object({
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, { error: "subsidy.schema.fileRequired" }),
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
  checkAmounts: mustConfirm("subsidy.schema.confirmAmounts"),
  checkRepayment: mustConfirm("subsidy.schema.confirmRepayment"),
  checkUnion: mustConfirm("subsidy.schema.confirmUnion"),
  comment: safeMultilineTextField(500, { min: 0 }).optional().default(""),
});
export const reopenBatchSchema = z.object({ ...batchRef, comment: safeMultilineTextField(500, { min: 2 }) });
export const approveBatchSchema = z.object({ ...batchRef, comment: safeMultilineTextField(500, { min: 0 }).optional().default("") });
export const payBatchSchema = z.object({
  ...batchRef,
  paidOn: isoDate,
  payerAccount: safeTextField(100, { min: 2 }),
  paymentRef: safeTextField(64, { min: 4 }).refine((v) => /^[A-Za-z0-9][A-Za-z0-9_\-/]*$/.test(v), { error: "subsidy.schema.paymentRef" }),
});
export const reconcileBatchSchema = z.object({ ...batchRef, comment: safeMultilineTextField(500, { min: 2 }) });

/** A year's subsidy budget, typed in yuan (kept as fen). */
export const budgetSchema = z.object({
  year: z.coerce.number({ error: "subsidy.schema.yearRequired" }).int({ error: "subsidy.schema.yearInteger" }),
  amountYuan: yuanAmountField.refine((fen) => fen > 0n, { error: "subsidy.schema.budgetPositive" }),
  // The union's guarantee deposit with the guarantee company: information, optional.
  guaranteeDepositYuan: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), yuanAmountField.optional()),
});

/** A failed statement import queued again. */
export const retryJobSchema = z.object({ jobId: uuid });

/** All of a batch's PDFs prepared as one ZIP, in the background. */
export const batchPdfsSchema = z.object({ batchId: uuid });
