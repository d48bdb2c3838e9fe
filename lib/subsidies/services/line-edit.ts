import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { AuditPayload } from "@/lib/audit/events/table";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { scopedLine } from "@/lib/subsidies/scope";
import { LINES_EDITABLE_IN } from "@/lib/subsidies/batch-workflow";

const lineInclude = {
  batch: true,
  loan: {
    select: {
      id: true, contractNo: true, enterpriseId: true, principalFen: true, disbursedOn: true, maturityOn: true,
      application: { select: { policyVersion: { select: { subsidyRatioBp: true } } } },
    },
  },
} as const;

export type LoadedLine = Prisma.StatementLineGetPayload<{ include: typeof lineInclude }>;

type LineEditAction = "subsidy.line_queried" | "subsidy.line_query_answered" | "subsidy.line_corrected";
/** What each line edit adds to the batch's audit event, besides the line and the versions written here. */
type LineEditAuditExtras = {
  [K in LineEditAction]: Omit<AuditPayload<K>, "quarter" | "lineId" | "lineKey" | "lineVersion" | "version">;
}[LineEditAction];

export type LineEditRequest<T> = {
  actor: Actor;
  lineId: string;
  /** The batch version the actor saw. */
  batchVersion: number;
  permission: Permission;
  event: LineEditAction;
  guard?: (line: LoadedLine) => void | Promise<void>;
  within: (tx: Prisma.TransactionClient, line: LoadedLine) => Promise<T>;
  auditData: (result: T) => LineEditAuditExtras;
};

/**
 * The skeleton of a query, an answer and a correction: the line through the actor's scope, the
 * permission, the batch still OPEN (what the centre verified is what gets paid), the version
 * the actor saw; then one transaction that takes the batch by compare-and-set (so a verification
 * racing the change fails cleanly), makes the change and appends the batch's audit event.
 */
export async function runLineEdit<T>(req: LineEditRequest<T>): Promise<T> {
  const { actor } = req;
  const where = isUuid(req.lineId) ? scopedLine(actor, req.lineId) : null;
  const line = where ? await db.statementLine.findFirst({ where, include: lineInclude }) : null;
  if (!line?.batch) throw new AppError("NOT_FOUND");
  if (!can(actor, req.permission)) throw new AppError("FORBIDDEN");
  if (!line.current) throw new AppError("CONFLICT", words("subsidy.refusal.lineChanged"));
  if (!LINES_EDITABLE_IN.includes(line.batch.status)) throw new AppError("INVALID_TRANSITION", words("subsidy.refusal.linesFrozen"));
  if (line.batch.version !== req.batchVersion) throw new AppError("CONFLICT", words("subsidy.refusal.batchChanged"));
  await req.guard?.(line);
  const batch = line.batch;

  return db.$transaction(async (tx) => {
    const taken = await tx.subsidyBatch.updateMany({
      where: { id: batch.id, status: batch.status, version: batch.version },
      data: { version: { increment: 1 } },
    });
    if (taken.count !== 1) throw new AppError("CONFLICT", words("subsidy.refusal.batchChanged"));
    const result = await req.within(tx, line);
    await appendAudit(tx, {
      actorId: actor.userId,
      organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
      entityType: "SubsidyBatch",
      entityId: batch.id,
      action: req.event,
      data: { quarter: batch.quarter, lineId: line.id, lineKey: line.lineKey, lineVersion: line.lineVersion, version: batch.version + 1, ...req.auditData(result) },
    });
    return result;
  });
}

export const hasOpenQuery = (line: { query: string | null; queryAnswer: string | null }): boolean =>
  line.query !== null && line.queryAnswer === null;
