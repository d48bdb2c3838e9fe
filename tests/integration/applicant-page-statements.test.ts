import { describe, expect, it } from "vitest";
import { applicantDashboardView } from "@/lib/applications/dashboard-view";
import { checkEligibility } from "@/lib/applications/eligibility-queries";
import { applicantCaseView } from "@/lib/applications/case-view";
import { applicantOverview, applicationForApplicant, MY_APPLICATIONS_LIMIT } from "@/lib/applications/queries";
import { checklistOf, documentChecklist } from "@/lib/applications/required-documents";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, onPostgres, uniqueSuffix } from "../support/db";
import { dataStatements, loggingClient } from "../support/statements";
import { createApplicant, createEnterprise, createReadyDraft, staffActor } from "../support/factories";

// The applicant's pages read the applicant once (profile, consents, enterprises, the person's other
// accounts, the policy in force) however many enterprises they judge, and what they show is what
// the one-case reads give. The portal's modules read through the shared client: here it is one with
// Prisma's query events on, so the statements each view sends are counted.

const statements: string[] = [];
if (onPostgres) {
  (globalThis as Record<symbol, unknown>)[Symbol.for("ncd.prisma")] = { prisma: loggingClient(statements) };
}

async function counted<T>(read: () => Promise<T>): Promise<{ result: T; count: number }> {
  statements.length = 0;
  const result = await read();
  return { result, count: dataStatements(statements).length };
}

/** A second account of the same person (the same ID number). */
async function sameIdNumberAccount(of: { userId: string }) {
  const profile = await db.applicantProfile.findUniqueOrThrow({ where: { userId: of.userId } });
  const user = await db.user.create({
    data: {
      displayName: `测试${uniqueSuffix().slice(-4)}`, passwordHash: "x",
      profile: { create: { fullName: profile.fullName, idNumberSealed: profile.idNumberSealed, idNumberIndex: profile.idNumberIndex,
        mobileSealed: profile.mobileSealed, unionName: profile.unionName, memberCardNo: `GH-${uniqueSuffix()}` } },
    },
  });
  return { kind: "APPLICANT" as const, userId: user.id, role: "APPLICANT" as const, displayName: user.displayName };
}

async function openCase(applicantId: string, enterpriseId: string, amountFen: bigint) {
  return db.loanApplication.create({
    data: { number: `T-${uniqueSuffix()}`, applicantId, enterpriseId, status: "CENTER_REVIEW", amountFen, termMonths: 12, categoryCode: "SMALL_MICRO" },
  });
}

const NO_CASE = "00000000-0000-0000-0000-000000000000";

describe.runIf(onPostgres)("the applicant's dashboard", () => {
  it("judges each enterprise waiting to apply as the one-case check does, the person's other accounts included", async () => {
    const applicant = await createApplicant();
    const other = await sameIdNumberAccount(applicant);
    // The person's other account has two cases in review (¥500,000 and ¥200,000.01) for a firm of its own.
    const theirs = await createEnterprise(other);
    await openCase(other.userId, theirs.id, 50_000_000n);
    await openCase(other.userId, theirs.id, 20_000_001n);
    const drafting = await createReadyDraft(applicant, { amountFen: 50_000_000n });
    const waiting = await createEnterprise(applicant);
    const inReview = await createEnterprise(applicant);
    await openCase(applicant.userId, inReview.id, 30_000_000n);

    const { result: view } = await counted(() => applicantDashboardView(applicant));
    expect([...view.eligibility.keys()].sort()).toEqual([drafting.enterpriseId, waiting.id].sort());
    const draft = await db.loanApplication.findUniqueOrThrow({ where: { id: drafting.id } });
    const one = async (facts: Parameters<typeof checkEligibility>[0]) => (await checkEligibility(facts, null, { forSubmission: true })).blocks;
    const forDraft = await one(draft);
    const forWaiting = await one({ id: NO_CASE, applicantId: applicant.userId, enterpriseId: waiting.id, amountFen: null, termMonths: null });
    // Three others (two of the other account's, one in review here): a fourth is over the count, and the draft's amount over the sum.
    expect(forDraft.map((b) => b.code)).toEqual(["PERSON_CASES", "PERSON_EXPOSURE"]);
    expect(forWaiting.map((b) => b.code)).toEqual(["PERSON_CASES"]);
    expect(view.eligibility.get(drafting.enterpriseId)).toEqual(forDraft);
    expect(view.eligibility.get(waiting.id)).toEqual(forWaiting);
  });

  it("sends 13 statements for an enterprise with a draft (the applicant read once), 5 when no enterprise waits", async () => {
    const applicant = await createApplicant();
    await createReadyDraft(applicant);
    // Its cases (2), profile, consents (2), enterprises with their loans (1) (the open cases are
    // among its cases); then the policy and the person's other accounts, and for the enterprise its
    // exceptions, open and rejected cases, outstanding loan and the person's cases, loans and
    // repayments (25 before; 16 before Prisma joined each query's relations into its one statement;
    // 14 while the open cases were read again).
    expect((await counted(() => applicantDashboardView(applicant))).count).toBe(13);

    const reviewed = await createApplicant();
    const enterprise = await createEnterprise(reviewed);
    await openCase(reviewed.userId, enterprise.id, 30_000_000n);
    expect((await counted(() => applicantDashboardView(reviewed))).count).toBe(5);
  });

  it("reads the open cases when the list of cases is full and may leave one out", async () => {
    const applicant = await createApplicant();
    const drafting = await createReadyDraft(applicant);
    // The draft asks for more than the cap (a block only the draft has), and is older than a full
    // list of withdrawn cases, so the list does not hold it.
    const { maxLoanFen } = await db.policyVersion.findFirstOrThrow({ where: { effectiveFrom: { lte: new Date() } }, orderBy: { effectiveFrom: "desc" } });
    await db.loanApplication.update({ where: { id: drafting.id }, data: { amountFen: maxLoanFen + 100n, updatedAt: new Date("2020-01-01T00:00:00Z") } });
    const closed = await createEnterprise(applicant);
    await db.loanApplication.createMany({
      data: Array.from({ length: MY_APPLICATIONS_LIMIT }, () => ({
        number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: closed.id, status: "WITHDRAWN" as const, closedAt: new Date(),
      })),
    });
    const view = await applicantDashboardView(applicant);
    expect(view.rows.map((r) => r.id)).not.toContain(drafting.id);
    const draft = await db.loanApplication.findUniqueOrThrow({ where: { id: drafting.id } });
    expect(view.eligibility.get(drafting.enterpriseId)).toEqual((await checkEligibility(draft, null, { forSubmission: true })).blocks);
    expect(view.eligibility.get(drafting.enterpriseId)!.map((b) => b.code)).toContain("OVER_CAP");
    expect([...view.eligibility.keys()].sort()).toEqual([drafting.enterpriseId, closed.id].sort());
  });
});

/** The case's relations as Prisma reads them, one statement each: what the page's one statement must equal. */
async function relationsByPrisma(id: string) {
  const app = await db.loanApplication.findUniqueOrThrow({
    where: { id },
    select: {
      enterprise: { select: { id: true, name: true, creditCode: true, legalRepName: true, address: true, industry: true,
        foundedOn: true, employees: true, annualRevenueFen: true, hasUnion: true, unionMemberCount: true } },
      previousLoan: { select: { contractNo: true, principalFen: true } },
      policyVersion: { select: { maxLoanFen: true, maxTermMonths: true, exceptionMaxLoanFen: true, exceptionMaxTermMonths: true } },
      loan: { select: { id: true, contractNo: true, principalFen: true, annualRateMicros: true, termMonths: true, status: true, disbursedOn: true, maturityOn: true } },
      decisions: { where: { action: "RETURN" }, orderBy: { createdAt: "desc" }, take: 1, select: { missingItems: true, createdAt: true } },
    },
  });
  const { decisions, ...rest } = app;
  return { ...rest, lastReturn: decisions[0] ? { missingItems: (decisions[0].missingItems as string[] | null) ?? [], at: decisions[0].createdAt } : null };
}

/** The enterprises with their loans as Prisma reads them, one statement per relation. */
async function enterprisesByPrisma(userId: string) {
  const enterprises = await db.enterprise.findMany({
    where: { representativeId: userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, name: true, creditCode: true,
      loans: {
        orderBy: [{ disbursedOn: "asc" }, { id: "asc" }],
        select: {
          id: true, contractNo: true, principalFen: true, status: true, disbursedOn: true, maturityOn: true,
          renewals: { where: { status: { notIn: ["WITHDRAWN"] } }, select: { id: true } },
        },
      },
    },
  });
  return enterprises.map((e) => ({
    ...e,
    loans: e.loans.map(({ renewals, ...l }) => ({ ...l, renewable: (l.status === "ACTIVE" || l.status === "SETTLED") && renewals.length === 0 })),
  }));
}

describe.runIf(onPostgres)("the dashboard's enterprises", () => {
  it("come with their loans in one statement, as Prisma reads them; a loan renewed (not withdrawn) is not renewable again", async () => {
    const applicant = await createApplicant();
    const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
    const [firm, other] = [await createEnterprise(applicant), await createEnterprise(applicant)];
    await createEnterprise(applicant);
    const loanOf = async (enterpriseId: string, status: "ACTIVE" | "SETTLED" | "OVERDUE" | "APPROVED", disbursedOn: Date | null) => {
      const app = await db.loanApplication.create({
        data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId, status: "ACTIVE", amountFen: 30_000_000n, termMonths: 12, categoryCode: "SMALL_MICRO" },
      });
      return db.loan.create({
        data: { applicationId: app.id, enterpriseId, bankOrgId: bank.id, contractNo: `JK-${uniqueSuffix()}`, principalFen: 12_345_678n, annualRateMicros: 38_500,
          lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status, disbursedOn,
          maturityOn: disbursedOn && new Date(disbursedOn.getTime() + 365 * 86_400_000) },
      });
    };
    const renewed = await loanOf(firm.id, "SETTLED", new Date("2025-03-01T00:00:00Z"));
    const withdrawn = await loanOf(firm.id, "ACTIVE", new Date("2025-01-01T00:00:00Z"));
    await loanOf(firm.id, "APPROVED", null);
    await loanOf(other.id, "OVERDUE", new Date("2025-06-01T00:00:00Z"));
    const renewal = (previousLoanId: string, status: "DRAFT" | "WITHDRAWN") => db.loanApplication.create({
      data: { number: `T-${uniqueSuffix()}`, kind: "RENEWAL", applicantId: applicant.userId, enterpriseId: firm.id, status, previousLoanId, categoryCode: "SMALL_MICRO" },
    });
    await renewal(renewed.id, "DRAFT");
    await renewal(withdrawn.id, "WITHDRAWN");

    const { result, count } = await counted(() => applicantOverview(applicant));
    // The profile, the consents (2) and the enterprises with their loans (3 before).
    expect(count).toBe(4);
    expect(result!.enterprises).toEqual(await enterprisesByPrisma(applicant.userId));
    expect(result!.enterprises[0]!.loans.map((l) => [l.contractNo, l.renewable])).toEqual([
      [withdrawn.contractNo, true], [renewed.contractNo, false], [expect.any(String), false],
    ]);
  });
});

describe.runIf(onPostgres)("the applicant's case page", () => {
  it("reads the case through the reader's scope and its relations in one more statement, as Prisma would read them", async () => {
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const policy = await db.policyVersion.findFirstOrThrow({ orderBy: { effectiveFrom: "desc" } });
    const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
    const reviewer = await staffActor("reviewer@center.demo");
    // A case with its loan, and its renewal, pinned to a policy and returned twice.
    const first = await db.loanApplication.create({
      data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "ACTIVE", amountFen: 30_000_000n,
        termMonths: 12, categoryCode: "SMALL_MICRO", policyVersionId: policy.id },
    });
    const loan = await db.loan.create({
      data: { applicationId: first.id, enterpriseId: enterprise.id, bankOrgId: bank.id, contractNo: `JK-${uniqueSuffix()}`, principalFen: 30_000_000n,
        annualRateMicros: 38_500, lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
        disbursedOn: new Date("2026-01-05T00:00:00Z"), maturityOn: new Date("2027-01-05T00:00:00Z") },
    });
    const renewal = await db.loanApplication.create({
      data: { number: `T-${uniqueSuffix()}`, kind: "RENEWAL", applicantId: applicant.userId, enterpriseId: enterprise.id, status: "RETURNED",
        amountFen: 30_000_000n, termMonths: 12, categoryCode: "SMALL_MICRO", policyVersionId: policy.id, previousLoanId: loan.id },
    });
    const decision = { applicationId: renewal.id, stage: "CENTER" as const, action: "RETURN" as const, fromStatus: "CENTER_REVIEW" as const,
      toStatus: "RETURNED" as const, comment: "请补充材料", actorId: reviewer.userId, organisationId: reviewer.organisationId };
    await db.reviewDecision.create({ data: { ...decision, missingItems: ["BUSINESS_LICENSE"], createdAt: new Date("2026-02-01T08:00:00.123Z") } });
    await db.reviewDecision.create({ data: { ...decision, missingItems: ["ID_CARD", "BANK_STATEMENT"], createdAt: new Date("2026-02-03T08:00:00.456Z") } });
    const draft = await createReadyDraft(applicant);

    for (const id of [first.id, renewal.id, draft.id]) {
      const { result, count } = await counted(() => applicationForApplicant(applicant, id));
      expect(count).toBe(2);
      const { enterprise: e, previousLoan, policyVersion, loan: own, lastReturn } = result!;
      expect({ enterprise: e, previousLoan, policyVersion, loan: own, lastReturn }).toEqual(await relationsByPrisma(id));
    }
    const returned = (await applicationForApplicant(applicant, renewal.id))!;
    expect(returned.lastReturn).toEqual({ missingItems: ["ID_CARD", "BANK_STATEMENT"], at: new Date("2026-02-03T08:00:00.456Z") });
    expect(returned.previousLoan).toEqual({ contractNo: loan.contractNo, principalFen: 30_000_000n });
    expect((await applicationForApplicant(applicant, first.id))!.loan?.disbursedOn).toEqual(new Date("2026-01-05T00:00:00Z"));
    // Another applicant's case is not found, in one statement.
    const theirs = await createReadyDraft(await createApplicant());
    expect(await counted(() => applicationForApplicant(applicant, theirs.id))).toEqual({ result: null, count: 1 });

    // The page of a case in review: the case, its relations and its timeline (7 before).
    expect((await counted(() => applicantCaseView(applicant, first.id))).count).toBe(3);
    // A returned case opens at the review step: besides those and the timeline's organisations,
    // the checklist (from the case as read), the pending drafts and the eligibility check, whose
    // profile is read once and whose limits share one read of the case's exceptions with the
    // checklist's waivers (21 when the checklist read the case again and the check read the
    // profile twice; 19 with two reads of the exceptions).
    const { result: review, count } = await counted(() => applicantCaseView(applicant, renewal.id));
    expect(review!.step).toBe("review");
    expect(review!.checklist!.length).toBeGreaterThan(0);
    expect(count).toBe(18);
  });

  it("judges the limits and the checklist's waivers from one read of the exceptions as the separate reads do", async () => {
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const policy = await db.policyVersion.findFirstOrThrow({ where: { effectiveFrom: { lte: new Date() } }, orderBy: { effectiveFrom: "desc" } });
    const centre = await staffActor("reviewer@center.demo");
    // Above the policy's cap, within what an exception may raise it to.
    const amountFen = policy.maxLoanFen + 1_000_000n;
    expect(amountFen <= policy.exceptionMaxLoanFen).toBe(true);
    // Written at the cap first: the database holds the amount to the cap an approved exception raises.
    const atCap = await db.loanApplication.create({
      data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "RETURNED", amountFen: policy.maxLoanFen,
        termMonths: 12, categoryCode: "SMALL_MICRO", policyVersionId: policy.id },
    });
    const returned = { ...atCap, amountFen };
    const other = await openCase(applicant.userId, enterprise.id, 10_000_000n);
    const [waivedKind, expiredKind, pendingKind, otherCaseKind] = await checklistOf(returned.id, "NEW");
    const exception = (applicationId: string, more: Partial<Prisma.PolicyExceptionCreateManyInput> & Pick<Prisma.PolicyExceptionCreateManyInput, "type">): Prisma.PolicyExceptionCreateManyInput => ({
      enterpriseId: enterprise.id, applicationId, reason: "测试", status: "APPROVED" as const, requestedById: centre.userId, decidedById: centre.userId,
      decidedAt: new Date(), expiresOn: new Date("2099-12-31T00:00:00Z"), ...more,
    });
    await db.policyException.createMany({
      data: [
        exception(returned.id, { type: "DOCUMENT_WAIVED", documentKind: waivedKind }),
        exception(returned.id, { type: "DOCUMENT_WAIVED", documentKind: expiredKind, expiresOn: new Date("2020-01-01T00:00:00Z") }),
        exception(returned.id, { type: "DOCUMENT_WAIVED", documentKind: pendingKind, status: "PENDING", decidedById: null, decidedAt: null }),
        exception(returned.id, { type: "HIGHER_CAP", valueFen: amountFen }),
        // Another case's waiver does not take a document off this one's checklist.
        exception(other.id, { type: "DOCUMENT_WAIVED", documentKind: otherCaseKind }),
      ],
    });
    await db.loanApplication.update({ where: { id: returned.id }, data: { amountFen } });

    const view = (await applicantCaseView(applicant, returned.id, "review"))!;
    expect(view.checklist).toEqual(await documentChecklist(returned.id, "NEW", undefined, { categoryCode: "SMALL_MICRO", requiredDocuments: [] }));
    expect(view.checklist!.filter((c) => c.waived).map((c) => c.kind)).toEqual([waivedKind]);
    const { blocks } = await checkEligibility({ ...returned, enterpriseId: enterprise.id }, null, { forSubmission: true });
    expect(view.eligibility).toEqual(blocks);
    // The raised cap holds: the amount is not over it (the other open case is).
    expect(view.eligibility!.map((b) => b.code)).not.toContain("OVER_CAP");
    expect(view.eligibility!.map((b) => b.code)).toContain("OPEN_CASE");
  });
});
