import "server-only";
import { db } from "@/lib/db/client";
import { consentStandings } from "@/lib/consents/wordings";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import type { ApplicationKind, ApplicationStatus, LoanStatus, ReviewStage } from "@/lib/generated/prisma/enums";
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

/** How many of the applicant's cases their list shows. */
export const MY_APPLICATIONS_LIMIT = 100;

/**
 * The applicant's own cases (or an agent's intake), newest first, with each case's enterprise and
 * the loan it renews: when the list is not full, the dashboard's eligibility check takes the
 * applicant's open cases from it instead of reading them again.
 */
export async function listMyApplications(actor: Actor): Promise<(ApplicationSummary & { enterpriseId: string; previousLoanId: string | null })[]> {
  const rows = await db.loanApplication.findMany({
    where: applicationScope(actor),
    orderBy: { updatedAt: "desc" },
    take: MY_APPLICATIONS_LIMIT,
    select: { ...SUMMARY_SELECT, enterpriseId: true, previousLoanId: true },
  });
  return rows.map(({ enterprise, ...r }) => ({ ...r, enterpriseName: enterprise.name }));
}

/** The applicant's home: profile completeness, consents, enterprises with their loan chains. */
export async function applicantOverview(actor: Actor) {
  if (actor.kind !== "APPLICANT") return null;
  const [profile, consents, enterprises] = await Promise.all([
    db.applicantProfile.findUnique({ where: { userId: actor.userId }, select: { memberCardNo: true, idNumberIndex: true } }),
    consentStandings(actor.userId),
    enterprisesWithLoans(actor.userId),
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
    enterprises,
  };
}

type EnterpriseLoanRow = {
  id: string; name: string; creditCode: string;
  loanId: string | null; contractNo: string | null; principalFen: bigint | null; status: LoanStatus | null;
  disbursedOn: Date | null; maturityOn: Date | null; renewed: boolean | null;
};

/**
 * The enterprises the applicant represents, oldest first, each with its loans in the order they
 * were disbursed, in one statement (Prisma sends one per relation). A loan may be renewed when it
 * is active or settled and no renewal of it is under way or done (a withdrawn one does not count).
 */
async function enterprisesWithLoans(userId: string) {
  const rows = await db.$queryRaw<EnterpriseLoanRow[]>`
    SELECT e.id::text AS id, e.name, e."creditCode",
      l.id::text AS "loanId", l."contractNo", l."principalFen", l.status::text AS status, l."disbursedOn", l."maturityOn",
      CASE WHEN l.id IS NULL THEN NULL ELSE EXISTS (
        SELECT 1 FROM "LoanApplication" r WHERE r."previousLoanId" = l.id AND r.status <> 'WITHDRAWN'
      ) END AS renewed
    FROM "Enterprise" e
    LEFT JOIN "Loan" l ON l."enterpriseId" = e.id
    WHERE e."representativeId" = ${userId}::uuid
    ORDER BY e."createdAt" ASC, e.id, l."disbursedOn" ASC NULLS LAST, l.id`;
  type Loan = { id: string; contractNo: string; principalFen: bigint; status: LoanStatus; disbursedOn: Date | null; maturityOn: Date | null; renewable: boolean };
  const enterprises: { id: string; name: string; creditCode: string; loans: Loan[] }[] = [];
  for (const r of rows) {
    let e = enterprises.at(-1);
    if (e?.id !== r.id) enterprises.push((e = { id: r.id, name: r.name, creditCode: r.creditCode, loans: [] }));
    if (r.loanId === null) continue;
    const status = r.status!;
    e.loans.push({
      id: r.loanId, contractNo: r.contractNo!, principalFen: r.principalFen!, status, disbursedOn: r.disbursedOn, maturityOn: r.maturityOn,
      renewable: (status === "ACTIVE" || status === "SETTLED") && !r.renewed,
    });
  }
  return enterprises;
}

/** One case as its applicant (or intake agent) sees it. */
export async function applicationForApplicant(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  const app = await db.loanApplication.findFirst({
    where: { AND: [applicationScope(actor), { id }] },
    select: {
      id: true, number: true, kind: true, status: true, version: true, draftStep: true, greenChannel: true, applicantId: true,
      categoryCode: true, amountFen: true, termMonths: true, purpose: true, repaymentSource: true,
      // The checklist's own facts, so the documents and review steps do not read the case again.
      requiredDocuments: true,
      submittedAt: true, stageEnteredAt: true, stageDueAt: true, returnedFrom: true, returnDueAt: true, closeReason: true, previousLoanId: true,
    },
  });
  if (!app) return null;
  return { ...app, ...(await caseRelations(app.id)) };
}

type CaseRelationsRow = {
  eId: string; eName: string; eCreditCode: string; eLegalRepName: string; eAddress: string; eIndustry: string; eFoundedOn: Date;
  eEmployees: number; eAnnualRevenueFen: bigint; eHasUnion: boolean; eUnionMemberCount: number;
  plContractNo: string | null; plPrincipalFen: bigint | null;
  pvMaxLoanFen: bigint | null; pvMaxTermMonths: number | null; pvExceptionMaxLoanFen: bigint | null; pvExceptionMaxTermMonths: number | null;
  lId: string | null; lContractNo: string | null; lPrincipalFen: bigint | null; lAnnualRateMicros: number | null; lTermMonths: number | null;
  lStatus: LoanStatus | null; lDisbursedOn: Date | null; lMaturityOn: Date | null;
  rMissingItems: unknown; rCreatedAt: Date | null; rStage: ReviewStage | null;
};

/**
 * What the applicant's case page shows beside the case itself, in one statement (Prisma would send
 * one per relation): its enterprise, the loan it renews, the policy it is pinned to, its own loan,
 * and its last return (the list of what is missing only: the reviewer's comment is internal, what
 * they wrote to the applicant is in the timeline). Read by the id of a case already read through
 * the reader's scope.
 */
async function caseRelations(applicationId: string) {
  const [r] = await db.$queryRaw<CaseRelationsRow[]>`
    SELECT e.id::text AS "eId", e.name AS "eName", e."creditCode" AS "eCreditCode", e."legalRepName" AS "eLegalRepName",
      e.address AS "eAddress", e.industry AS "eIndustry", e."foundedOn" AS "eFoundedOn", e.employees AS "eEmployees",
      e."annualRevenueFen" AS "eAnnualRevenueFen", e."hasUnion" AS "eHasUnion", e."unionMemberCount" AS "eUnionMemberCount",
      pl."contractNo" AS "plContractNo", pl."principalFen" AS "plPrincipalFen",
      pv."maxLoanFen" AS "pvMaxLoanFen", pv."maxTermMonths" AS "pvMaxTermMonths",
      pv."exceptionMaxLoanFen" AS "pvExceptionMaxLoanFen", pv."exceptionMaxTermMonths" AS "pvExceptionMaxTermMonths",
      l.id::text AS "lId", l."contractNo" AS "lContractNo", l."principalFen" AS "lPrincipalFen", l."annualRateMicros" AS "lAnnualRateMicros",
      l."termMonths" AS "lTermMonths", l.status::text AS "lStatus", l."disbursedOn" AS "lDisbursedOn", l."maturityOn" AS "lMaturityOn",
      r."missingItems" AS "rMissingItems", r."createdAt" AS "rCreatedAt", r.stage::text AS "rStage"
    FROM "LoanApplication" a
    JOIN "Enterprise" e ON e.id = a."enterpriseId"
    LEFT JOIN "Loan" pl ON pl.id = a."previousLoanId"
    LEFT JOIN "PolicyVersion" pv ON pv.id = a."policyVersionId"
    LEFT JOIN "Loan" l ON l."applicationId" = a.id
    LEFT JOIN LATERAL (
      SELECT d."missingItems", d."createdAt", d.stage FROM "ReviewDecision" d
      WHERE d."applicationId" = a.id AND d.action = 'RETURN' ORDER BY d."createdAt" DESC LIMIT 1
    ) r ON true
    WHERE a.id = ${applicationId}::uuid`;
  if (!r) throw new Error(`Case ${applicationId} has gone between two reads.`);
  return {
    enterprise: {
      id: r.eId, name: r.eName, creditCode: r.eCreditCode, legalRepName: r.eLegalRepName, address: r.eAddress, industry: r.eIndustry,
      foundedOn: r.eFoundedOn, employees: r.eEmployees, annualRevenueFen: r.eAnnualRevenueFen, hasUnion: r.eHasUnion, unionMemberCount: r.eUnionMemberCount,
    },
    previousLoan: r.plContractNo !== null ? { contractNo: r.plContractNo, principalFen: r.plPrincipalFen! } : null,
    policyVersion: r.pvMaxLoanFen !== null
      ? { maxLoanFen: r.pvMaxLoanFen, maxTermMonths: r.pvMaxTermMonths!, exceptionMaxLoanFen: r.pvExceptionMaxLoanFen!, exceptionMaxTermMonths: r.pvExceptionMaxTermMonths! }
      : null,
    loan: r.lId !== null
      ? { id: r.lId, contractNo: r.lContractNo!, principalFen: r.lPrincipalFen!, annualRateMicros: r.lAnnualRateMicros!, termMonths: r.lTermMonths!,
        status: r.lStatus!, disbursedOn: r.lDisbursedOn, maturityOn: r.lMaturityOn }
      : null,
    lastReturn: r.rCreatedAt !== null ? { missingItems: (r.rMissingItems as string[] | null) ?? [], at: r.rCreatedAt } : null,
  };
}

export type ApplicationForApplicant = NonNullable<Awaited<ReturnType<typeof applicationForApplicant>>>;

/** The categories a draft may choose: the active ones, and the one it already holds (an inactive one stays on its records). */
export async function loanCategories(held?: string | null) {
  return db.loanCategory.findMany({ where: { OR: [{ active: true }, ...(held ? [{ code: held }] : [])] }, orderBy: { code: "desc" }, select: { code: true, nameZh: true, nameEn: true } });
}
