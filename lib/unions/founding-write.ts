import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { dateColumnOf } from "@/lib/calendar/beijing";
import type { FoundingFacts } from "@/lib/unions/founding";

// Writing a union's founding record inside the caller's transaction (like lib/audit/record.ts, it
// touches only the transaction it is given): the form's service, the historical import and the
// demo seed all write through it.

export type FoundingWrite = FoundingFacts & { replacesId?: string };
export type FoundingRefusal = "ALREADY_FOUNDED" | "NOT_CURRENT";

/**
 * Inside a transaction: takes the enterprise's lock, then writes the founding record and its audit
 * event. An enterprise has one current founding: a second one is refused unless it names the
 * current record it corrects (which stays, superseded). Returns the refusal instead of writing.
 */
export async function writeFounding(
  tx: Prisma.TransactionClient,
  actor: Actor,
  enterpriseId: string,
  f: FoundingWrite,
  via: "form" | "history" | "seed",
  historyImportId?: string,
): Promise<{ id: string } | { refused: FoundingRefusal }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`union-founding:${enterpriseId}`}))`;
  const current = await tx.unionFounding.findFirst({ where: { enterpriseId, supersededAt: null }, select: { id: true } });
  if (f.replacesId ? current?.id !== f.replacesId : current) return { refused: f.replacesId ? "NOT_CURRENT" : "ALREADY_FOUNDED" };
  if (f.replacesId) await tx.unionFounding.update({ where: { id: f.replacesId }, data: { supersededAt: new Date() } });
  const organisationId = actor.kind === "STAFF" ? actor.organisationId : null;
  const record = await tx.unionFounding.create({
    data: {
      enterpriseId, foundedOn: dateColumnOf(f.foundedOn), memberCount: f.memberCount, unionName: f.unionName.trim(),
      recordedById: actor.userId, organisationId, historyImportId: historyImportId ?? null,
    },
    select: { id: true },
  });
  // The enterprise's own flags follow the current record, so its profile agrees with the figures.
  await tx.enterprise.update({ where: { id: enterpriseId }, data: { hasUnion: true, unionMemberCount: f.memberCount } });
  await appendAudit(tx, {
    actorId: actor.userId, organisationId, entityType: "UnionFounding", entityId: record.id,
    action: f.replacesId ? "union.founding_corrected" : "union.founding_recorded",
    data: { enterpriseId, foundedOn: f.foundedOn, memberCount: f.memberCount, unionName: f.unionName.trim(), replaces: f.replacesId ?? null, via },
  });
  return record;
}
