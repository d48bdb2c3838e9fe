import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { consentStandings } from "@/lib/consents/wordings";

// Reads of an applicant's consents, for eligibility and the case's checks (the writes are in
// services/consents.ts).

/** Both consents a case under review needs, as they stand now (to any wording version). */
export async function consentState(userId: string, client: Prisma.TransactionClient | typeof db = db) {
  const rows = await client.consent.findMany({ where: { userId, withdrawnAt: null }, select: { kind: true } });
  const kinds = new Set(rows.map((r) => r.kind));
  return { sensitive: kinds.has("SENSITIVE_PERSONAL_INFO"), credit: kinds.has("CREDIT_REPORT_AUTHORISATION") };
}

/**
 * Both consents as a submission needs them: to the wording in force. `changed` when a consent
 * exists only to an earlier version (the applicant reads the new wording and consents again).
 */
export async function submissionConsentState(userId: string, client: Prisma.TransactionClient | typeof db = db) {
  const s = await consentStandings(userId, client);
  return {
    sensitive: s.SENSITIVE_PERSONAL_INFO === "CURRENT",
    credit: s.CREDIT_REPORT_AUTHORISATION === "CURRENT",
    changed: Object.values(s).includes("OUTDATED"),
  };
}
