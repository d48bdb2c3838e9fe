import type { PolicyInput } from "@/lib/organisations/schemas";

/** A policy version as an administrator's form yields it (amounts in fen), for pure tests. */
export const samplePolicy = (changes: Partial<PolicyInput> = {}): PolicyInput => ({
  effectiveFrom: "2027-01-01", maxLoanFen: 50_000_000n, maxTermMonths: 36, subsidyRatioPercent: 100, coolingDays: 30, centerReviewDays: 5,
  guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15, greenChannelDays: 2, recommendNeedsChecker: true,
  documentQuotaMb: 50, note: "x", exceptionMaxLoanFen: 100_000_000n, exceptionMaxTermMonths: 48, maxOpenCasesPerPerson: 3,
  maxExposurePerPersonFen: 150_000_000n,
  ...changes,
});
