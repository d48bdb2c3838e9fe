import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { PersonExposure } from "@/lib/applications/eligibility";
import { SUBMITTED_OPEN_STATUSES } from "@/lib/applications/workflow";

type Client = Prisma.TransactionClient | typeof db;

// The programme's per-person rule: one person's open cases and outstanding loans, across all the
// enterprises they run or applied for, stay within the policy's count and amount. One person is
// one ID number (its keyed index), whatever accounts they hold; without a profile, the account.


type CaseRef = { id: string; applicantId: string; previousLoanId?: string | null };
type PersonPolicy = { maxOpenCasesPerPerson: number; maxExposurePerPersonFen: bigint };

/**
 * The person behind an applicant account: the lock key and every account of the same ID number.
 * `profile`: the account's profile when the caller has already read it (null: it has none).
 */
export async function personOf(
  client: Client,
  applicantId: string,
  profile?: { idNumberIndex: string } | null,
): Promise<{ key: string; userIds: string[] }> {
  if (profile === undefined) {
    profile = await client.applicantProfile.findUnique({ where: { userId: applicantId }, select: { idNumberIndex: true } });
  }
  if (!profile) return { key: `user:${applicantId}`, userIds: [applicantId] };
  const same = await client.applicantProfile.findMany({ where: { idNumberIndex: profile.idNumberIndex }, select: { userId: true } });
  return { key: `id:${profile.idNumberIndex}`, userIds: [...new Set([applicantId, ...same.map((p) => p.userId)])] };
}

/**
 * What the person has open besides this case: open cases (the amount requested) and loans not
 * yet repaid (principal less principal repaid). A loan that this case or another open case
 * renews is not counted beside its renewal.
 */
export async function othersOfPerson(
  client: Client,
  app: CaseRef,
  userIds: string[],
  /** The ids of the enterprises these accounts represent, when the caller has already read them. */
  enterpriseIds?: string[],
): Promise<{ others: number; othersFen: bigint }> {
  // The enterprises first: an OR across the relation would make PostgreSQL read every case (a
  // sequential scan, a second at 1,000,000 cases); ids on both sides use the two indexes.
  const represented = enterpriseIds ?? (await enterprisesOf(client, userIds));
  const mine: Prisma.LoanApplicationWhereInput = { OR: [{ applicantId: { in: userIds } }, { enterpriseId: { in: represented } }] };
  const cases = await client.loanApplication.findMany({
    where: { AND: [mine, { id: { not: app.id }, status: { in: [...SUBMITTED_OPEN_STATUSES] }, historical: false }] },
    select: { amountFen: true, previousLoanId: true },
  });
  const renewed = new Set([app.previousLoanId, ...cases.map((c) => c.previousLoanId)].filter((id): id is string => !!id));
  const loans = await client.loan.findMany({
    where: { status: { in: ["ACTIVE", "OVERDUE"] }, id: { notIn: [...renewed] }, application: mine },
    select: { principalFen: true, repayments: { select: { principalFen: true } } },
  });
  const casesFen = cases.reduce((sum, c) => sum + (c.amountFen ?? 0n), 0n);
  const loansFen = loans.reduce((sum, l) => sum + l.principalFen - l.repayments.reduce((r, p) => r + p.principalFen, 0n), 0n);
  return { others: cases.length + loans.length, othersFen: casesFen + loansFen };
}

/** The enterprises the accounts represent. */
export async function enterprisesOf(client: Client, userIds: string[]): Promise<string[]> {
  const enterprises = await client.enterprise.findMany({ where: { representativeId: { in: userIds } }, select: { id: true } });
  return enterprises.map((e) => e.id);
}

/** The figures the eligibility rules show from the first step. */
export async function personExposure(
  app: CaseRef,
  policy: PersonPolicy,
  client: Client = db,
  /** The person's accounts (and their enterprises), when the caller has already read them. */
  known?: { userIds: string[]; enterpriseIds?: string[] },
): Promise<PersonExposure> {
  const userIds = known?.userIds ?? (await personOf(client, app.applicantId)).userIds;
  const { others, othersFen } = await othersOfPerson(client, app, userIds, known?.enterpriseIds);
  return { others, othersFen, maxCases: policy.maxOpenCasesPerPerson, maxExposureFen: policy.maxExposurePerPersonFen };
}

/**
 * The person behind a submission and the locks its eligibility is judged under when it commits:
 * the person's (one ID number, whatever accounts they hold), then the enterprise's, always in this
 * order, so two submissions never wait on each other crosswise. Of two submissions of one person,
 * or of one enterprise, at once, the second is judged after the first commits and sees it. Read
 * before the locks are taken (the lock's key is the person): the person's accounts, and whether
 * the account has a member's profile (the same read of the profile, which the rules need too).
 */
export async function exposureOf(
  client: Client,
  app: { applicantId: string; enterpriseId: string },
): Promise<{ userIds: string[]; hasMemberProfile: boolean; locks: [person: string, enterprise: string] }> {
  const profile = await client.applicantProfile.findUnique({ where: { userId: app.applicantId }, select: { idNumberIndex: true, memberCardNo: true } });
  const person = await personOf(client, app.applicantId, profile);
  return {
    userIds: person.userIds,
    hasMemberProfile: !!profile?.memberCardNo,
    locks: [`person-exposure:${person.key}`, `enterprise-exposure:${app.enterpriseId}`],
  };
}
