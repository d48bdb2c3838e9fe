import type { Prisma } from "@/lib/generated/prisma/client";
import type { PolicyInput } from "@/lib/organisations/schemas";
import { beijingDayOf } from "@/lib/calendar/beijing";

// A policy version as JSON: what a proposal waiting for its second administrator keeps, and the
// "before" and "after" of its audit event (pure: the reads of proposals and the what-if use it too).

/** A policy input as a change waiting for approval keeps it (JSON: amounts as strings of fen). */
export const policyPayload = (input: PolicyInput) => ({
  ...input, maxLoanFen: input.maxLoanFen.toString(), exceptionMaxLoanFen: input.exceptionMaxLoanFen.toString(),
  maxExposurePerPersonFen: input.maxExposurePerPersonFen.toString(),
});
/** A stored version in the same shape as policyPayload: the audit event's "before". */
export const publishedPayload = (v: Prisma.PolicyVersionGetPayload<object>) => ({
  version: v.version,
  effectiveFrom: beijingDayOf(v.effectiveFrom),
  maxLoanFen: v.maxLoanFen.toString(),
  maxTermMonths: v.maxTermMonths,
  exceptionMaxLoanFen: v.exceptionMaxLoanFen.toString(),
  exceptionMaxTermMonths: v.exceptionMaxTermMonths,
  maxOpenCasesPerPerson: v.maxOpenCasesPerPerson,
  maxExposurePerPersonFen: v.maxExposurePerPersonFen.toString(),
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

// Proposals kept before the amounts were named for their unit carry the same fen under `…Yuan`.
type StoredPolicy = Omit<ReturnType<typeof policyPayload>, "maxLoanFen" | "exceptionMaxLoanFen" | "maxExposurePerPersonFen">
  & Partial<Record<"maxLoanFen" | "exceptionMaxLoanFen" | "maxExposurePerPersonFen" | "maxLoanYuan" | "exceptionMaxLoanYuan" | "maxExposurePerPersonYuan", string>>;

export const policyFromPayload = (payload: Prisma.JsonValue): PolicyInput => {
  const { maxLoanYuan, exceptionMaxLoanYuan, maxExposurePerPersonYuan, ...p } = payload as StoredPolicy;
  return {
    ...p,
    maxLoanFen: BigInt(p.maxLoanFen ?? maxLoanYuan!),
    exceptionMaxLoanFen: BigInt(p.exceptionMaxLoanFen ?? exceptionMaxLoanYuan!),
    maxExposurePerPersonFen: BigInt(p.maxExposurePerPersonFen ?? maxExposurePerPersonYuan!),
  };
};
