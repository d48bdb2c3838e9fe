import type { Prisma } from "@/lib/generated/prisma/client";
import type { PolicyInput } from "@/lib/organisations/schemas";
import { beijingDayOf } from "@/lib/calendar/beijing";

// A policy version as JSON: what a proposal waiting for its second administrator keeps, and the
// "before" and "after" of its audit event (pure: the reads of proposals and the what-if use it too).

/** A policy input as a change waiting for approval keeps it (JSON: the cap as a string of fen). */
export const policyPayload = (input: PolicyInput) => ({
  ...input, maxLoanYuan: input.maxLoanYuan.toString(), exceptionMaxLoanYuan: input.exceptionMaxLoanYuan.toString(),
  maxExposurePerPersonYuan: input.maxExposurePerPersonYuan.toString(),
});
/** A stored version in the same shape as policyPayload: the audit event's "before". */
export const publishedPayload = (v: Prisma.PolicyVersionGetPayload<object>) => ({
  version: v.version,
  effectiveFrom: beijingDayOf(v.effectiveFrom),
  maxLoanYuan: v.maxLoanFen.toString(),
  maxTermMonths: v.maxTermMonths,
  exceptionMaxLoanYuan: v.exceptionMaxLoanFen.toString(),
  exceptionMaxTermMonths: v.exceptionMaxTermMonths,
  maxOpenCasesPerPerson: v.maxOpenCasesPerPerson,
  maxExposurePerPersonYuan: v.maxExposurePerPersonFen.toString(),
  subsidyRatioPercent: v.subsidyRatioBp / 100,
  coolingDays: v.coolingDays,
  centerReviewDays: v.centerReviewDays,
  guarantorReviewDays: v.guarantorReviewDays,
  bankReviewDays: v.bankReviewDays,
  disbursementDays: v.disbursementDays,
  returnAnswerDays: v.returnAnswerDays,
  greenChannelDays: v.greenChannelDays,
  recommendNeedsChecker: v.recommendNeedsChecker,
  documentQuotaMb: Math.round(v.documentQuotaBytes / (1024 * 1024)),
  note: v.note,
});

export const policyFromPayload = (payload: Prisma.JsonValue): PolicyInput => {
  const p = payload as ReturnType<typeof policyPayload>;
  return {
    ...p, maxLoanYuan: BigInt(p.maxLoanYuan), exceptionMaxLoanYuan: BigInt(p.exceptionMaxLoanYuan),
    maxExposurePerPersonYuan: BigInt(p.maxExposurePerPersonYuan),
  };
};
