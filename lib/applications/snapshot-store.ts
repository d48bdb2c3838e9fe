import type { Prisma } from "@/lib/generated/prisma/client";
import type { SnapshotReason } from "@/lib/generated/prisma/enums";
import { openedProfile, seal, unseal } from "@/lib/personal-data/sealed";
import type { CaseFacts } from "@/lib/applications/snapshot";

// Reading a case's facts and freezing them, inside the caller's transaction (like
// lib/audit/record.ts, it touches only the client it is given): the submit and resubmit services
// and the demo seed all take snapshots through `takeCaseSnapshot`. The payload holds the ID
// number and mobile, so it is stored sealed as one value (AES-GCM, field "CaseSnapshot.payload").

type Client = Prisma.TransactionClient;

const day = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * What a case's facts are read from, as one select on the case: its request, the enterprise, the
 * applicant's profile and the current version of each document. Prisma joins the relations, so
 * the whole read is one statement (also inside a transaction, where statements share a connection);
 * the staff case page merges it into its own read of the case.
 */
export const CASE_FACTS_SELECT = {
  categoryCode: true, amountFen: true, termMonths: true, purpose: true, repaymentSource: true,
  category: { select: { nameZh: true } },
  enterprise: {
    select: { name: true, creditCode: true, legalRepName: true, address: true, industry: true, foundedOn: true, employees: true, annualRevenueFen: true, hasUnion: true, unionMemberCount: true },
  },
  applicant: {
    select: {
      profile: {
        select: { fullName: true, idNumberSealed: true, mobileSealed: true, unionName: true, memberCardNo: true, targetGroupCode: true, targetGroup: { select: { nameZh: true } } },
      },
    },
  },
  documents: {
    where: { supersededAt: null },
    orderBy: { kind: "asc" },
    select: { id: true, kind: true, version: true, fileName: true, sizeBytes: true, sha256: true },
  },
} as const satisfies Prisma.LoanApplicationSelect;

export type CaseFactsRecord = Prisma.LoanApplicationGetPayload<{ select: typeof CASE_FACTS_SELECT }>;

/** The case's facts from what CASE_FACTS_SELECT read (personal data opened: the caller masks it). */
export function caseFactsOf(app: CaseFactsRecord): CaseFacts {
  const e = app.enterprise;
  const p = app.applicant.profile;
  return {
    v: 1,
    applicant: p && {
      fullName: p.fullName, ...openedProfile(p), unionName: p.unionName, memberCardNo: p.memberCardNo,
      targetGroupCode: p.targetGroupCode, targetGroupName: p.targetGroup?.nameZh ?? null,
    },
    enterprise: {
      name: e.name, creditCode: e.creditCode, legalRepName: e.legalRepName, address: e.address, industry: e.industry, foundedOn: day(e.foundedOn),
      employees: e.employees, annualRevenueFen: e.annualRevenueFen.toString(), hasUnion: e.hasUnion, unionMemberCount: e.unionMemberCount,
    },
    request: {
      categoryCode: app.categoryCode, categoryName: app.category?.nameZh ?? null, amountFen: app.amountFen?.toString() ?? null,
      termMonths: app.termMonths, purpose: app.purpose, repaymentSource: app.repaymentSource,
    },
    documents: app.documents.map((d) => ({ id: d.id, kind: d.kind, version: d.version, fileName: d.fileName, sizeBytes: d.sizeBytes, sha256: d.sha256 })),
  };
}

/** The case's facts as the records hold them now (the current version of each document). */
export async function readCaseFacts(client: Client, applicationId: string): Promise<CaseFacts> {
  return caseFactsOf(await client.loanApplication.findUniqueOrThrow({ where: { id: applicationId }, select: CASE_FACTS_SELECT }));
}

export const sealCaseFacts = (facts: CaseFacts): string => seal(JSON.stringify(facts), "CaseSnapshot.payload");
export const openCaseFacts = (sealed: string): CaseFacts => JSON.parse(unseal(sealed, "CaseSnapshot.payload")) as CaseFacts;

/**
 * Freezes the case's facts as the next snapshot of the case. Called inside the transition's
 * transaction, after its compare-and-set: the case row is locked, so the sequence cannot race.
 */
export async function takeCaseSnapshot(tx: Client, applicationId: string, reason: SnapshotReason, takenAt: Date = new Date()): Promise<{ sequence: number }> {
  // The facts and the last snapshot's sequence in one read of the case.
  const { snapshots, ...record } = await tx.loanApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { ...CASE_FACTS_SELECT, ...LAST_SEQUENCE } });
  const sequence = (snapshots[0]?.sequence ?? 0) + 1;
  await tx.caseSnapshot.create({ data: { applicationId, sequence, reason, takenAt, payloadSealed: sealCaseFacts(caseFactsOf(record)) } });
  return { sequence };
}

const LAST_SEQUENCE = { snapshots: { orderBy: { sequence: "desc" }, take: 1, select: { sequence: true } } } as const satisfies Prisma.LoanApplicationSelect;
