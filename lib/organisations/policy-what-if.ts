import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { stageDueAt, type StageDays } from "@/lib/policy/deadlines";
import { buildSchedule, type RepaymentMethod } from "@/lib/loans/schedule";
import { computeLineSubsidy, type UnionStanding } from "@/lib/subsidies/rules";
import { parseQuarter, quarterBounds, quarterOf } from "@/lib/subsidies/periods";

// What a proposed policy version would touch, judged against the version it follows: pure, on
// facts the caller loads (lib/organisations/what-if-queries.ts). Money in fen, exact.

export type WhatIfPolicy = StageDays & { maxLoanFen: bigint; maxTermMonths: number; coolingDays: number; subsidyRatioBp: number };

export type OpenCase = {
  number: string; status: ApplicationStatus; amountFen: bigint | null; termMonths: number | null;
  greenChannel: boolean; stageEnteredAt: Date | null; stageDueAt: Date | null;
};
export type Rejection = { enterpriseId: string; number: string; closedAt: Date };
export type ActiveLoan = {
  contractNo: string; principalFen: bigint; annualRateMicros: number; termMonths: number; disbursedOn: string;
  method: RepaymentMethod; ratioBp: number; standing: readonly UnionStanding[];
};

export type WhatIfFacts = { cases: OpenCase[]; rejections: Rejection[]; loans: ActiveLoan[]; calendar: WorkingCalendar; today: string };

export type QuarterSpend = { quarter: string; currentFen: bigint; proposedFen: bigint };

export type WhatIf = {
  /** Open cases (drafts included) whose amount or term the proposed caps no longer allow. */
  overCap: { number: string; status: ApplicationStatus; amountFen: bigint | null; termMonths: number | null; amount: boolean; term: boolean }[];
  /** Cases in a stage with a clock whose deadline the proposed days would move. */
  deadlines: { number: string; status: ApplicationStatus; from: Date; to: Date }[];
  /** Enterprises whose latest rejection keeps them cooling off on the effective day under one rule and not the other. */
  cooling: { number: string; coolingUntil: Date; proposedUntil: Date; blocked: boolean }[];
  activeLoans: number;
  /** The subsidy of this year's interest still to fall due (from today), per quarter, under each ratio. */
  subsidy: { quarters: QuarterSpend[]; loans: LoanSpend[]; currentFen: bigint; proposedFen: bigint; deltaFen: bigint };
};

export type LoanSpend = { contractNo: string; currentFen: bigint; proposedFen: bigint };

const DAY_MS = 86_400_000;

export function policyWhatIf(current: WhatIfPolicy, proposed: WhatIfPolicy, effectiveFrom: string, facts: WhatIfFacts): WhatIf {
  const overCap = facts.cases.flatMap((c) => {
    const amount = c.amountFen !== null && c.amountFen > proposed.maxLoanFen && !(c.amountFen > current.maxLoanFen);
    const term = c.termMonths !== null && c.termMonths > proposed.maxTermMonths && !(c.termMonths > current.maxTermMonths);
    return amount || term ? [{ number: c.number, status: c.status, amountFen: c.amountFen, termMonths: c.termMonths, amount, term }] : [];
  });

  const deadlines = facts.cases.flatMap((c) => {
    if (!c.stageEnteredAt || !c.stageDueAt) return [];
    const to = stageDueAt(c.status, c.stageEnteredAt, proposed, c.greenChannel, facts.calendar);
    return to && to.getTime() !== c.stageDueAt.getTime() ? [{ number: c.number, status: c.status, from: c.stageDueAt, to }] : [];
  });

  const effective = new Date(`${effectiveFrom}T00:00:00+08:00`).getTime();
  const cooling = facts.rejections.flatMap((r) => {
    const coolingUntil = new Date(r.closedAt.getTime() + current.coolingDays * DAY_MS);
    const proposedUntil = new Date(r.closedAt.getTime() + proposed.coolingDays * DAY_MS);
    const now = coolingUntil.getTime() > effective;
    const then = proposedUntil.getTime() > effective;
    return now === then ? [] : [{ number: r.number, coolingUntil, proposedUntil, blocked: then }];
  });

  return { overCap, deadlines, cooling, activeLoans: facts.loans.length, subsidy: yearSubsidy(facts.loans, proposed.subsidyRatioBp, effectiveFrom, facts.today) };
}

/**
 * The subsidy of the interest each active loan's schedule has falling due from today to the end
 * of the year, quarter by quarter, by the subsidy rules (lib/subsidies/rules.ts): one line per
 * loan and quarter, paid in full and on time, with the enterprise's union standing. Under the
 * current rule each loan keeps its own ratio; under the proposed one, interest falling due from
 * the effective day on takes the new ratio (a line of its own), and interest before it keeps the old.
 */
export function yearSubsidy(loans: readonly ActiveLoan[], proposedRatioBp: number, effectiveFrom: string, today: string) {
  const yearEnd = `${today.slice(0, 4)}-12-31`;
  const quarters = new Map<string, QuarterSpend>();
  const perLoan: LoanSpend[] = [];
  for (const loan of loans) {
    const mine: LoanSpend = { contractNo: loan.contractNo, currentFen: 0n, proposedFen: 0n };
    const schedule = buildSchedule({
      principalFen: loan.principalFen, annualRateMicros: loan.annualRateMicros, termMonths: loan.termMonths, disbursedOn: loan.disbursedOn, method: loan.method,
    });
    const byQuarter = new Map<string, { before: bigint; after: bigint }>();
    for (const i of schedule) {
      if (i.dueOn < today || i.dueOn > yearEnd) continue;
      const q = quarterOf(i.dueOn);
      const sums = byQuarter.get(q) ?? { before: 0n, after: 0n };
      if (i.dueOn < effectiveFrom) sums.before += i.interestFen;
      else sums.after += i.interestFen;
      byQuarter.set(q, sums);
    }
    for (const [q, sums] of byQuarter) {
      const { start, end } = quarterBounds(parseQuarter(q)!);
      const subsidy = (interestFen: bigint, ratioBasisPoints: number) =>
        interestFen === 0n ? 0n : computeLineSubsidy(
          { interestDueFen: interestFen, interestPaidFen: interestFen, penaltyInterestFen: 0n, overdue: false, extended: false, periodStart: start, periodEnd: end },
          { ratioBasisPoints, unionStanding: loan.standing },
        ).subsidyFen;
      const spend = quarters.get(q) ?? { quarter: q, currentFen: 0n, proposedFen: 0n };
      const currentFen = subsidy(sums.before + sums.after, loan.ratioBp);
      const proposedFen = subsidy(sums.before, loan.ratioBp) + subsidy(sums.after, proposedRatioBp);
      spend.currentFen += currentFen;
      spend.proposedFen += proposedFen;
      mine.currentFen += currentFen;
      mine.proposedFen += proposedFen;
      quarters.set(q, spend);
    }
    if (mine.currentFen !== 0n || mine.proposedFen !== 0n) perLoan.push(mine);
  }
  const list = [...quarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const currentFen = list.reduce((t, q) => t + q.currentFen, 0n);
  const proposedFen = list.reduce((t, q) => t + q.proposedFen, 0n);
  return { quarters: list, loans: perLoan, currentFen, proposedFen, deltaFen: proposedFen - currentFen };
}
