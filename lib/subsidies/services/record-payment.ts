import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { formatFen } from "@/lib/money/fen";
import { runBatchTransition } from "@/lib/subsidies/services/batch-transition";
import { SPENT_STATUSES } from "@/lib/subsidies/batch-workflow";
import { beijingToday, dateColumnOf } from "@/lib/calendar/beijing";

export type PaymentInput = { batchId: string; version: number; paidOn: string; payerAccount: string; paymentRef: string };

const duplicateRef = () => new AppError("DUPLICATE", words("subsidy.refusal.paymentRefTaken"), { paymentRef: [words("subsidy.refusal.paymentRefTakenField")] });

/**
 * Records the payment of an approved batch: once. Paying an unapproved or a paid batch is refused
 * by the transition; two payments at once are decided by the compare-and-set (exactly one row
 * moves from APPROVED); a payment reference is unique across all batches (checked here, enforced
 * by the database). When a budget exists for the payment's year, spend may not exceed it: the
 * budget row is locked so two batches paid at once cannot both squeeze under it.
 */
export async function recordPayment(actor: Actor, input: PaymentInput) {
  try {
    return await runBatchTransition({
      actor,
      batchId: input.batchId,
      expectedVersion: input.version,
      action: "pay",
      guard: async (batch) => {
        if (input.paidOn > beijingToday()) throw new AppError("VALIDATION", undefined, { paidOn: [words("subsidy.refusal.paidOnFuture")] });
        if (input.paidOn < batch.createdAt.toISOString().slice(0, 10)) throw new AppError("VALIDATION", undefined, { paidOn: [words("subsidy.refusal.paidOnBeforeBatch")] });
        if (await db.subsidyBatch.findUnique({ where: { paymentRef: input.paymentRef }, select: { id: true } })) throw duplicateRef();
      },
      changes: () => ({ paidOn: dateColumnOf(input.paidOn), payerAccount: input.payerAccount, paymentRef: input.paymentRef }),
      within: async (tx) => {
        const year = Number(input.paidOn.slice(0, 4));
        const budget = await tx.$queryRaw<{ amountFen: bigint }[]>`SELECT "amountFen" FROM "SubsidyBudget" WHERE year = ${year} FOR UPDATE`;
        if (budget.length === 0) return;
        const spent = await tx.subsidyBatch.aggregate({
          where: { status: { in: [...SPENT_STATUSES] }, paidOn: { gte: dateColumnOf(`${year}-01-01`), lte: dateColumnOf(`${year}-12-31`) } },
          _sum: { totalFen: true },
        });
        const total = spent._sum.totalFen ?? 0n;
        const amount = BigInt(budget[0]!.amountFen);
        if (total > amount) {
          throw new AppError("VALIDATION", words("subsidy.refusal.overBudget", { year: String(year), budget: formatFen(amount), total: formatFen(total) }));
        }
      },
      auditData: () => ({ paidOn: input.paidOn, payerAccount: input.payerAccount, paymentRef: input.paymentRef }),
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw duplicateRef();
    throw error;
  }
}
