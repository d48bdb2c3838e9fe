import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { words, type Words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { computeLineSubsidy, type ExcludedReason } from "@/lib/subsidies/rules";
import { runBatchTransition } from "@/lib/subsidies/services/batch-transition";
import { dayOfDateColumn } from "@/lib/calendar/beijing";
import { ratioOf, standingByEnterprise, type UnionEvidence } from "@/lib/subsidies/subsidy-context";
import type { VerificationChecklist } from "@/lib/subsidies/verification";

export type VerifyInput = { batchId: string; version: number; checkAmounts: boolean; checkRepayment: boolean; checkUnion: boolean; comment: string };

/**
 * The centre's check of a quarter's batch. The portal recomputes every line: its subsidy from the
 * evidence stored with it (amounts), and again against the enterprise's union standing today
 * (standing revoked since the import); the total must be the sum of the lines. Any disagreement,
 * or a query the bank has not answered, refuses the step. Overdue lines and loans that are
 * overdue or compensated are listed for the reviewer. The checklist is kept in the audit event.
 */
export async function verifyBatch(actor: Actor, input: VerifyInput) {
  return runBatchTransition({
    actor,
    batchId: input.batchId,
    expectedVersion: input.version,
    action: "verify",
    guard: async (batch) => {
      const checklist = await checkBatch(batch.id, batch.totalFen, input);
      const open = await db.statementLine.count({ where: { batchId: batch.id, current: true, query: { not: null }, queryAnswer: null } });
      const refusal = verifyRefusal({
        empty: checklist.lineCount === 0,
        mismatches: checklist.amountsOk ? 0 : checklist.amountMismatches.length,
        sumOff: checklist.sumOfLinesFen !== checklist.totalFen,
        unionChanged: checklist.unionOk ? 0 : checklist.unionChanged.length,
        open,
      });
      if (refusal) throw new AppError("VALIDATION", refusal);
      return checklist;
    },
    auditData: (checklist) => ({ checklist }),
  });
}

async function checkBatch(batchId: string, totalFen: bigint, input: VerifyInput): Promise<VerificationChecklist> {
  const lines = await db.statementLine.findMany({
    where: { batchId, current: true },
    select: {
      id: true, lineKey: true, periodStart: true, periodEnd: true, interestDueFen: true, interestPaidFen: true, penaltyFen: true,
      overdue: true, extended: true, subsidyFen: true, excludedReason: true, unionEvidence: true,
      loan: { select: { contractNo: true, status: true, enterpriseId: true, application: { select: { policyVersion: { select: { subsidyRatioBp: true } } } } } },
    },
  });
  const standing = await standingByEnterprise(lines.map((l) => l.loan.enterpriseId));
  const amountMismatches: string[] = [];
  const unionChanged: string[] = [];
  const excluded: Partial<Record<ExcludedReason, number>> = {};
  for (const l of lines) {
    const line = {
      interestDueFen: l.interestDueFen, interestPaidFen: l.interestPaidFen, penaltyInterestFen: l.penaltyFen,
      overdue: l.overdue, extended: l.extended, periodStart: dayOfDateColumn(l.periodStart), periodEnd: dayOfDateColumn(l.periodEnd),
    };
    const evidence = l.unionEvidence as UnionEvidence | null;
    const ratio = evidence?.ratioBasisPoints ?? ratioOf(l.loan);
    const compensatedOn = evidence?.compensatedOn ?? null;
    const asStored = computeLineSubsidy(line, { ratioBasisPoints: ratio, unionStanding: evidence?.standing ?? [], compensatedOn });
    if (asStored.subsidyFen !== l.subsidyFen || l.subsidyFen > l.interestPaidFen || l.interestPaidFen > l.interestDueFen) {
      amountMismatches.push(l.lineKey);
    }
    const now = computeLineSubsidy(line, { ratioBasisPoints: ratio, unionStanding: standing.get(l.loan.enterpriseId) ?? [], compensatedOn });
    if (now.subsidyFen !== asStored.subsidyFen) unionChanged.push(l.lineKey);
    if (l.excludedReason) excluded[l.excludedReason] = (excluded[l.excludedReason] ?? 0) + 1;
  }
  return {
    lineCount: lines.length,
    totalFen,
    sumOfLinesFen: lines.reduce((s, l) => s + l.subsidyFen, 0n),
    amountsOk: amountMismatches.length === 0,
    amountMismatches: amountMismatches.slice(0, 50),
    overdueLines: lines.filter((l) => l.overdue).length,
    extendedLines: lines.filter((l) => l.extended).length,
    loansNotPerforming: [...new Set(lines.filter((l) => l.loan.status === "OVERDUE" || l.loan.status === "COMPENSATED").map((l) => l.loan.contractNo))],
    unionOk: unionChanged.length === 0,
    unionChanged: unionChanged.slice(0, 50),
    excluded,
    confirmed: { amounts: input.checkAmounts, repayment: input.checkRepayment, union: input.checkUnion },
    comment: input.comment,
  };
}

type VerifyProblems = { empty: boolean; mismatches: number; sumOff: boolean; unionChanged: number; open: number };

/**
 * Every problem found, in one sentence: the catalogue's message writes each one present (its
 * selects), with a separator before each but the first. Null when there is none.
 */
function verifyRefusal(p: VerifyProblems): Words | null {
  const present = [p.empty, p.mismatches > 0, p.sumOff, p.unionChanged > 0, p.open > 0];
  if (!present.some(Boolean)) return null;
  const yesNo = (b: boolean) => (b ? "yes" : "no");
  const separated = (i: number) => yesNo(present[i]! && present.slice(0, i).some(Boolean));
  return words("subsidy.refusal.cannotVerify", {
    empty: yesNo(p.empty),
    mismatches: String(p.mismatches), sep1: separated(1),
    sumOff: yesNo(p.sumOff), sep2: separated(2),
    unionChanged: String(p.unionChanged), sep3: separated(3),
    open: String(p.open), sep4: separated(4),
  });
}
