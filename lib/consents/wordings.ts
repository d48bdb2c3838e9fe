import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { beijingToday, dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";

// Which consent wording is in force: per kind, the published version with the latest
// effective date on or before today in Beijing.

export const CONSENT_KINDS = ["SENSITIVE_PERSONAL_INFO", "CREDIT_REPORT_AUTHORISATION"] as const satisfies readonly ConsentKind[];

export type WordingInForce = { kind: ConsentKind; version: string; textZh: string; textEn: string; effectiveFrom: string };

type Client = Prisma.TransactionClient | typeof db;

export async function wordingInForce(kind: ConsentKind, client: Client = db, today: string = beijingToday()): Promise<WordingInForce | null> {
  const row = await client.consentWording.findFirst({
    where: { kind, effectiveFrom: { lte: dateColumnOf(today) } },
    orderBy: { effectiveFrom: "desc" },
    select: { kind: true, version: true, textZh: true, textEn: true, effectiveFrom: true },
  });
  return row ? { ...row, effectiveFrom: dayOfDateColumn(row.effectiveFrom) } : null;
}

export async function wordingsInForce(client: Client = db, today: string = beijingToday()): Promise<Record<ConsentKind, WordingInForce | null>> {
  const [sensitive, credit] = await Promise.all(CONSENT_KINDS.map((k) => wordingInForce(k, client, today)));
  return { SENSITIVE_PERSONAL_INFO: sensitive ?? null, CREDIT_REPORT_AUTHORISATION: credit ?? null };
}

export type ConsentStanding = "CURRENT" | "OUTDATED" | "NONE";

/**
 * Each kind's consent as a submission judges it: to the version in force (CURRENT), only to an
 * earlier version (OUTDATED: the applicant is asked to read and consent again), or none. A kind
 * with no published wording takes any live consent.
 */
export async function consentStandings(userId: string, client: Client = db, today: string = beijingToday()): Promise<Record<ConsentKind, ConsentStanding>> {
  const [rows, inForce] = await Promise.all([
    client.consent.findMany({ where: { userId, withdrawnAt: null }, select: { kind: true, wordingVersion: true } }),
    versionsInForce(client, today),
  ]);
  const standing = (kind: ConsentKind): ConsentStanding => {
    const live = rows.filter((r) => r.kind === kind);
    if (live.length === 0) return "NONE";
    const current = inForce.get(kind);
    return current === undefined || live.some((r) => r.wordingVersion === current) ? "CURRENT" : "OUTDATED";
  };
  return { SENSITIVE_PERSONAL_INFO: standing("SENSITIVE_PERSONAL_INFO"), CREDIT_REPORT_AUTHORISATION: standing("CREDIT_REPORT_AUTHORISATION") };
}

/**
 * The version in force of each kind that has one, in one statement (the standings need only the
 * version, not the texts): every published version up to today, latest first, the first of each
 * kind kept ((kind, effectiveFrom) is unique, so there is no tie).
 */
async function versionsInForce(client: Client, today: string): Promise<Map<ConsentKind, string>> {
  const rows = await client.consentWording.findMany({
    where: { effectiveFrom: { lte: dateColumnOf(today) } },
    orderBy: { effectiveFrom: "desc" },
    select: { kind: true, version: true },
  });
  const out = new Map<ConsentKind, string>();
  for (const r of rows) if (!out.has(r.kind)) out.set(r.kind, r.version);
  return out;
}
