import { describe, expect, it } from "vitest";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { startRenewal } from "@/lib/applications/services/start-renewal";
import { saveLoanRequest } from "@/lib/applications/services/drafts";
import { checkEligibility } from "@/lib/applications/eligibility-queries";
import { REQUIRED_DOCUMENTS } from "@/lib/applications/required-documents";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { createApplicant, createEnterprise, createReadyDraft } from "../support/factories";

// Exposure per enterprise, not per application: one open case or outstanding loan at a time (a
// renewal of that loan excepted), judged when the submission commits.

async function activeLoanFor(enterpriseId: string, applicantId: string) {
  const app = await db.loanApplication.create({
    data: { number: `T-${uniqueSuffix()}`, applicantId, enterpriseId, status: "ACTIVE", amountFen: 30_000_000n, termMonths: 12, categoryCode: "SMALL_MICRO" },
  });
  const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
  return db.loan.create({
    data: { applicationId: app.id, enterpriseId, bankOrgId: bank.id, contractNo: `JK-${uniqueSuffix()}`, principalFen: 30_000_000n, annualRateMicros: 38_500,
      lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE", disbursedOn: new Date("2026-01-05T00:00:00Z") },
  });
}

describe("exposure per enterprise", () => {
  it("an enterprise with an outstanding loan cannot open a second loan beside it; a renewal of that loan can go ahead", async () => {
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const loan = await activeLoanFor(enterprise.id, applicant.userId);

    const second = await createReadyDraft(applicant, { enterpriseId: enterprise.id });
    const refused = await submitApplication(applicant, second.id, 0).catch((e) => e);
    expect(refused).toMatchObject({ code: "INELIGIBLE" });
    expect(refused.blocks).toEqual([{ code: "OUTSTANDING_LOAN", params: { contractNo: loan.contractNo } }]);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("DRAFT");
    await db.loanApplication.update({ where: { id: second.id }, data: { status: "WITHDRAWN" } });

    const { applicationId } = await startRenewal(applicant, loan.id);
    await saveLoanRequest(applicant, { applicationId, categoryCode: "SMALL_MICRO", amountYuan: 30_000_000n, termMonths: 12, purpose: "续贷扩大经营", repaymentSource: "经营收入" });
    await db.document.createMany({
      data: REQUIRED_DOCUMENTS.RENEWAL.map((kind) => ({ applicationId, kind, version: 1, storageKey: `t/${applicationId}/${kind}`, fileName: `${kind}.pdf`,
        mimeType: "application/pdf", sizeBytes: 100, sha256: "0".repeat(64), uploadedById: applicant.userId })),
    });
    const version = (await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } })).version;
    await submitApplication(applicant, applicationId, version);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("CENTER_REVIEW");
  });

  itOnPostgres("two cases of one enterprise submitted at the same moment: exactly one goes to review", async () => {
    for (let round = 0; round < 5; round += 1) {
      const applicant = await createApplicant();
      const enterprise = await createEnterprise(applicant);
      const [a, b] = [await createReadyDraft(applicant, { enterpriseId: enterprise.id }), await createReadyDraft(applicant, { enterpriseId: enterprise.id })];
      const results = await Promise.all([code(submitApplication(applicant, a.id, 0)), code(submitApplication(applicant, b.id, 0))]);
      expect(results.sort()).toEqual(["INELIGIBLE", "OK"]);
      expect(await db.loanApplication.count({ where: { enterpriseId: enterprise.id, status: "CENTER_REVIEW" } })).toBe(1);
    }
  });
});

/** An open case of the person's, for a firm of theirs, already in review (amount in fen). */
async function openCaseOf(applicant: { userId: string }, amountFen: bigint) {
  const enterprise = await createEnterprise(applicant as Parameters<typeof createEnterprise>[0]);
  return db.loanApplication.create({
    data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "CENTER_REVIEW", amountFen, termMonths: 12, categoryCode: "SMALL_MICRO" },
  });
}

// Per person (policy: at most 3 open cases and outstanding loans, ¥1,500,000 in all), across all
// the firms one person runs; a renewal counts in place of the loan it renews.
describe("exposure per person", () => {
  it("shows the per-person blocks from the first step and refuses the submission; a renewal does not count beside its loan", async () => {
    const applicant = await createApplicant();
    await openCaseOf(applicant, 50_000_000n);
    const loanFirm = await createEnterprise(applicant);
    const loan = await activeLoanFor(loanFirm.id, applicant.userId);
    const third = await createReadyDraft(applicant, { amountFen: 50_000_000n });
    expect((await checkEligibility(third)).blocks).toEqual([]);
    // ¥500,000 + ¥300,000 + ¥500,000 + ¥200,001 > ¥1,500,000, and a fourth case.
    await openCaseOf(applicant, 20_000_001n);
    const blocks = (await checkEligibility(third)).blocks.map((b) => b.code);
    expect(blocks).toEqual(["PERSON_CASES", "PERSON_EXPOSURE"]);
    const refused = await submitApplication(applicant, third.id, 0).catch((e) => e);
    expect(refused).toMatchObject({ code: "INELIGIBLE" });
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: third.id } })).status).toBe("DRAFT");
    await db.loanApplication.update({ where: { id: third.id }, data: { status: "WITHDRAWN" } });

    // The renewal of the running loan takes the loan's place: three in all, ¥1,500,000 − ¥300,000 + ¥300,000.
    const { applicationId } = await startRenewal(applicant, loan.id);
    await saveLoanRequest(applicant, { applicationId, categoryCode: "SMALL_MICRO", amountYuan: 29_999_999n, termMonths: 12, purpose: "续贷", repaymentSource: "经营收入" });
    const renewal = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect((await checkEligibility(renewal)).blocks.map((b) => b.code)).toEqual([]);
  });

  itOnPostgres("two submissions of one person for two firms at the same moment against the last free place: exactly one passes", async () => {
    for (let round = 0; round < 4; round += 1) {
      const applicant = await createApplicant();
      await openCaseOf(applicant, 10_000_000n);
      await openCaseOf(applicant, 10_000_000n);
      const [a, b] = [await createReadyDraft(applicant), await createReadyDraft(applicant)];
      const results = await Promise.all([code(submitApplication(applicant, a.id, 0)), code(submitApplication(applicant, b.id, 0))]);
      expect(results.sort()).toEqual(["INELIGIBLE", "OK"]);
      expect(await db.loanApplication.count({ where: { id: { in: [a.id, b.id] }, status: "CENTER_REVIEW" } })).toBe(1);
    }
  });
});

