import { describe, expect, it } from "vitest";
import { policyWhatIf, yearSubsidy, type ActiveLoan, type WhatIfPolicy } from "@/lib/organisations/policy-what-if";
import { makeWorkingCalendar } from "@/lib/calendar/working-days";

const loan: ActiveLoan = {
  contractNo: "L-1", principalFen: 50_000_000n, annualRateMicros: 34_500, termMonths: 12, disbursedOn: "2026-01-15",
  method: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", ratioBp: 10_000, standing: [{ validFrom: "2026-01-01", validTo: null }],
};
const policy: WhatIfPolicy = {
  maxLoanFen: 50_000_000n, maxTermMonths: 36, coolingDays: 30, subsidyRatioBp: 10_000,
  centerReviewDays: 5, guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15, greenChannelDays: 2,
};

describe("policy what-if", () => {
  it("projects this year's subsidy from today, the new ratio from the effective day, exact to the fen", () => {
    // Q3: 143,750 + 148,542 + 148,542; Q4: 143,750 + 148,542 + 143,750 (30- and 31-day months at 3.45 %).
    const s = yearSubsidy([loan], 8_000, "2026-10-01", "2026-07-01");
    expect(s.quarters).toEqual([
      { quarter: "2026Q3", currentFen: 440_834n, proposedFen: 440_834n },
      { quarter: "2026Q4", currentFen: 436_042n, proposedFen: 348_834n },
    ]);
    expect([s.currentFen, s.proposedFen, s.deltaFen]).toEqual([876_876n, 789_668n, -87_208n]);
    // Interest due before today is not projected; a mid-quarter effective day splits the quarter.
    const late = yearSubsidy([loan], 5_000, "2026-11-16", "2026-11-01");
    expect(late.quarters).toEqual([{ quarter: "2026Q4", currentFen: 292_292n, proposedFen: 148_542n + 71_875n }]);
  });

  it("names the cases over a lowered cap, moved deadlines and cooling periods that end differently", () => {
    const entered = new Date("2026-06-01T10:00:00+08:00");
    const calendar = makeWorkingCalendar([]);
    const w = policyWhatIf(policy, { ...policy, maxLoanFen: 40_000_000n, maxTermMonths: 12, coolingDays: 60, centerReviewDays: 8 }, "2026-10-01", {
      today: "2026-07-01", calendar, loans: [],
      cases: [
        { number: "A", status: "DRAFT", amountFen: 45_000_000n, termMonths: 24, greenChannel: false, stageEnteredAt: null, stageDueAt: null },
        { number: "B", status: "DRAFT", amountFen: 60_000_000n, termMonths: 12, greenChannel: false, stageEnteredAt: null, stageDueAt: null },
        { number: "C", status: "CENTER_REVIEW", amountFen: 10_000_000n, termMonths: 12, greenChannel: false, stageEnteredAt: entered, stageDueAt: new Date("2026-06-08T10:00:00+08:00") },
      ],
      rejections: [
        { enterpriseId: "e1", number: "R1", closedAt: new Date("2026-08-17T00:00:00+08:00") },
        { enterpriseId: "e2", number: "R2", closedAt: new Date("2026-06-01T00:00:00+08:00") },
      ],
    });
    // B was already over the current cap: not something this version does.
    expect(w.overCap).toEqual([{ number: "A", status: "DRAFT", amountFen: 45_000_000n, termMonths: 24, amount: true, term: true }]);
    expect(w.deadlines).toEqual([{ number: "C", status: "CENTER_REVIEW", from: new Date("2026-06-08T10:00:00+08:00"), to: new Date("2026-06-11T23:59:59.999+08:00") }]);
    expect(w.cooling).toEqual([{ number: "R1", coolingUntil: new Date("2026-09-16T00:00:00+08:00"), proposedUntil: new Date("2026-10-16T00:00:00+08:00"), blocked: true }]);
  });
});
