import "server-only";
import type { ConsentKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { isIsoDate } from "@/lib/calendar/working-days";
import { beijingToday, dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import { InputRefused, type InputProblem } from "@/lib/validation/refused-input";

// An administrator publishes a new version of a consent's wording (/admin/consents). From its
// effective day it is the version in force: applicants who consented to an earlier one are asked
// to read and consent again before their next submission; their earlier consents stay as history.

export const WORDING_TEXT_MAX = 4000;
const VERSION_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
// Published wordings take turns: the label and day checks and the insert see the same history.
const WORDING_LOCK = 1_100_020_031;

export type WordingInput = { kind: ConsentKind; version: string; textZh: string; textEn: string; effectiveFrom: string };

export async function publishConsentWording(actor: Actor, input: WordingInput, today: string = beijingToday()): Promise<{ id: string; version: string }> {
  assertCan(actor, "admin.write");
  const version = input.version.trim();
  const textZh = input.textZh.trim();
  const textEn = input.textEn.trim();
  const problems: InputProblem[] = [];
  if (!VERSION_LABEL.test(version)) problems.push({ field: "version", code: "VERSION_FORMAT" });
  if (!textZh) problems.push({ field: "textZh", code: "NO_TEXT" });
  if (!textEn) problems.push({ field: "textEn", code: "NO_TEXT" });
  if (textZh.length > WORDING_TEXT_MAX) problems.push({ field: "textZh", code: "TOO_LONG", params: { max: WORDING_TEXT_MAX } });
  if (textEn.length > WORDING_TEXT_MAX) problems.push({ field: "textEn", code: "TOO_LONG", params: { max: WORDING_TEXT_MAX } });
  if (!isIsoDate(input.effectiveFrom)) problems.push({ field: "effectiveFrom", code: "DATE" });
  else if (input.effectiveFrom < today) problems.push({ field: "effectiveFrom", code: "PAST", params: { today } });
  if (problems.length) throw new InputRefused(problems);

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WORDING_LOCK})`;
    const [sameLabel, sameDay, before] = await Promise.all([
      tx.consentWording.findUnique({ where: { version }, select: { id: true } }),
      tx.consentWording.findFirst({ where: { kind: input.kind, effectiveFrom: dateColumnOf(input.effectiveFrom) }, select: { version: true } }),
      tx.consentWording.findFirst({ where: { kind: input.kind }, orderBy: { effectiveFrom: "desc" }, select: { version: true, effectiveFrom: true } }),
    ]);
    if (sameLabel) throw new InputRefused([{ field: "version", code: "VERSION_EXISTS", params: { version } }]);
    if (sameDay) throw new InputRefused([{ field: "effectiveFrom", code: "DAY_TAKEN", params: { version: sameDay.version } }]);
    const created = await tx.consentWording.create({
      data: { kind: input.kind, version, textZh, textEn, effectiveFrom: dateColumnOf(input.effectiveFrom), createdById: actor.userId },
      select: { id: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
      entityType: "ConsentWording", entityId: created.id, action: "consent.wording_published",
      data: {
        kind: input.kind,
        before: before ? { version: before.version, effectiveFrom: dayOfDateColumn(before.effectiveFrom) } : null,
        after: { version, effectiveFrom: input.effectiveFrom, textZh, textEn },
      },
    });
    return { id: created.id, version };
  });
}
