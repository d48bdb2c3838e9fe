import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { isValidCreditCode } from "@/lib/validation/identity";
import { beijingToday, dateOf, isoDay } from "@/lib/subsidies/periods";
import { foundingProblems, type FoundingFacts } from "@/lib/unions/founding";
import type { FoundingInput } from "@/lib/unions/founding-schema";

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
  via: "form" | "history",
  historyImportId?: string,
): Promise<{ id: string } | { refused: FoundingRefusal }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`union-founding:${enterpriseId}`}))`;
  const current = await tx.unionFounding.findFirst({ where: { enterpriseId, supersededAt: null }, select: { id: true } });
  if (f.replacesId ? current?.id !== f.replacesId : current) return { refused: f.replacesId ? "NOT_CURRENT" : "ALREADY_FOUNDED" };
  if (f.replacesId) await tx.unionFounding.update({ where: { id: f.replacesId }, data: { supersededAt: new Date() } });
  const organisationId = actor.kind === "STAFF" ? actor.organisationId : null;
  const record = await tx.unionFounding.create({
    data: {
      enterpriseId, foundedOn: dateOf(f.foundedOn), memberCount: f.memberCount, unionName: f.unionName.trim(),
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

/**
 * A district union (or the centre) records that an enterprise set up its union on a day with its
 * founding members, or corrects the current record. Problems come back as field codes
 * (unionFounding.problems.*); nothing is stored then.
 */
export async function recordUnionFounding(actor: Actor, input: FoundingInput, today: string = beijingToday()): Promise<{ id: string }> {
  assertCan(actor, "union.recordFounding");
  if (!isValidCreditCode(input.creditCode)) throw new AppError("VALIDATION", undefined, { creditCode: ["CREDIT_CODE"] });
  const firm = await db.enterprise.findUnique({ where: { creditCode: input.creditCode }, select: { id: true, foundedOn: true } });
  if (!firm) throw new AppError("VALIDATION", undefined, { creditCode: ["UNKNOWN_ENTERPRISE"] });
  const problems = foundingProblems(input, isoDay(firm.foundedOn), today);
  if (problems.length) {
    const field = (p: string) => (p === "MEMBERS" ? "memberCount" : p === "UNION_NAME" ? "unionName" : "foundedOn");
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[field(p)] ??= []).push(p);
    throw new AppError("VALIDATION", undefined, fieldErrors);
  }
  return db.$transaction(async (tx) => {
    const written = await writeFounding(tx, actor, firm.id, input, "form");
    if ("refused" in written) throw new AppError("VALIDATION", undefined, { [written.refused === "NOT_CURRENT" ? "replacesId" : "creditCode"]: [written.refused] });
    return written;
  });
}
