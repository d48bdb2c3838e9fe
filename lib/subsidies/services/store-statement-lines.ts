import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { recomputeBatchTotals } from "@/lib/subsidies/services/batch-total";
import type { ImportOutcome, PreparedLine } from "@/lib/subsidies/services/intake-outcome";

const INSERT_CHUNK = 10_000;

/**
 * Stores checked lines in one transaction: the import record, the quarter batches (opened when
 * missing), the lines in chunks, the recomputed totals and the audit events. Each batch is taken
 * with a compare-and-set on status OPEN (in quarter order, so two imports never deadlock): a batch
 * the centre verified meanwhile makes the whole import fail and store nothing.
 */
export async function storeStatementLines(
  bank: StaffActor,
  input: { fileName: string; sha256: string; lines: PreparedLine[]; skipped: number },
): Promise<ImportOutcome> {
  const quarters = [...new Set(input.lines.map((l) => l.quarter))].sort();
  try {
    return await db.$transaction(async (tx) => {
      const imp = await tx.statementImport.create({
        data: { bankOrgId: bank.organisationId, fileName: input.fileName.slice(0, 200), fileSha256: input.sha256, lineCount: input.lines.length, importedById: bank.userId },
      });
      const opened: string[] = [];
      for (const quarter of quarters) {
        const created = await tx.subsidyBatch.createMany({ data: [{ bankOrgId: bank.organisationId, quarter }], skipDuplicates: true });
        if (created.count === 1) opened.push(quarter);
      }
      const batches = await tx.subsidyBatch.findMany({ where: { bankOrgId: bank.organisationId, quarter: { in: quarters } }, orderBy: { quarter: "asc" } });
      for (const b of batches) {
        const taken = await tx.subsidyBatch.updateMany({ where: { id: b.id, status: "OPEN" }, data: { version: { increment: 1 } } });
        if (taken.count !== 1) throw new AppError("CONFLICT", words("subsidy.refusal.batchJustVerified"));
      }
      const batchId = new Map(batches.map((b) => [b.quarter, b.id]));
      for (let i = 0; i < input.lines.length; i += INSERT_CHUNK) {
        await insertLines(tx, imp.id, input.lines.slice(i, i + INSERT_CHUNK), batchId);
      }
      const subsidyFen = input.lines.reduce((sum, l) => sum + l.subsidyFen, 0n);
      const totals = await recomputeBatchTotals(tx, batches.map((b) => b.id));
      for (const b of batches) {
        const added = input.lines.filter((l) => l.quarter === b.quarter);
        const totalFen = totals.get(b.id);
        await appendAudit(tx, {
          actorId: bank.userId, organisationId: bank.organisationId, entityType: "SubsidyBatch", entityId: b.id,
          action: opened.includes(b.quarter) ? "subsidy.batch_opened" : "subsidy.batch_lines_added",
          data: { quarter: b.quarter, importId: imp.id, added: added.length, addedSubsidyFen: added.reduce((s, l) => s + l.subsidyFen, 0n), totalFen: totalFen! },
        });
      }
      await appendAudit(tx, {
        actorId: bank.userId, organisationId: bank.organisationId, entityType: "StatementImport", entityId: imp.id,
        action: "subsidy.statement_imported",
        data: { fileName: imp.fileName, sha256: input.sha256, added: input.lines.length, skipped: input.skipped, subsidyFen, quarters },
      });
      return { status: "IMPORTED" as const, importId: imp.id, added: input.lines.length, skipped: input.skipped, subsidyFen, quarters };
    }, { timeout: 180_000, maxWait: 20_000 });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    // Someone stored the same file, or some of the same lines, a moment ago.
    const seen = await db.statementImport.findUnique({ where: { bankOrgId_fileSha256: { bankOrgId: bank.organisationId, fileSha256: input.sha256 } } });
    if (seen) return { status: "ALREADY_IMPORTED", importId: seen.id, importedAt: seen.createdAt, fileName: seen.fileName };
    throw new AppError("CONFLICT", words("subsidy.refusal.linesJustImported"));
  }
}

/**
 * One INSERT … SELECT FROM unnest(arrays) per chunk: sixteen parameters however many rows, which
 * is what lets a 100,000-line statement store in seconds (a createMany of that size spends most
 * of its time building and binding hundreds of thousands of parameters).
 */
async function insertLines(tx: Prisma.TransactionClient, importId: string, lines: PreparedLine[], batchIdOf: Map<string, string>): Promise<void> {
  const col = <T>(f: (l: PreparedLine) => T): T[] => lines.map(f);
  const p = (l: PreparedLine) => l.line;
  // Each distinct evidence object is sent and parsed as JSON once; rows pick theirs by index.
  const evidenceIndex = new Map<object, number>();
  for (const l of lines) if (!evidenceIndex.has(l.evidence)) evidenceIndex.set(l.evidence, evidenceIndex.size + 1);
  const evidence = [...evidenceIndex.keys()].map((e) => JSON.stringify(e));
  const inserted = await tx.$executeRaw`
    INSERT INTO "StatementLine" ("id", "importId", "loanId", "batchId", "lineKey", "lineVersion", "current", "periodStart", "periodEnd",
      "balanceFen", "annualRateMicros", "interestDueFen", "interestPaidFen", "penaltyFen", "paidOn", "overdue", "extended",
      "subsidyFen", "excludedReason", "unionEvidence")
    SELECT gen_random_uuid(), ${importId}::uuid, u.loan_id, u.batch_id, u.line_key, 1, true, u.period_start, u.period_end,
      u.balance, u.rate, u.due, u.paid, u.penalty, u.paid_on, u.overdue, u.extended,
      u.subsidy, u.reason::"SubsidyExclusion", (${evidence}::jsonb[])[u.evidence]
    FROM unnest(
      ${col((l) => l.loanId)}::uuid[], ${col((l) => batchIdOf.get(l.quarter)!)}::uuid[], ${col((l) => l.key)}::text[],
      ${col((l) => p(l).periodStart)}::date[], ${col((l) => p(l).periodEnd)}::date[], ${col((l) => p(l).principalBalanceFen.toString())}::bigint[],
      ${col((l) => p(l).annualRateMicros)}::int[], ${col((l) => p(l).interestDueFen.toString())}::bigint[], ${col((l) => p(l).interestPaidFen.toString())}::bigint[],
      ${col((l) => p(l).penaltyInterestFen.toString())}::bigint[], ${col((l) => p(l).paidOn)}::date[], ${col((l) => p(l).overdue)}::boolean[],
      ${col((l) => p(l).extended)}::boolean[], ${col((l) => l.subsidyFen.toString())}::bigint[], ${col((l) => l.excludedReason)}::text[],
      ${col((l) => evidenceIndex.get(l.evidence)!)}::int[]
    ) AS u(loan_id, batch_id, line_key, period_start, period_end, balance, rate, due, paid, penalty, paid_on, overdue, extended, subsidy, reason, evidence)`;
  if (inserted !== lines.length) throw new Error(`stored ${inserted} of ${lines.length} statement lines`);
}
