import "server-only";
import type { ConsentKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { CONSENT_WORDING } from "@/lib/applications/consent-wording";

export async function grantConsent(actor: Actor, kind: ConsentKind, ip: string | null): Promise<void> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    if (await activeConsent(tx, actor.userId, kind)) return;
    const consent = await tx.consent.create({
      data: { userId: actor.userId, kind, wordingVersion: CONSENT_WORDING[kind].version, grantedIp: ip },
    });
    await appendAudit(tx, {
      actorId: actor.userId, entityType: "Consent", entityId: consent.id, action: "consent.granted",
      data: { kind, wordingVersion: consent.wordingVersion, ip },
    });
  });
}

/** Withdrawing stops every step that needs the consent: reviews check it before acting. */
export async function withdrawConsent(actor: Actor, kind: ConsentKind, ip: string | null): Promise<void> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const consent = await activeConsent(tx, actor.userId, kind);
    if (!consent) return;
    await tx.consent.update({ where: { id: consent.id }, data: { withdrawnAt: new Date(), withdrawnIp: ip } });
    await appendAudit(tx, {
      actorId: actor.userId, entityType: "Consent", entityId: consent.id, action: "consent.withdrawn", data: { kind, ip },
    });
  });
}

function activeConsent(tx: Prisma.TransactionClient, userId: string, kind: ConsentKind) {
  return tx.consent.findFirst({ where: { userId, kind, withdrawnAt: null }, orderBy: { grantedAt: "desc" } });
}

/** Both consents a case needs, as they stand now. */
export async function consentState(userId: string, client: Prisma.TransactionClient | typeof db = db) {
  const rows = await client.consent.findMany({ where: { userId, withdrawnAt: null }, select: { kind: true } });
  const kinds = new Set(rows.map((r) => r.kind));
  return { sensitive: kinds.has("SENSITIVE_PERSONAL_INFO"), credit: kinds.has("CREDIT_REPORT_AUTHORISATION") };
}
