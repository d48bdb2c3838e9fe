import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import type { CorrectLineInput } from "@/lib/subsidies/schemas";
import { parseStatement, validateAgainstLoans, type ParsedLine } from "@/lib/subsidies/statement-parser";
import { recomputeBatchTotal } from "@/lib/subsidies/services/batch-total";
import { periodPaymentErrors } from "@/lib/subsidies/services/statement-intake";
import { hasOpenQuery, runLineEdit, type LoadedLine } from "@/lib/subsidies/services/line-edit";
import { fieldErrorsOf, oneLineStatement } from "@/lib/subsidies/one-line-statement";
import { beijingToday, dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import { ratioOf, standingByEnterprise, subsidyWithEvidence, type StandingRecord } from "@/lib/subsidies/subsidy-context";

type Corrected = { newLineId: string; newLineVersion: number; oldSubsidyFen: bigint; newSubsidyFen: bigint; totalFen: bigint };

/**
 * The bank answers a query by correcting the line's figures (contract and period identify the
 * line and stay). The correction is a new version: the old row stays, no longer current; the new
 * one carries the question and answer, its subsidy is recomputed and so is the batch total. The
 * line stays in its batch even if the corrected payment date falls in another quarter.
 */
export async function correctLine(actor: Actor, input: CorrectLineInput, options: { today?: string } = {}) {
  const today = options.today ?? beijingToday();
  let parsed: ParsedLine | undefined;
  let standing: StandingRecord[] = [];
  let compensatedOn: string | null = null;
  return runLineEdit<Corrected>({
    actor,
    lineId: input.lineId,
    batchVersion: input.batchVersion,
    permission: "subsidy.answer",
    event: "subsidy.line_corrected",
    guard: async (line) => {
      if (!hasOpenQuery(line)) throw new AppError("INVALID_TRANSITION", words("subsidy.refusal.correctOnlyQueried"));
      parsed = await parseCorrection(line, input, today);
      // Read before the transaction: on PGlite (one connection) a read outside it would wait for it.
      standing = (await standingByEnterprise([line.loan.enterpriseId])).get(line.loan.enterpriseId) ?? [];
      const compensation = await db.loanCompensation.findUnique({ where: { loanId: line.loanId }, select: { paidOn: true } });
      compensatedOn = compensation ? dayOfDateColumn(compensation.paidOn) : null;
    },
    within: async (tx, line) => {
      const p = parsed!;
      const { result, evidence } = subsidyWithEvidence(p, ratioOf(line.loan), standing, today, compensatedOn);
      const retired = await tx.statementLine.updateMany({ where: { id: line.id, current: true }, data: { current: false } });
      if (retired.count !== 1) throw new AppError("CONFLICT", words("subsidy.refusal.lineChanged"));
      const created = await tx.statementLine.create({
        data: {
          importId: line.importId, loanId: line.loanId, batchId: line.batchId, lineKey: line.lineKey, lineVersion: line.lineVersion + 1,
          current: true, periodStart: line.periodStart, periodEnd: line.periodEnd, balanceFen: p.principalBalanceFen,
          annualRateMicros: p.annualRateMicros, interestDueFen: p.interestDueFen, interestPaidFen: p.interestPaidFen,
          penaltyFen: p.penaltyInterestFen, paidOn: p.paidOn ? dateColumnOf(p.paidOn) : null, overdue: p.overdue, extended: p.extended,
          subsidyFen: result.subsidyFen, excludedReason: result.excludedReason, unionEvidence: evidence as unknown as Prisma.InputJsonValue,
          query: line.query, queryAnswer: input.answer,
        },
        select: { id: true },
      });
      const totalFen = await recomputeBatchTotal(tx, line.batchId!);
      return { newLineId: created.id, newLineVersion: line.lineVersion + 1, oldSubsidyFen: line.subsidyFen, newSubsidyFen: result.subsidyFen, totalFen };
    },
    auditData: (r) => ({ answer: input.answer, newLineId: r.newLineId, newLineVersion: r.newLineVersion, oldSubsidyFen: r.oldSubsidyFen, newSubsidyFen: r.newSubsidyFen, totalFen: r.totalFen }),
  });
}

/** The corrected figures through the statement parser and the loan checks, exactly like an import. */
async function parseCorrection(line: LoadedLine, input: CorrectLineInput, today: string): Promise<ParsedLine> {
  const bytes = oneLineStatement({
    contractNo: line.loan.contractNo,
    periodStart: dayOfDateColumn(line.periodStart),
    periodEnd: dayOfDateColumn(line.periodEnd),
    principalBalanceFen: input.principalBalanceFen,
    annualRateMicros: input.annualRateMicros,
    interestDueFen: input.interestDueFen,
    interestPaidFen: input.interestPaidFen,
    paidOn: input.paidOn,
    overdue: input.overdue,
    penaltyInterestFen: input.penaltyInterestFen,
    extended: input.extended,
  });
  const result = await parseStatement(bytes, { today });
  if (!result.ok) throw new AppError("VALIDATION", undefined, fieldErrorsOf(result.errors));
  const loan = line.loan;
  if (!loan.disbursedOn || !loan.maturityOn) throw new AppError("VALIDATION", words("subsidy.refusal.notDisbursed"));
  const terms = new Map([[loan.contractNo, { principalFen: loan.principalFen, startOn: dayOfDateColumn(loan.disbursedOn), maturityOn: dayOfDateColumn(loan.maturityOn) }]]);
  const corrected = result.lines[0]!;
  // The period's other payments stay as they are: together with the corrected one they must still agree.
  const siblings = await db.statementLine.findMany({
    where: { loanId: line.loanId, periodStart: line.periodStart, periodEnd: line.periodEnd, current: true, lineKey: { not: line.lineKey } },
    select: { lineKey: true, interestDueFen: true, interestPaidFen: true },
  });
  const period = `${line.loanId}|${corrected.periodStart}|${corrected.periodEnd}`;
  const errors = [
    ...validateAgainstLoans(result.lines, terms),
    ...periodPaymentErrors([{ line: corrected, key: line.lineKey, period }], new Map([[period, siblings.map((s) => ({ key: s.lineKey, ...s }))]])),
  ];
  if (errors.length) throw new AppError("VALIDATION", undefined, fieldErrorsOf(errors));
  return corrected;
}
