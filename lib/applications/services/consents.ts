import "server-only";
import type { ConsentKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { wordingInForce } from "@/lib/consents/wordings";

/**
 * A consent to the wording in force (lib/consents/wordings.ts). A consent to an earlier version
 * stays (history, and it still covers the reviews of cases already submitted); the new grant is a
 * row of its own. `readVersion` is the version the applicant read: if another has come into
 * force meanwhile, nothing is recorded and they are asked to read it.
 */
export async function grantConsent(actor: Actor, kind: ConsentKind, ip: string | null, readVersion?: string): Promise<void> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const wording = await wordingInForce(kind, tx);
    if (readVersion && wording && wording.version !== readVersion) throw new AppError("CONFLICT");
    const live = await liveConsents(tx, actor.userId, kind);
    if (live.some((c) => !wording || c.wordingVersion === wording.version)) return;
    if (!wording) throw new AppError("NOT_FOUND");
    const consent = await tx.consent.create({
      data: { userId: actor.userId, kind, wordingVersion: wording.version, grantedIp: ip },
    });
    await appendAudit(tx, {
      actorId: actor.userId, entityType: "Consent", entityId: consent.id, action: "consent.granted",
      data: { kind, wordingVersion: consent.wordingVersion, ip, ...(live.length ? { renewed: live.map((c) => c.wordingVersion) } : {}) },
    });
  });
}

/** Withdrawing stops every step that needs the consent: reviews check it before acting. */
export async function withdrawConsent(actor: Actor, kind: ConsentKind, ip: string | null): Promise<void> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    for (const consent of await liveConsents(tx, actor.userId, kind)) {
      await tx.consent.update({ where: { id: consent.id }, data: { withdrawnAt: new Date(), withdrawnIp: ip } });
      await appendAudit(tx, {
        actorId: actor.userId, entityType: "Consent", entityId: consent.id, action: "consent.withdrawn", data: { kind, ip },
      });
    }
  });
}

function liveConsents(tx: Prisma.TransactionClient, userId: string, kind: ConsentKind) {
  return tx.consent.findMany({ where: { userId, kind, withdrawnAt: null }, orderBy: { grantedAt: "desc" }, select: { id: true, wordingVersion: true } });
}
