import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import type { StandingInput } from "@/lib/unions/schemas";

// The write of one union-standing record, shared by the form, the roster import and the demo seed
// (which runs outside the server, hence no "server-only" here).

export type Firm = { id: string; foundedOn: Date };
export type Period = Pick<StandingInput, "unionName" | "memberCardNo" | "validFrom" | "validTo"> & { replacesId?: string };

/** Why a period cannot be recorded for a firm as of today (not counting other records), or null. */
export function periodProblem(firm: Firm, p: Pick<Period, "validFrom" | "validTo">, today: string): string | null {
  if (p.validFrom > today) return "起始日期不能晚于今天";
  if (p.validTo && p.validTo < p.validFrom) return "截止日期不能早于起始日期";
  if (p.validFrom < dayOfDateColumn(firm.foundedOn)) return `起始日期不能早于企业成立日期 ${dayOfDateColumn(firm.foundedOn)}`;
  return null;
}

/**
 * Inside a transaction: takes the firm's lock (one firm's records are written one at a time, so
 * overlaps are judged on what is there), refuses a period that overlaps a current record (other
 * than the one it replaces), then writes the record and its audit event. Returns the overlap's
 * message instead of writing when there is one.
 */
export async function writeStanding(tx: Prisma.TransactionClient, actor: Actor, firm: Firm, p: Period, via: "form" | "roster" | "seed"): Promise<{ id: string } | { overlap: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`union-standing:${firm.id}`}))`;
  const current = await tx.unionStanding.findMany({ where: { enterpriseId: firm.id, supersededAt: null }, select: { id: true, validFrom: true, validTo: true } });
  if (p.replacesId && !current.some((c) => c.id === p.replacesId)) throw new AppError("NOT_FOUND", "要更正的记录不存在或已被更正");
  const end = p.validTo ?? "9999-12-31";
  const overlap = current.find((c) => c.id !== p.replacesId && dayOfDateColumn(c.validFrom) <= end && (c.validTo ? dayOfDateColumn(c.validTo) : "9999-12-31") >= p.validFrom);
  if (overlap) return { overlap: `与已登记的会籍期间（${dayOfDateColumn(overlap.validFrom)} 至 ${overlap.validTo ? dayOfDateColumn(overlap.validTo) : "长期"}）重叠；如需更正，请在该记录上更正` };
  if (p.replacesId) await tx.unionStanding.update({ where: { id: p.replacesId }, data: { supersededAt: new Date() } });
  const organisationId = actor.kind === "STAFF" ? actor.organisationId : null;
  const record = await tx.unionStanding.create({
    data: {
      enterpriseId: firm.id, validFrom: dateColumnOf(p.validFrom), validTo: p.validTo ? dateColumnOf(p.validTo) : null, unionName: p.unionName, memberCardNo: p.memberCardNo,
      evidence: `${p.unionName}，会员证 ${p.memberCardNo}`, recordedById: actor.userId, organisationId,
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
