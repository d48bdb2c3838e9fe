import { describe, expect, it } from "vitest";
import { policyFromPayload, policyPayload } from "@/lib/organisations/policy-payload";
import type { PolicyInput } from "@/lib/organisations/schemas";

const input: PolicyInput = {
  effectiveFrom: "2027-01-01", maxLoanFen: 50_000_000n, maxTermMonths: 36, subsidyRatioPercent: 100, coolingDays: 30, centerReviewDays: 5,
  guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15, greenChannelDays: 2, recommendNeedsChecker: true,
  documentQuotaMb: 50, note: "调整", exceptionMaxLoanFen: 100_000_000n, exceptionMaxTermMonths: 48, maxOpenCasesPerPerson: 3,
  maxExposurePerPersonFen: 150_000_000n,
};

describe("a policy proposal as stored", () => {
  it("keeps amounts as strings of fen under names that say so, and reads back the same input", () => {
    const stored = JSON.parse(JSON.stringify(policyPayload(input)));
    expect(stored).toMatchObject({ maxLoanFen: "50000000", exceptionMaxLoanFen: "100000000", maxExposurePerPersonFen: "150000000" });
    expect(policyFromPayload(stored)).toEqual(input);
  });

  it("reads a proposal kept before the amounts were named for their unit (the same fen under …Yuan)", () => {
    const { maxLoanFen, exceptionMaxLoanFen, maxExposurePerPersonFen, ...rest } = JSON.parse(JSON.stringify(policyPayload(input)));
    const older = { ...rest, maxLoanYuan: maxLoanFen, exceptionMaxLoanYuan: exceptionMaxLoanFen, maxExposurePerPersonYuan: maxExposurePerPersonFen };
    expect(policyFromPayload(older)).toEqual(input);
  });
});
