import { describe, expect, it } from "vitest";
import { weakenedControls } from "@/lib/organisations/policy-controls";
import { samplePolicy } from "../support/policy";

const current = {
  recommendNeedsChecker: true, maxLoanFen: 50_000_000n, maxTermMonths: 36, coolingDays: 30, subsidyRatioBp: 10_000,
  exceptionMaxLoanFen: 100_000_000n, exceptionMaxTermMonths: 48, maxOpenCasesPerPerson: 3, maxExposurePerPersonFen: 150_000_000n,
};
const same = samplePolicy();

describe("which controls a new policy version loosens", () => {
  it("names each loosened control, and none for the same rules or tighter ones", () => {
    expect(weakenedControls(current, same)).toEqual([]);
    expect(weakenedControls(current, { ...same, maxLoanFen: 40_000_000n, maxTermMonths: 24, coolingDays: 60, centerReviewDays: 1 })).toEqual([]);
    expect(weakenedControls(current, { ...same, recommendNeedsChecker: false })).toEqual(["MAKER_CHECKER_OFF"]);
    expect(weakenedControls(current, { ...same, maxLoanFen: 50_000_001n, maxTermMonths: 37, coolingDays: 29 })).toEqual(["HIGHER_LOAN_CAP", "LONGER_TERM", "SHORTER_COOLING_OFF"]);
    expect(weakenedControls({ ...current, subsidyRatioBp: 5_000 }, same)).toEqual(["HIGHER_SUBSIDY_RATIO"]);
    // Raising what an exception may reach or what one person may hold loosens; lowering does not.
    expect(weakenedControls(current, { ...same, exceptionMaxLoanFen: 100_000_001n, exceptionMaxTermMonths: 49, maxOpenCasesPerPerson: 4, maxExposurePerPersonFen: 150_000_001n }))
      .toEqual(["HIGHER_EXCEPTION_CAP", "LONGER_EXCEPTION_TERM", "MORE_CASES_PER_PERSON", "HIGHER_PERSON_EXPOSURE"]);
    expect(weakenedControls(current, { ...same, exceptionMaxLoanFen: 90_000_000n, exceptionMaxTermMonths: 40, maxOpenCasesPerPerson: 1, maxExposurePerPersonFen: 50_000_000n })).toEqual([]);
    // The first version of an installation follows nothing.
    expect(weakenedControls(null, { ...same, recommendNeedsChecker: false })).toEqual([]);
  });
});
