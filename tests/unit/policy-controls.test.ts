import { describe, expect, it } from "vitest";
import { weakenedControls } from "@/lib/organisations/policy-controls";
import type { PolicyInput } from "@/lib/organisations/schemas";

const current = { recommendNeedsChecker: true, maxLoanFen: 50_000_000n, maxTermMonths: 36, coolingDays: 30, subsidyRatioBp: 10_000 };
const same: PolicyInput = {
  effectiveFrom: "2027-01-01", maxLoanYuan: 50_000_000n, maxTermMonths: 36, subsidyRatioPercent: 100, coolingDays: 30, centerReviewDays: 5,
  guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15, greenChannelDays: 2, recommendNeedsChecker: true,
  documentQuotaMb: 50, note: "x",
};

describe("which controls a new policy version loosens", () => {
  it("names each loosened control, and none for the same rules or tighter ones", () => {
    expect(weakenedControls(current, same)).toEqual([]);
    expect(weakenedControls(current, { ...same, maxLoanYuan: 40_000_000n, maxTermMonths: 24, coolingDays: 60, centerReviewDays: 1 })).toEqual([]);
    expect(weakenedControls(current, { ...same, recommendNeedsChecker: false })).toEqual(["MAKER_CHECKER_OFF"]);
    expect(weakenedControls(current, { ...same, maxLoanYuan: 50_000_001n, maxTermMonths: 37, coolingDays: 29 })).toEqual(["HIGHER_LOAN_CAP", "LONGER_TERM", "SHORTER_COOLING_OFF"]);
    expect(weakenedControls({ ...current, subsidyRatioBp: 5_000 }, same)).toEqual(["HIGHER_SUBSIDY_RATIO"]);
    // The first version of an installation follows nothing.
    expect(weakenedControls(null, { ...same, recommendNeedsChecker: false })).toEqual([]);
  });
});
