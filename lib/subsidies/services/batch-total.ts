import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A batch's total is, by definition, the sum of its current lines' subsidies; it is recomputed
 * from the lines (never adjusted by a difference) inside every transaction that changes them,
 * after the batch row is locked by that transaction's compare-and-set.
 */
export async function recomputeBatchTotal(tx: Prisma.TransactionClient, batchId: string): Promise<bigint> {
  const sum = await tx.statementLine.aggregate({ where: { batchId, current: true }, _sum: { subsidyFen: true } });
  const totalFen = sum._sum.subsidyFen ?? 0n;
  await tx.subsidyBatch.update({ where: { id: batchId }, data: { totalFen } });
  return totalFen;
}

/** The same for several batches in one statement (an import touching many quarters). */
export async function recomputeBatchTotals(tx: Prisma.TransactionClient, batchIds: readonly string[]): Promise<Map<string, bigint>> {
  const rows = await tx.$queryRaw<{ id: string; totalFen: bigint | string }[]>`
    UPDATE "SubsidyBatch" AS b SET "totalFen" = COALESCE(s.total, 0)
    FROM (SELECT id FROM unnest(${[...batchIds]}::uuid[]) AS id) AS wanted
    LEFT JOIN (
      SELECT "batchId", SUM("subsidyFen") AS total FROM "StatementLine"
      WHERE "batchId" = ANY(${[...batchIds]}::uuid[]) AND "current" GROUP BY "batchId"
    ) AS s ON s."batchId" = wanted.id
    WHERE b.id = wanted.id
    RETURNING b.id::text AS id, b."totalFen"`;
  return new Map(rows.map((r) => [r.id, BigInt(r.totalFen)]));
}
