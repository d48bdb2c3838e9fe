import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { beijingToday, dayOfDateColumn } from "@/lib/calendar/beijing";
import { CONSENT_KINDS, consentStandings, wordingsInForce, type ConsentStanding } from "@/lib/consents/wordings";

export type WordingRow = {
  id: string; kind: (typeof CONSENT_KINDS)[number]; version: string; textZh: string; textEn: string;
  effectiveFrom: string; createdBy: string | null; inForce: boolean; scheduled: boolean;
};

/** Every published wording, newest first, marked in force / scheduled, for the administrator. */
export async function listConsentWordings(actor: Actor, today: string = beijingToday()): Promise<WordingRow[]> {
  assertCan(actor, "admin.read");
  const [rows, inForce] = await Promise.all([
    db.consentWording.findMany({ orderBy: [{ kind: "asc" }, { effectiveFrom: "desc" }] }),
    wordingsInForce(db, today),
  ]);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.createdById ? [r.createdById] : [])) } }, select: { id: true, displayName: true } }))
      .map((u) => [u.id, u.displayName]),
  );
  return rows.map((r) => {
    const effectiveFrom = dayOfDateColumn(r.effectiveFrom);
    return {
      id: r.id, kind: r.kind, version: r.version, textZh: r.textZh, textEn: r.textEn, effectiveFrom,
      createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
      inForce: inForce[r.kind]?.version === r.version, scheduled: effectiveFrom > today,
    };
  });
}

export type ApplicantConsent = { kind: (typeof CONSENT_KINDS)[number]; version: string | null; text: string; standing: ConsentStanding };

/** The applicant's consents beside the wording in force, in the reader's language. */
export async function applicantConsents(actor: Actor, locale: string): Promise<ApplicantConsent[]> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  const [inForce, standings] = await Promise.all([wordingsInForce(), consentStandings(actor.userId)]);
  return CONSENT_KINDS.map((kind) => {
    const w = inForce[kind];
    return { kind, version: w?.version ?? null, text: w ? (locale.startsWith("en") ? w.textEn : w.textZh) : "", standing: standings[kind] };
  });
}
