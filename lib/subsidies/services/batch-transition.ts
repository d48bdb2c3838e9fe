import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BatchStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { AuditExtras } from "@/lib/audit/events/table";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { scopedBatch } from "@/lib/subsidies/scope";
import { BATCH_TRANSITIONS, mayTransition, refusalOf, type BatchAction } from "@/lib/subsidies/batch-workflow";

export type LoadedBatch = Prisma.SubsidyBatchGetPayload<object>;

/** One batch step; `guard` returns what it found (`C`), which the later hooks receive. */
export type BatchTransitionRequest<T, C = void> = {
  actor: Actor;
  batchId: string;
  /** The version the actor saw; another one means someone changed the batch in between. */
  expectedVersion: number;
  action: BatchAction;
  /** Business rules that need the loaded batch; throw AppError to refuse. */
  guard?: (batch: LoadedBatch) => C | Promise<C>;
  changes?: (batch: LoadedBatch, ctx: C) => Prisma.SubsidyBatchUncheckedUpdateManyInput;
  /** More writes in the same transaction, after the compare-and-set. */
  within?: (tx: Prisma.TransactionClient, batch: LoadedBatch, ctx: C) => Promise<T>;
  auditData?: (ctx: C) => AuditExtras<(typeof BATCH_TRANSITIONS)[BatchAction]["event"], "quarter" | "from" | "to" | "version" | "totalFen">;
};

/**
 * The skeleton of every batch step: load through the actor's scope (else NOT_FOUND), check the
 * permission before revealing state (FORBIDDEN), then the transition (INVALID_TRANSITION, with
 * the reason), the version (CONFLICT) and the guard; then one transaction with a compare-and-set
 * on (id, status, version) that must touch exactly one row, the extra writes and the audit event.
 */
export async function runBatchTransition<T = void, C = void>(req: BatchTransitionRequest<T, C>): Promise<{ status: BatchStatus; version: number; result: T | undefined }> {
  const { actor, action } = req;
  const where = isUuid(req.batchId) ? scopedBatch(actor, req.batchId) : null;
  const batch = where ? await db.subsidyBatch.findFirst({ where }) : null;
  if (!batch) throw new AppError("NOT_FOUND");
  const transition = BATCH_TRANSITIONS[action];
  if (!can(actor, transition.permission)) throw new AppError("FORBIDDEN");
  if (!mayTransition(action, batch.status)) throw new AppError("INVALID_TRANSITION", refusalOf(action, batch.status));
  if (batch.version !== req.expectedVersion) throw new AppError("CONFLICT", words("subsidy.refusal.batchChanged"));
  const ctx = (await req.guard?.(batch)) as C;

  const to = transition.to;
  const result = await db.$transaction(async (tx) => {
    const updated = await tx.subsidyBatch.updateMany({
      where: { id: batch.id, status: batch.status, version: batch.version },
      data: { status: to, version: { increment: 1 }, ...req.changes?.(batch, ctx) },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", words("subsidy.refusal.batchChanged"));
    const within = await req.within?.(tx, batch, ctx);
    await appendAudit(tx, {
      actorId: actor.userId,
      organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
      entityType: "SubsidyBatch",
      entityId: batch.id,
      action: transition.event,
      data: { quarter: batch.quarter, from: batch.status, to, version: batch.version + 1, totalFen: batch.totalFen, ...req.auditData?.(ctx) },
    });
    return within;
  });
  return { status: to, version: batch.version + 1, result };
}
