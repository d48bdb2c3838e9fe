import type { Prisma } from "@/lib/generated/prisma/client";
import { issueNumber } from "@/lib/reference/numbering";

/** The next application number (SQ-2026-0005 under the default pattern), atomic under concurrency. */
export async function nextApplicationNumber(tx: Prisma.TransactionClient, at: Date = new Date()): Promise<string> {
  return issueNumber(tx, "APPLICATION", {
    at,
    taken: async (n) => (await tx.loanApplication.count({ where: { number: n } })) > 0,
  });
}

/** The recommendation letter's number (TJ-SQ-2026-0005 under the default pattern). */
export async function nextRecommendationNumber(tx: Prisma.TransactionClient, applicationNumber: string, at: Date = new Date()): Promise<string> {
  return issueNumber(tx, "RECOMMENDATION_LETTER", {
    at,
    app: applicationNumber,
    taken: async (n) => (await tx.loanApplication.count({ where: { recommendationNo: n } })) > 0,
  });
}
