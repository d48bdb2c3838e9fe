import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { formatFen } from "@/lib/money/fen";
import { SPENT_STATUSES } from "@/lib/subsidies/batch-workflow";

export const FIRST_PROGRAMME_YEAR = 2017;

/**
 * An administrator sets (or corrects) a year's subsidy budget, and the union's guarantee deposit
 * beside it (information only). The budget cannot go below what was already paid that year, by the
 * portal's batches or in the years before it (imported payments); the change, with the amounts
 * before it, is an audit event. Two administrators at once on the same year are serialised, so each
 * event names the amounts it really replaced.
 */
export async function setSubsidyBudget(
  actor: Actor,
  input: { year: number; amountFen: bigint; guaranteeDepositFen?: bigint | null },
  now: Date = new Date(),
): Promise<{ year: number; amountFen: bigint; previousFen: bigint | null }> {
  assertCan(actor, "budget.write");
  const latest = now.getUTCFullYear() + 1;
  if (input.year < FIRST_PROGRAMME_YEAR || input.year > latest) {
    throw new AppError("VALIDATION", undefined, { year: [words("subsidy.refusal.budgetYear", { first: String(FIRST_PROGRAMME_YEAR), latest: String(latest) })] });
  }
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`subsidy-budget:${input.year}`}))`;
    const paid = await tx.subsidyBatch.aggregate({
      where: { status: { in: [...SPENT_STATUSES] }, paidOn: { gte: new Date(Date.UTC(input.year, 0, 1)), lt: new Date(Date.UTC(input.year + 1, 0, 1)) } },
      _sum: { totalFen: true },
    });
    const imported = await tx.historicalSubsidyPayment.aggregate({
      where: { paidOn: { gte: new Date(Date.UTC(input.year, 0, 1)), lt: new Date(Date.UTC(input.year + 1, 0, 1)) } },
      _sum: { amountFen: true },
    });
    const spent = (paid._sum.totalFen ?? 0n) + (imported._sum.amountFen ?? 0n);
    if (input.amountFen < spent) {
      throw new AppError("VALIDATION", undefined, { amountYuan: [words("subsidy.refusal.budgetBelowSpent", { spent: formatFen(spent) })] });
    }
    const before = await tx.subsidyBudget.findUnique({ where: { year: input.year }, select: { amountFen: true, guaranteeDepositFen: true } });
    const deposit = input.guaranteeDepositFen ?? null;
    const budget = await tx.subsidyBudget.upsert({
      where: { year: input.year },
      create: { year: input.year, amountFen: input.amountFen, guaranteeDepositFen: deposit },
      update: { amountFen: input.amountFen, guaranteeDepositFen: deposit },
      select: { id: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "SubsidyBudget", entityId: budget.id,
      action: "subsidy.budget_set",
      data: { year: input.year, fromFen: before?.amountFen ?? null, toFen: input.amountFen, depositFromFen: before?.guaranteeDepositFen ?? null, depositToFen: deposit },
    });
    return { year: input.year, amountFen: input.amountFen, previousFen: before?.amountFen ?? null };
  });
}
