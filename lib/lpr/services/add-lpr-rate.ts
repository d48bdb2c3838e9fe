import "server-only";
import type { LprTenor } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { isIsoDate } from "@/lib/calendar/working-days";
import { dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import { InputRefused } from "@/lib/validation/refused-input";

// An administrator records a published LPR (past days too: the table is history). A day already
// recorded for the tenor is refused: a published rate is not corrected in place.

export const LPR_MAX_BP = 2000;

export type LprInput = { tenor: LprTenor; effectiveFrom: string; rateBp: number };

export async function addLprRate(actor: Actor, input: LprInput): Promise<{ id: string }> {
  assertCan(actor, "admin.write");
  if (!isIsoDate(input.effectiveFrom)) throw new InputRefused([{ field: "effectiveFrom", code: "DATE" }]);
  if (!Number.isInteger(input.rateBp) || input.rateBp < 0 || input.rateBp > LPR_MAX_BP) {
    throw new InputRefused([{ field: "ratePercent", code: "RATE_RANGE" }]);
  }
  const effectiveFrom = dateColumnOf(input.effectiveFrom);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.lprRate.findFirst({
        where: { tenor: input.tenor, effectiveFrom: { lt: effectiveFrom } }, orderBy: { effectiveFrom: "desc" }, select: { rateBp: true, effectiveFrom: true },
      });
      const created = await tx.lprRate.create({ data: { ...input, effectiveFrom, createdById: actor.userId }, select: { id: true } });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
        entityType: "LprRate", entityId: created.id, action: "lpr.rate_added",
        data: {
          tenor: input.tenor,
          before: before ? { rateBp: before.rateBp, effectiveFrom: dayOfDateColumn(before.effectiveFrom) } : null,
          after: { rateBp: input.rateBp, effectiveFrom: input.effectiveFrom },
        },
      });
      return created;
    });
  } catch (error) {
    // The unique (tenor, day): of two at once, or a day already there, one row stands.
    if ((error as { code?: string }).code === "P2002") throw new InputRefused([{ field: "effectiveFrom", code: "DAY_EXISTS", params: { day: input.effectiveFrom } }]);
    throw error;
  }
}
