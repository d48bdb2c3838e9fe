import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import type { StandingInput } from "@/lib/unions/schemas";
import { words, type Words } from "@/lib/i18n/words";
import { standingEvidence } from "@/lib/unions/standing-evidence";

// The write of one union-standing record, shared by the form, the roster import and the demo seed
// (which runs outside the server, hence no "server-only" here).

export type Firm = { id: string; foundedOn: Date };
export type Period = Pick<StandingInput, "unionName" | "memberCardNo" | "validFrom" | "validTo"> & { replacesId?: string };

export type PeriodProblem = { field: "validFrom" | "validTo"; message: Words };

const refusal = (key: string, values?: Record<string, string>): Words => words(`unions.refusal.${key}`, values);

/** Why a period cannot be recorded for a firm as of today (not counting other records), on which field, or null. */
export function periodProblem(firm: Firm, p: Pick<Period, "validFrom" | "validTo">, today: string): PeriodProblem | null {
  if (p.validFrom > today) return { field: "validFrom", message: refusal("fromFuture") };
  if (p.validTo && p.validTo < p.validFrom) return { field: "validTo", message: refusal("toBeforeFrom") };
  const foundedOn = dayOfDateColumn(firm.foundedOn);
  if (p.validFrom < foundedOn) return { field: "validFrom", message: refusal("beforeFounded", { foundedOn }) };
  return null;
}

/** The firm named is not on the platform. */
export const unknownFirm = (): Words => refusal("unknownFirm");

/**
 * Inside a transaction: takes the firm's lock (one firm's records are written one at a time, so
 * overlaps are judged on what is there), refuses a period that overlaps a current record (other
 * than the one it replaces), then writes the record and its audit event. Returns the overlap's
 * message instead of writing when there is one.
 */
export async function writeStanding(tx: Prisma.TransactionClient, actor: Actor, firm: Firm, p: Period, via: "form" | "roster" | "seed"): Promise<{ id: string } | { overlap: Words }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`union-standing:${firm.id}`}))`;
  const current = await tx.unionStanding.findMany({ where: { enterpriseId: firm.id, supersededAt: null }, select: { id: true, validFrom: true, validTo: true } });
  if (p.replacesId && !current.some((c) => c.id === p.replacesId)) throw new AppError("NOT_FOUND", refusal("correctedMissing"));
  const end = p.validTo ?? "9999-12-31";
  const overlap = current.find((c) => c.id !== p.replacesId && dayOfDateColumn(c.validFrom) <= end && (c.validTo ? dayOfDateColumn(c.validTo) : "9999-12-31") >= p.validFrom);
  if (overlap) {
    const from = dayOfDateColumn(overlap.validFrom);
    return { overlap: overlap.validTo ? refusal("overlap", { from, to: dayOfDateColumn(overlap.validTo) }) : refusal("overlapOpen", { from }) };
  }
  if (p.replacesId) await tx.unionStanding.update({ where: { id: p.replacesId }, data: { supersededAt: new Date() } });
  const organisationId = actor.kind === "STAFF" ? actor.organisationId : null;
  const record = await tx.unionStanding.create({
    data: {
      enterpriseId: firm.id, validFrom: dateColumnOf(p.validFrom), validTo: p.validTo ? dateColumnOf(p.validTo) : null, unionName: p.unionName, memberCardNo: p.memberCardNo,
      evidence: standingEvidence(p.unionName, p.memberCardNo), recordedById: actor.userId, organisationId,
    },
    select: { id: true },
  });
  await appendAudit(tx, {
    actorId: actor.userId, organisationId, entityType: "UnionStanding", entityId: record.id,
    action: p.replacesId ? "union.standing_corrected" : "union.standing_recorded",
    data: { enterpriseId: firm.id, validFrom: p.validFrom, validTo: p.validTo ?? null, unionName: p.unionName, replaces: p.replacesId ?? null, via },
  });
  return record;
}
