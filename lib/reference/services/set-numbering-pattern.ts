import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { patternProblem, type NumberedThing } from "@/lib/reference/numbering-rules";
import { patternOf } from "@/lib/reference/numbering";
import { ReferenceRefused } from "@/lib/reference/refusal";

/**
 * The pattern the next numbers of `thing` are made from, as the administrator last saw it
 * (`version`). Numbers already issued are stored on their records and stay as they are; the
 * year's counter carries on.
 */
export async function setNumberingPattern(actor: Actor, input: { thing: NumberedThing; pattern: string; version: number }): Promise<void> {
  assertCan(actor, "admin.write");
  const pattern = input.pattern.trim();
  const problem = patternProblem(input.thing, pattern);
  if (problem) throw new ReferenceRefused([{ field: "pattern", ...problem }]);
  await db.$transaction(async (tx) => {
    const before = await patternOf(tx, input.thing);
    if (before.version !== input.version) throw new AppError("CONFLICT");
    // A row created by another administrator in between makes this insert fail: a conflict too.
    const updated = before.version === 0 && !(await tx.numberingPattern.findUnique({ where: { key: input.thing }, select: { key: true } }))
      ? await tx.numberingPattern.createMany({ data: [{ key: input.thing, pattern, version: 1 }], skipDuplicates: true })
      : await tx.numberingPattern.updateMany({ where: { key: input.thing, version: input.version }, data: { pattern, version: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "NumberingPattern", entityId: input.thing,
      action: "numbering.pattern_changed", data: { before: { pattern: before.pattern }, after: { pattern } },
    });
  });
}
