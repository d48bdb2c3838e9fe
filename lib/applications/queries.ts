import "server-only";
import { db } from "@/lib/db/client";
import { consentStandings } from "@/lib/consents/wordings";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import type { ApplicationKind, ApplicationStatus } from "@/lib/generated/prisma/enums";
import { applicationScope } from "@/lib/applications/scope";
import { isUuid } from "@/lib/ids";

export type ApplicationSummary = {
  id: string;
  number: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  enterpriseName: string;
  amountFen: bigint | null;
  termMonths: number | null;
  greenChannel: boolean;
  /** Imported from the years before the portal (lib/history). */
  historical: boolean;
  updatedAt: Date;
  stageDueAt: Date | null;
  returnDueAt: Date | null;
};

/** What a list of cases shows per row (the applicant's list and the staff queues). */
export const SUMMARY_SELECT = {
  id: true,
  number: true,
  kind: true,
  status: true,
  amountFen: true,
  termMonths: true,
  greenChannel: true,
  historical: true,
  updatedAt: true,
  stageDueAt: true,
  returnDueAt: true,
  enterprise: { select: { name: true } },
} as const satisfies Prisma.LoanApplicationSelect;

/** The applicant's own cases (or an agent's intake), newest first. */
export async function listMyApplications(actor: Actor): Promise<ApplicationSummary[]> {
  const rows = await db.loanApplication.findMany({
    where: applicationScope(actor),
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: SUMMARY_SELECT,
  });
  return rows.map(({ enterprise, ...r }) => ({ ...r, enterpriseName: enterprise.name }));
}

/** The applicant's home: profile completeness, consents, enterprises with their loan chains. */
export async function applicantOverview(actor: Actor) {
  if (actor.kind !== "APPLICANT") return null;
  const [profile, consents, enterprises] = await Promise.all([
    db.applicantProfile.findUnique({ where: { userId: actor.userId }, select: { memberCardNo: true, idNumberIndex: true } }),
    consentStandings(actor.userId),
    db.enterprise.findMany({
      where: { representativeId: actor.userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        creditCode: true,
        loans: {
          orderBy: { disbursedOn: "asc" },
          select: {
            id: true, contractNo: true, principalFen: true, status: true, disbursedOn: true, maturityOn: true,
            renewals: { where: { status: { notIn: ["WITHDRAWN"] } }, select: { id: true } },
          },
        },
      },
    }),
  ]);
  return {
    // For the eligibility check of the same page (lib/applications/dashboard-view.ts), not shown.
    profile,
    profileComplete: !!profile?.memberCardNo,
    // To the wording in force; `changed`: a consent to an earlier wording asks for a new one.
    consents: {
      sensitive: consents.SENSITIVE_PERSONAL_INFO === "CURRENT",
      credit: consents.CREDIT_REPORT_AUTHORISATION === "CURRENT",
      changed: Object.values(consents).includes("OUTDATED"),
    },
    enterprises: enterprises.map((e) => ({
      ...e,
      loans: e.loans.map(({ renewals, ...l }) => ({ ...l, renewable: (l.status === "ACTIVE" || l.status === "SETTLED") && renewals.length === 0 })),
    })),
  };
}

/** One case as its applicant (or intake agent) sees it. */
export async function applicationForApplicant(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  const app = await db.loanApplication.findFirst({
    where: { AND: [applicationScope(actor), { id }] },
    select: {
      id: true, number: true, kind: true, status: true, version: true, draftStep: true, greenChannel: true, applicantId: true,
      categoryCode: true, amountFen: true, termMonths: true, purpose: true, repaymentSource: true,
      submittedAt: true, stageEnteredAt: true, stageDueAt: true, returnedFrom: true, returnDueAt: true, closeReason: true, previousLoanId: true,
      enterprise: { select: { id: true, name: true, creditCode: true, legalRepName: true, address: true, industry: true,
        foundedOn: true, employees: true, annualRevenueFen: true, hasUnion: true, unionMemberCount: true } },
      previousLoan: { select: { contractNo: true, principalFen: true } },
      policyVersion: { select: { maxLoanFen: true, maxTermMonths: true, exceptionMaxLoanFen: true, exceptionMaxTermMonths: true } },
      loan: { select: { id: true, contractNo: true, principalFen: true, annualRateMicros: true, termMonths: true, status: true, disbursedOn: true, maturityOn: true } },
      decisions: {
        where: { action: "RETURN" },
        orderBy: { createdAt: "desc" },
        take: 1,
        // The list only: the reviewer's comment is internal (what they wrote to the applicant is in the timeline).
        select: { missingItems: true, createdAt: true, stage: true },
      },
    },
  });
  if (!app) return null;
  const { decisions, ...rest } = app;
  const lastReturn = decisions[0];
  return {
    ...rest,
    lastReturn: lastReturn
      ? { missingItems: (lastReturn.missingItems as string[] | null) ?? [], at: lastReturn.createdAt }
      : null,
  };
}

export type ApplicationForApplicant = NonNullable<Awaited<ReturnType<typeof applicationForApplicant>>>;

/** The categories a draft may choose: the active ones, and the one it already holds (an inactive one stays on its records). */
export async function loanCategories(held?: string | null) {
  return db.loanCategory.findMany({ where: { OR: [{ active: true }, ...(held ? [{ code: held }] : [])] }, orderBy: { code: "desc" }, select: { code: true, nameZh: true, nameEn: true } });
}
