import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { isValidCreditCode } from "@/lib/validation/identity";
import { beijingToday, dayOfDateColumn } from "@/lib/calendar/beijing";
import { foundingProblems } from "@/lib/unions/founding";
import { writeFounding } from "@/lib/unions/founding-write";
import type { FoundingInput } from "@/lib/unions/founding-schema";

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
  const problems = foundingProblems(input, dayOfDateColumn(firm.foundedOn), today);
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
