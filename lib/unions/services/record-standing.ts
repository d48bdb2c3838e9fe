import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { beijingToday } from "@/lib/calendar/beijing";
import type { StandingInput } from "@/lib/unions/schemas";
import { periodProblem, unknownFirm, writeStanding } from "@/lib/unions/standing-write";

/**
 * A district union (or the centre) records that an enterprise's member is in good standing from
 * a day to a day (open-ended: until further notice), with the union's name and the membership
 * card as evidence. Periods of one enterprise never overlap; a correction names the record it
 * replaces, which stays on record, superseded. The subsidy rules count current records only.
 */
export async function recordUnionStanding(actor: Actor, input: StandingInput, today: string = beijingToday()): Promise<{ id: string }> {
  assertCan(actor, "union.record");
  const firm = await db.enterprise.findUnique({ where: { creditCode: input.creditCode }, select: { id: true, foundedOn: true } });
  if (!firm) throw new AppError("VALIDATION", undefined, { creditCode: [unknownFirm()] });
  const problem = periodProblem(firm, input, today);
  if (problem) throw new AppError("VALIDATION", undefined, { [problem.field]: [problem.message] });
  return db.$transaction(async (tx) => {
    const written = await writeStanding(tx, actor, firm, input, "form");
    if ("overlap" in written) throw new AppError("VALIDATION", undefined, { validFrom: [written.overlap] });
    return written;
  });
}
