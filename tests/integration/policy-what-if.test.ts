import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/roles";
import type { PolicyInput } from "@/lib/organisations/schemas";
import { pendingPolicyWhatIfs, whatIfOfPolicy } from "@/lib/organisations/what-if-queries";
import { publishPolicy } from "@/lib/organisations/services/publish-policy";
import { withdrawControlChange } from "@/lib/organisations/services/dual-control";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { workingCalendar } from "@/lib/policy/queries";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createEnterprise, ensureReferenceData, staffActor } from "../support/factories";
import { outcome } from "../support/outcome";

// The what-if of a proposed policy version, on a hand-built data set (the rows this file makes,
// found by their numbers among whatever else the database holds), with the subsidy in exact fen.
//
// Two loans of ¥500,000 at 3.45 %, interest monthly (principal at maturity), disbursed
// 2026-01-15, pinned to a 100 % ratio; "today" is 2026-07-01 and the version takes effect on
// 2026-10-01 with an 80 % ratio. Interest falling due in the rest of the year: 30-day months
// 50,000,000 × 0.0345 × 30 / 360 = 143,750 fen, 31-day months 148,541.67 → 148,542 fen.
//   Q3 (07-15 30 d, 08-15 31 d, 09-15 31 d) = 440,834; Q4 (10-15 30 d, 11-15 31 d, 12-15 30 d) = 436,042.
// Loan A's enterprise is in good standing all year: current 440,834 + 436,042 = 876,876;
//   proposed Q3 unchanged (before the effective day) + Q4 × 80 % = 440,834 + 348,834 (348,833.6) = 789,668.
// Loan B's standing ends 2026-11-15, 46 of Q4's 92 days: Q4 current 436,042 × 46/92 = 218,021,
//   proposed 436,042 × 46/92 × 80 % = 174,416.8 → 174,417; totals 658,855 and 615,251.

const TODAY = "2026-07-01";
const EFFECTIVE = "2026-10-01";
let admin: StaffActor;
const stamp = uniqueSuffix();
const numbers = { over: `WI-OVER-${stamp}`, due: `WI-DUE-${stamp}`, rejected: `WI-REJ-${stamp}`, a: `WI-A-${stamp}`, b: `WI-B-${stamp}` };
const contracts = { a: `WI-LA-${stamp}`, b: `WI-LB-${stamp}` };
let enteredAt: Date;

function proposal(changes: Partial<PolicyInput> = {}): PolicyInput {
  return {
    effectiveFrom: EFFECTIVE, maxLoanFen: 40_000_000n, maxTermMonths: 36, subsidyRatioPercent: 80, coolingDays: 60,
    centerReviewDays: 8, guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15, greenChannelDays: 2,
    exceptionMaxLoanFen: 100_000_000n, exceptionMaxTermMonths: 48, maxOpenCasesPerPerson: 3, maxExposurePerPersonFen: 150_000_000n,
    recommendNeedsChecker: true, documentQuotaMb: 50, note: "影响预估测试", ...changes,
  };
}

async function activeLoan(number: string, contractNo: string, standingTo: string | null) {
  const applicant = await createApplicant();
  const enterprise = await createEnterprise(applicant);
  const first = await db.policyVersion.findUniqueOrThrow({ where: { version: 1 } });
  const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
  const app = await db.loanApplication.create({
    data: { number, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "ACTIVE", policyVersionId: first.id, amountFen: 50_000_000n, termMonths: 12, bankOrgId: bank.id },
  });
  await db.loan.create({
    data: {
      applicationId: app.id, enterpriseId: enterprise.id, bankOrgId: bank.id, contractNo, principalFen: 50_000_000n, disbursedFen: 50_000_000n,
      annualRateMicros: 34_500, lprReference: "一年期 LPR 3.00%", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
      disbursedOn: new Date("2026-01-15T00:00:00Z"), maturityOn: new Date("2027-01-15T00:00:00Z"),
    },
  });
  await db.unionStanding.create({
    data: { enterpriseId: enterprise.id, validFrom: new Date("2026-01-01T00:00:00Z"), validTo: standingTo ? new Date(`${standingTo}T00:00:00Z`) : null, evidence: "会员证" },
  });
}

describe("policy what-if", () => {
  beforeAll(async () => {
    await ensureReferenceData();
    admin = await staffActor("admin@center.demo");
    const applicant = await createApplicant();
    const open = async (number: string, data: object) =>
      db.loanApplication.create({ data: { number, applicantId: applicant.userId, enterpriseId: (await createEnterprise(applicant)).id, ...data } });
    // Within today's cap (¥500,000), over the proposed ¥400,000.
    await open(numbers.over, { status: "DRAFT", amountFen: 45_000_000n, termMonths: 12 });
    // With the centre since a Monday, due after the current 5 working days: the proposed 8 move it.
    enteredAt = new Date("2026-06-01T10:00:00+08:00");
    await open(numbers.due, {
      status: "CENTER_REVIEW", amountFen: 30_000_000n, termMonths: 12, stageEnteredAt: enteredAt,
      stageDueAt: addWorkingDays(enteredAt, 5, await workingCalendar()),
    });
    // Rejected 45 days before the effective day: free after 30 days, cooling off still under 60.
    await open(numbers.rejected, { status: "REJECTED", closedAt: new Date(new Date(`${EFFECTIVE}T00:00:00+08:00`).getTime() - 45 * 86_400_000) });
    await activeLoan(numbers.a, contracts.a, null);
    await activeLoan(numbers.b, contracts.b, "2026-11-15");
  }, 120_000);

  it("lists the open cases, deadlines and cooling periods it would touch, and this year's subsidy in exact fen", async () => {
    const w = await whatIfOfPolicy(admin, proposal(), TODAY);
    expect(w.overCap.filter((c) => c.number.endsWith(stamp))).toEqual([
      { number: numbers.over, status: "DRAFT", amountFen: 45_000_000n, termMonths: 12, amount: true, term: false },
    ]);
    const due = w.deadlines.find((d) => d.number === numbers.due);
    expect(due).toEqual({ number: numbers.due, status: "CENTER_REVIEW", from: addWorkingDays(enteredAt, 5, await workingCalendar()), to: addWorkingDays(enteredAt, 8, await workingCalendar()) });
    expect(w.cooling.filter((c) => c.number.endsWith(stamp))).toEqual([expect.objectContaining({ number: numbers.rejected, blocked: true })]);
    expect(w.activeLoans).toBeGreaterThanOrEqual(2);
    const mine = w.subsidy.loans.filter((l) => l.contractNo.endsWith(stamp));
    expect(mine).toEqual([
      { contractNo: contracts.a, currentFen: 876_876n, proposedFen: 789_668n },
      { contractNo: contracts.b, currentFen: 658_855n, proposedFen: 615_251n },
    ]);
    // The totals are the sums of the loans, quarter by quarter.
    const sum = (pick: (l: { currentFen: bigint; proposedFen: bigint }) => bigint, list: { currentFen: bigint; proposedFen: bigint }[]) => list.reduce((t, l) => t + pick(l), 0n);
    expect(sum((l) => l.currentFen, w.subsidy.loans)).toBe(w.subsidy.currentFen);
    expect(sum((l) => l.proposedFen, w.subsidy.quarters)).toBe(w.subsidy.proposedFen);
    expect(w.subsidy.deltaFen).toBe(w.subsidy.proposedFen - w.subsidy.currentFen);
    expect(w.subsidy.quarters.map((q) => q.quarter)).toEqual(["2026Q3", "2026Q4"]);
  });

  it("touches nothing when the proposal changes nothing that matters to them", async () => {
    const w = await whatIfOfPolicy(admin, proposal({ maxLoanFen: 50_000_000n, coolingDays: 30, centerReviewDays: 5, subsidyRatioPercent: 100 }), TODAY);
    expect(w.overCap.filter((c) => c.number.endsWith(stamp))).toEqual([]);
    expect(w.deadlines.find((d) => d.number === numbers.due)).toBeUndefined();
    expect(w.cooling.filter((c) => c.number.endsWith(stamp))).toEqual([]);
    expect(w.subsidy.loans.filter((l) => l.contractNo.endsWith(stamp)).map((l) => l.proposedFen - l.currentFen)).toEqual([0n, 0n]);
  });

  it("is read by administrators only, and shown for each proposal waiting for a second administrator", async () => {
    expect(await outcome(whatIfOfPolicy(await staffActor("approver@center.demo"), proposal(), TODAY))).toBe("NOT_FOUND");
    const latest = await db.policyVersion.findFirstOrThrow({ orderBy: { effectiveFrom: "desc" } });
    const day = new Date(Math.max(latest.effectiveFrom.getTime(), Date.now()) + 4 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const { changeId } = await publishPolicy(admin, proposal({ effectiveFrom: day, maxLoanFen: 40_000_000n }));
    const listed = (await pendingPolicyWhatIfs(admin)).find((p) => p.changeId === changeId);
    expect(listed?.whatIf.overCap.map((c) => c.number)).toContain(numbers.over);
    await withdrawControlChange(admin, changeId);
  });
});
