import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { beijingToday } from "@/lib/subsidies/periods";
import type { StandingInput } from "@/lib/unions/schemas";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A district union (or the centre) records that an enterprise's member is in good standing from
 * a day to a day (open-ended: until further notice), with the union's name and the membership
 * card as evidence. Periods of one enterprise never overlap; a correction names the record it
 * replaces, which stays on record, superseded. The subsidy rules count current records only.
 */
export async function recordUnionStanding(actor: Actor, input: StandingInput, today: string = beijingToday()): Promise<{ id: string }> {
  assertCan(actor, "union.record");
  const fieldErrors: Record<string, string[]> = {};
  if (input.validFrom > today) fieldErrors.validFrom = ["起始日期不能晚于今天"];
  if (input.validTo && input.validTo < input.validFrom) fieldErrors.validTo = ["截止日期不能早于起始日期"];
  const enterprise = await db.enterprise.findUnique({ where: { creditCode: input.creditCode }, select: { id: true, foundedOn: true, name: true } });
  if (!enterprise) fieldErrors.creditCode = ["平台上没有该统一社会信用代码的企业"];
  else if (input.validFrom < iso(enterprise.foundedOn)) fieldErrors.validFrom = [`起始日期不能早于企业成立日期 ${iso(enterprise.foundedOn)}`];
  if (Object.keys(fieldErrors).length || !enterprise) throw new AppError("VALIDATION", undefined, fieldErrors);

  return db.$transaction(async (tx) => {
    // One enterprise's records are written one at a time, so overlaps are judged on what is there.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`union-standing:${enterprise.id}`}))`;
    const current = await tx.unionStanding.findMany({ where: { enterpriseId: enterprise.id, supersededAt: null }, select: { id: true, validFrom: true, validTo: true } });
    if (input.replacesId && !current.some((c) => c.id === input.replacesId)) throw new AppError("NOT_FOUND", "要更正的记录不存在或已被更正");
    const end = input.validTo ?? "9999-12-31";
    const overlap = current.find((c) => c.id !== input.replacesId && iso(c.validFrom) <= end && (c.validTo ? iso(c.validTo) : "9999-12-31") >= input.validFrom);
    if (overlap) {
      const until = overlap.validTo ? iso(overlap.validTo) : "长期";
      throw new AppError("VALIDATION", undefined, { validFrom: [`与已登记的会籍期间（${iso(overlap.validFrom)} 至 ${until}）重叠；如需更正，请在该记录上更正`] });
    }
    if (input.replacesId) await tx.unionStanding.update({ where: { id: input.replacesId }, data: { supersededAt: new Date() } });
    const record = await tx.unionStanding.create({
      data: {
        enterpriseId: enterprise.id, validFrom: day(input.validFrom), validTo: input.validTo ? day(input.validTo) : null,
        unionName: input.unionName, memberCardNo: input.memberCardNo, evidence: `${input.unionName}，会员证 ${input.memberCardNo}`,
        recordedById: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "UnionStanding", entityId: record.id,
      action: input.replacesId ? "union.standing_corrected" : "union.standing_recorded",
      data: { enterpriseId: enterprise.id, validFrom: input.validFrom, validTo: input.validTo ?? null, unionName: input.unionName, replaces: input.replacesId ?? null },
    });
    return record;
  });
}
