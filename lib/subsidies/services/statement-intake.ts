import "server-only";
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor, StaffActor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import {
  lineKey, parseStatement, STATEMENT_COLUMNS, statementHeading, statementProblem, validateAgainstLoans, type LoanTerms, type ParsedLine, type StatementError,
} from "@/lib/subsidies/statement-parser";
import { MAX_STATEMENT_BYTES } from "@/lib/subsidies/statement-file";
import { beijingToday, dayOfDateColumn } from "@/lib/calendar/beijing";
import { batchQuarterOf, parseQuarter } from "@/lib/subsidies/periods";
import { formatFen } from "@/lib/money/fen";
import { evidenceOf, ratioOf, standingByEnterprise, type UnionEvidence } from "@/lib/subsidies/subsidy-context";
import { computeLineSubsidy } from "@/lib/subsidies/rules";
import { storeStatementLines } from "@/lib/subsidies/services/store-statement-lines";
import type { ImportOutcome, PreparedLine } from "@/lib/subsidies/services/intake-outcome";

// The one intake path for statement lines, shared by the file upload and typed entry:
// parse → check against this bank's own loans and what is already stored → compute each line's
// subsidy → store everything in one transaction, or nothing and a per-line report.
//
// Re-sending lines: the same file (same SHA-256 for this bank) adds nothing and says so. A line
// whose contract and period are already stored with the same figures is skipped and counted
// ("already imported, skipped"), so a bank may resend a quarter's file with new lines added. The same period
// with different figures is an error: a stored line changes only by a correction answering the
// centre's query, which keeps the old version.

export type IntakeInput = {
  fileName: string;
  bytes: Uint8Array;
  today?: string;
  timings?: Record<string, number>;
  /** Told the lines read (total) and checked (done) as the intake goes; the background job records them. */
  progress?: (done: number, total: number) => Promise<void>;
};

const COLUMN_ORDER = new Map(STATEMENT_COLUMNS.map((c, i) => [c.zh, i]));
const CHUNK = 10_000;
const chunks = <T>(items: readonly T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function bankOfficer(actor: Actor): StaffActor {
  assertCan(actor, "subsidy.import");
  if (actor.kind !== "STAFF" || actor.organisationType !== "BANK") throw new AppError("NOT_FOUND");
  return actor;
}

export async function intakeStatement(actor: Actor, input: IntakeInput): Promise<ImportOutcome> {
  const bank = bankOfficer(actor);
  if (input.bytes.byteLength > MAX_STATEMENT_BYTES) {
    return reject([{ line: 0, column: "", message: statementProblem("fileTooBig", { mb: String(MAX_STATEMENT_BYTES / 1024 / 1024) }) }]);
  }
  const tick = timer(input.timings);
  const today = input.today ?? beijingToday();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const seen = await db.statementImport.findUnique({ where: { bankOrgId_fileSha256: { bankOrgId: bank.organisationId, fileSha256: sha256 } } });
  if (seen) return { status: "ALREADY_IMPORTED", importId: seen.id, importedAt: seen.createdAt, fileName: seen.fileName };

  const parsed = await parseStatement(input.bytes, { today });
  tick("parse");
  await input.progress?.(0, parsed.ok ? parsed.lines.length : (parsed.partial?.length ?? 0));
  if (!parsed.ok) {
    // Report the well-formed rows' problems with the loans too: the bank fixes everything in one round.
    const later = parsed.partial?.length ? await prepareLines(bank.organisationId, parsed.partial, today) : null;
    return reject([...parsed.errors, ...(later && "errors" in later ? later.errors : [])]);
  }

  const prepared = await prepareLines(bank.organisationId, parsed.lines, today);
  tick("validate");
  await input.progress?.(parsed.lines.length, parsed.lines.length);
  if ("errors" in prepared) return reject(prepared.errors);
  if (prepared.lines.length === 0) {
    return { status: "IMPORTED", importId: null, added: 0, skipped: prepared.skipped, subsidyFen: 0n, quarters: [] };
  }
  const stored = await storeStatementLines(bank, { fileName: input.fileName, sha256, lines: prepared.lines, skipped: prepared.skipped });
  tick("store");
  return stored;
}

const closedBatch = (quarter: string) => {
  const q = parseQuarter(quarter);
  return statementProblem("batchClosed", { year: String(q?.year ?? quarter), quarter: String(q?.quarter ?? "") });
};

const reject = (errors: StatementError[]): ImportOutcome => ({
  status: "REJECTED",
  errors: [...errors].sort((a, b) => a.line - b.line || (COLUMN_ORDER.get(a.column) ?? 99) - (COLUMN_ORDER.get(b.column) ?? 99)),
});

function timer(into?: Record<string, number>) {
  let last = performance.now();
  return (phase: string) => {
    const now = performance.now();
    if (into) into[phase] = now - last;
    last = now;
  };
}

const sameFigures = (l: ParsedLine, s: StoredFigures): boolean =>
  l.principalBalanceFen === s.balanceFen && l.annualRateMicros === s.annualRateMicros && l.interestDueFen === s.interestDueFen &&
  l.interestPaidFen === s.interestPaidFen && l.penaltyInterestFen === s.penaltyFen && l.overdue === s.overdue &&
  l.extended === s.extended && l.paidOn === (s.paidOn ? dayOfDateColumn(s.paidOn) : null);

type StoredFigures = {
  balanceFen: bigint; annualRateMicros: number; interestDueFen: bigint; interestPaidFen: bigint; penaltyFen: bigint;
  overdue: boolean; extended: boolean; paidOn: Date | null;
};

/** Every check that needs the database; returns all problems at once, or the lines ready to store. */
export async function prepareLines(
  bankOrgId: string,
  lines: readonly ParsedLine[],
  today: string,
): Promise<{ errors: StatementError[] } | { lines: PreparedLine[]; skipped: number }> {
  const contractNos = [...new Set(lines.map((l) => l.contractNo))];
  const loans = (
    await Promise.all(chunks(contractNos).map((part) => db.loan.findMany({
      where: { bankOrgId, contractNo: { in: part } },
      select: {
        id: true, contractNo: true, enterpriseId: true, principalFen: true, disbursedOn: true, maturityOn: true,
        compensation: { select: { paidOn: true } },
        application: { select: { policyVersion: { select: { subsidyRatioBp: true } } } },
      },
    })))
  ).flat();
  const loanByContract = new Map(loans.map((l) => [l.contractNo, l]));
  const terms = new Map<string, LoanTerms>();
  for (const l of loans) {
    if (l.disbursedOn && l.maturityOn) terms.set(l.contractNo, { principalFen: l.principalFen, startOn: dayOfDateColumn(l.disbursedOn), maturityOn: dayOfDateColumn(l.maturityOn) });
  }

  const errors: StatementError[] = [];
  const notDisbursed = lines.filter((l) => loanByContract.has(l.contractNo) && !terms.has(l.contractNo));
  for (const l of notDisbursed) errors.push({ line: l.line, column: statementHeading("contractNo"), message: statementProblem("notDisbursed") });
  const skip = new Set(notDisbursed);
  const checkable = skip.size ? lines.filter((l) => !skip.has(l)) : lines;
  errors.push(...validateAgainstLoans(checkable, terms));
  const bad = new Set(errors.map((e) => e.line));

  const good = checkable.filter((l) => !bad.has(l.line));
  const stored = await storedLines(good.map((l) => ({ loanId: loanByContract.get(l.contractNo)!.id, periodStart: l.periodStart })));
  const quarterOfLine = new Map(good.map((l) => [l, batchQuarterOf(l)]));
  const quarters = [...new Set(quarterOfLine.values())];
  const closed = new Map(
    (await db.subsidyBatch.findMany({ where: { bankOrgId, quarter: { in: quarters }, status: { not: "OPEN" } }, select: { quarter: true } }))
      .map((b) => [b.quarter, true]),
  );
  const standing = await standingByEnterprise(loans.map((l) => l.enterpriseId));

  const ready: PreparedLine[] = [];
  const evidenceBy = new Map<string, UnionEvidence>();
  let skipped = 0;
  for (const l of good) {
    const loan = loanByContract.get(l.contractNo)!;
    const key = lineKey(l);
    const versions = stored.versions.get(`${loan.id}|${key}`);
    if (versions) {
      if (versions.some((v) => sameFigures(l, v))) skipped += 1;
      else errors.push({ line: l.line, column: statementHeading("contractNo"), message: statementProblem("changedFigures") });
      continue;
    }
    const quarter = quarterOfLine.get(l)!;
    if (closed.has(quarter)) {
      errors.push({ line: l.line, column: statementHeading(l.paidOn ? "paidOn" : "periodEnd"), message: closedBatch(quarter) });
      continue;
    }
    const ratio = ratioOf(loan);
    const compensatedOn = loan.compensation ? dayOfDateColumn(loan.compensation.paidOn) : null;
    const evidenceKey = `${loan.enterpriseId}|${ratio}|${compensatedOn ?? ""}`;
    let evidence = evidenceBy.get(evidenceKey);
    if (!evidence) evidenceBy.set(evidenceKey, (evidence = evidenceOf(ratio, standing.get(loan.enterpriseId) ?? [], today, compensatedOn)));
    const result = computeLineSubsidy(l, { ratioBasisPoints: ratio, unionStanding: evidence.standing, compensatedOn });
    ready.push({ line: l, loanId: loan.id, key, quarter, subsidyFen: result.subsidyFen, excludedReason: result.excludedReason, evidence });
  }
  errors.push(...periodPaymentErrors(ready.map((r) => ({ line: r.line, key: r.key, period: periodOf(r.loanId, r.line) })), stored.payments));
  return errors.length > 0 ? { errors } : { lines: ready, skipped };
}

type StoredPayment = { key: string; interestDueFen: bigint; interestPaidFen: bigint };
type Stored = {
  /** Every version of each stored line, by `loanId|lineKey`. */
  versions: Map<string, StoredFigures[]>;
  /** The current version of each payment of a period, by `loanId|periodStart|periodEnd`. */
  payments: Map<string, StoredPayment[]>;
};

const periodOf = (loanId: string, l: Pick<ParsedLine, "periodStart" | "periodEnd">) => `${loanId}|${l.periodStart}|${l.periodEnd}`;

/** The stored lines of these loans whose periods start between the wanted ones. */
async function storedLines(wanted: { loanId: string; periodStart: string }[]): Promise<Stored> {
  const out: Stored = { versions: new Map(), payments: new Map() };
  if (wanted.length === 0) return out;
  const starts = wanted.map((w) => w.periodStart).sort();
  const loanIds = [...new Set(wanted.map((w) => w.loanId))];
  for (const part of chunks(loanIds)) {
    const rows = await db.statementLine.findMany({
      where: { loanId: { in: part }, periodStart: { gte: new Date(`${starts[0]}T00:00:00Z`), lte: new Date(`${starts.at(-1)}T00:00:00Z`) } },
      select: {
        loanId: true, lineKey: true, current: true, periodStart: true, periodEnd: true, balanceFen: true, annualRateMicros: true,
        interestDueFen: true, interestPaidFen: true, penaltyFen: true, overdue: true, extended: true, paidOn: true,
      },
    });
    for (const { loanId, lineKey: key, current, periodStart, periodEnd, ...figures } of rows) {
      const k = `${loanId}|${key}`;
      out.versions.set(k, [...(out.versions.get(k) ?? []), figures]);
      if (!current) continue;
      const period = periodOf(loanId, { periodStart: dayOfDateColumn(periodStart), periodEnd: dayOfDateColumn(periodEnd) });
      out.payments.set(period, [...(out.payments.get(period) ?? []), { key, interestDueFen: figures.interestDueFen, interestPaidFen: figures.interestPaidFen }]);
    }
  }
  return out;
}

/**
 * A period's interest may be paid in several payments (one line each): they must agree on the
 * interest due, and together never pay more than it. Judged over the stored payments and the new
 * ones; returns the problem of each new line that breaks either.
 */
export function periodPaymentErrors(
  fresh: readonly { line: ParsedLine; period: string; key: string }[],
  stored: ReadonlyMap<string, readonly StoredPayment[]>,
): StatementError[] {
  const byPeriod = new Map<string, { line: ParsedLine; key: string }[]>();
  for (const f of fresh) byPeriod.set(f.period, [...(byPeriod.get(f.period) ?? []), f]);
  const errors: StatementError[] = [];
  for (const [period, lines] of byPeriod) {
    const earlier = (stored.get(period) ?? []).filter((p) => !lines.some((l) => l.key === p.key));
    const all = [...earlier.map((p) => ({ due: p.interestDueFen, paid: p.interestPaidFen })), ...lines.map((l) => ({ due: l.line.interestDueFen, paid: l.line.interestPaidFen }))];
    if (all.length < 2) continue;
    const due = all[0]!.due;
    const paid = all.reduce((sum, p) => sum + p.paid, 0n);
    for (const { line } of lines) {
      if (all.some((p) => p.due !== due)) {
        errors.push({ line: line.line, column: statementHeading("interestDueFen"), message: statementProblem("dueDiffers", { due: formatFen(due) }) });
      } else if (paid > due) {
        errors.push({ line: line.line, column: statementHeading("interestPaidFen"), message: statementProblem("paidOverPeriodDue", { paid: formatFen(paid), due: formatFen(due) }) });
      }
    }
  }
  return errors;
}
