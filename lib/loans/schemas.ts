import { z } from "zod";
import { safeTextField, yuanAmountField } from "@/lib/validation/zod-fields";
import { comment, isoDate, uuid, version } from "@/lib/reviews/schemas";

// One schema per servicing action, shared by the forms and the server. Amounts are typed in yuan
// and arrive in fen; the rules against the loan's figures are the services' (lib/loans/servicing/checks.ts).

const step = { applicationId: uuid, version, comment };
/** The bank's (or the guarantor's) own reference for the money received: it identifies the record. */
const reference = safeTextField(60);
/** An amount that may be left empty (nothing of that part). */
const optionalYuan = z.preprocess((v) => (v === undefined || v === "" ? "0" : v), yuanAmountField);

export const repaymentSchema = z.object({ applicationId: uuid, principalYuan: optionalYuan, interestYuan: optionalYuan, paidOn: isoDate, reference });
export const overdueSchema = z.object({ ...step, principalYuan: optionalYuan, interestYuan: optionalYuan, firstMissedOn: isoDate });
export const cureSchema = z.object({ ...step, curedOn: isoDate });
export const settleSchema = z.object({
  ...step,
  settledOn: isoDate,
  principalYuan: optionalYuan,
  interestYuan: optionalYuan,
  reference: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.union([z.literal(""), reference])),
});
export const compensateSchema = z.object({ ...step, amountYuan: yuanAmountField, paidOn: isoDate });
export const recoverySchema = z.object({ applicationId: uuid, amountYuan: yuanAmountField, recoveredOn: isoDate, reference });
