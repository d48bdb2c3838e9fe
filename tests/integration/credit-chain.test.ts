import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { saveLoanRequest } from "@/lib/applications/services/drafts";
import { withdrawConsent } from "@/lib/applications/services/consents";
import { confirmRecommendation, recommendApplication } from "@/lib/reviews/services/center-review";
import { returnForInformation } from "@/lib/reviews/services/return-or-reject";
import { issueGuarantee } from "@/lib/reviews/services/guarantor-review";
import { approveCredit } from "@/lib/reviews/services/bank-review";
import { outcome as code } from "../support/outcome";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, staffActor } from "../support/factories";

// Terms cannot change under an approval: a different amount or term after the centre
// recommended sends the case back to the centre and voids the guarantee; resubmission is judged
// again under the pinned policy; bank principal <= guaranteed <= requested <= the cap, in the
// services and in the database itself.

const orgId = async (code: string) => (await db.organisation.findUniqueOrThrow({ where: { code } })).id;
const load = (id: string) => db.loanApplication.findUniqueOrThrow({ where: { id } });

/** A case the bank has returned for information, after the centre recommended it and the guarantor guaranteed ¥400,000. */
async function returnedByTheBank(applicant: Actor & { kind: "APPLICANT" }) {
  const [reviewer, approver, guarantor, bank] = await Promise.all(
    ["reviewer@center.demo", "approver@center.demo", "officer@guarantor.demo", "officer@bank.demo"].map(staffActor),
  );
  const { id } = await createReadyDraft(applicant, { amountFen: 40_000_000n });
  await submitApplication(applicant, id, 0);
  await recommendApplication(reviewer!, { applicationId: id, version: 1, comment: "符合条件", checklist: { member: true, targetGroup: true, documents: true } });
  await confirmRecommendation(approver!, { applicationId: id, version: 2, comment: "复核同意", guarantorOrgId: await orgId("SCDB") });
  await issueGuarantee(guarantor!, { applicationId: id, version: 3, comment: "同意担保", contractNo: `DB-${uniqueSuffix()}`, guaranteedFen: 40_000_000n, termMonths: 12, bankOrgId: await orgId("BJRCB") });
  await returnForInformation(bank!, { applicationId: id, version: 4, comment: "请补充流水", missingItems: ["近六个月银行流水"] });
  return { id, bank: bank!, guarantor: guarantor! };
}

const request = (applicationId: string, amountYuan: bigint, termMonths = 12, purpose = "采购设备扩大经营") =>
  ({ applicationId, categoryCode: "SMALL_MICRO", amountYuan, termMonths, purpose, repaymentSource: "经营收入" });

describe("terms after an approval", () => {
  it("raising the amount on a case the bank returned voids the guarantee and sends it back to the centre with its full time", async () => {
    const applicant = await createApplicant();
    const { id, bank } = await returnedByTheBank(applicant);
    expect(await load(id)).toMatchObject({ status: "RETURNED", returnedFrom: "BANK_REVIEW" });

    await saveLoanRequest(applicant, request(id, 50_000_000n));
    const app = await load(id);
    expect(app).toMatchObject({ status: "RETURNED", returnedFrom: "CENTER_REVIEW", amountFen: 50_000_000n, bankOrgId: null });
    const guarantees = await db.guarantee.findMany({ where: { applicationId: id } });
    expect(guarantees).toHaveLength(1);
    expect(guarantees[0]!.voidedAt).not.toBeNull();
    const voided = await db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "application.approvals_voided" } });
    expect(voided.data).toMatchObject({ returnedFrom: "BANK_REVIEW", from: { amountFen: "40000000" }, to: { amountFen: "50000000" } });

    await resubmitApplication(applicant, id, app.version);
    const back = await load(id);
    expect(back.status).toBe("CENTER_REVIEW");
    expect(back.stageDueAt!.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
    // The bank no longer holds anything on it: approving now finds no case.
    expect(await code(approveCredit(bank, { applicationId: id, version: back.version, comment: "同意", principalFen: 40_000_000n, annualRateMicros: 30_000,
      lprReference: "LPR", termMonths: 12, repaymentMethod: "EQUAL_INSTALMENTS", contractNo: `JK-${uniqueSuffix()}` }))).toBe("NOT_FOUND");
  });

  it("a change that leaves amount and term alone keeps the approvals; the bank still cannot lend above the guarantee", async () => {
    const applicant = await createApplicant();
    const { id, bank } = await returnedByTheBank(applicant);
    await saveLoanRequest(applicant, request(id, 40_000_000n, 12, "采购设备并支付房租"));
    expect(await load(id)).toMatchObject({ returnedFrom: "BANK_REVIEW" });
    await resubmitApplication(applicant, id, (await load(id)).version);
    const app = await load(id);
    expect(app.status).toBe("BANK_REVIEW");

    const terms = { applicationId: id, version: app.version, comment: "同意", annualRateMicros: 30_000, lprReference: "LPR", termMonths: 12,
      repaymentMethod: "EQUAL_INSTALMENTS" as const, contractNo: `JK-${uniqueSuffix()}` };
    const refused = await approveCredit(bank, { ...terms, principalFen: 40_000_001n }).catch((e) => e);
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { principalYuan: [{ key: "case.refusals.principalOverGuarantee" }] } });
    expect(await load(id)).toMatchObject({ status: "BANK_REVIEW", version: app.version });
    await approveCredit(bank, { ...terms, principalFen: 40_000_000n });
    expect((await load(id)).status).toBe("CONTRACTING");
  });

  it("a returned case cannot go above its pinned policy's cap or term", async () => {
    const applicant = await createApplicant();
    const { id } = await returnedByTheBank(applicant);
    const policy = await db.policyVersion.findUniqueOrThrow({ where: { id: (await load(id)).policyVersionId! } });
    expect(await code(saveLoanRequest(applicant, request(id, policy.maxLoanFen + 1n)))).toBe("VALIDATION");
    expect(await code(saveLoanRequest(applicant, request(id, 40_000_000n, policy.maxTermMonths + 1)))).toBe("VALIDATION");
    expect(await load(id)).toMatchObject({ amountFen: 40_000_000n, returnedFrom: "BANK_REVIEW" });
  });

  it("resubmission is judged again: a withdrawn consent or a missing document stops it, and nothing moves", async () => {
    const applicant = await createApplicant();
    const { id } = await returnedByTheBank(applicant);
    const before = await load(id);
    await db.document.updateMany({ where: { applicationId: id, kind: "BANK_STATEMENTS" }, data: { supersededAt: new Date() } });
    expect(await code(resubmitApplication(applicant, id, before.version))).toBe("INELIGIBLE");
    await db.document.updateMany({ where: { applicationId: id, kind: "BANK_STATEMENTS" }, data: { supersededAt: null } });
    await withdrawConsent(applicant, "CREDIT_REPORT_AUTHORISATION", null);
    expect(await code(resubmitApplication(applicant, id, before.version))).toBe("INELIGIBLE");
    expect(await load(id)).toMatchObject({ status: "RETURNED", version: before.version });
  });
});

describe("the credit chain in the database", () => {
  it("refuses a guarantee above the request, a principal above the guarantee, and a pinned request above the cap", async () => {
    const applicant = await createApplicant();
    const { id } = await returnedByTheBank(applicant);
    const guarantee = await db.guarantee.findFirstOrThrow({ where: { applicationId: id, voidedAt: null } });
    const app = await load(id);
    const policy = await db.policyVersion.findUniqueOrThrow({ where: { id: app.policyVersionId! } });

    await expect(db.guarantee.update({ where: { id: guarantee.id }, data: { guaranteedFen: 40_000_001n } })).rejects.toThrow(/credit chain/);
    await expect(db.loanApplication.update({ where: { id }, data: { amountFen: policy.maxLoanFen + 1n } })).rejects.toThrow(/credit chain/);
    await expect(db.loanApplication.update({ where: { id }, data: { amountFen: 39_999_999n } })).rejects.toThrow(/credit chain/);
    await expect(db.loan.create({
      data: { applicationId: id, enterpriseId: app.enterpriseId, bankOrgId: await orgId("BJRCB"), contractNo: `JK-${uniqueSuffix()}`, principalFen: 40_000_001n,
        annualRateMicros: 30_000, lprReference: "LPR", termMonths: 12, repaymentMethod: "EQUAL_INSTALMENTS" },
    })).rejects.toThrow(/credit chain/);
    // A second standing guarantee for one case is refused too.
    await expect(db.guarantee.create({
      data: { applicationId: id, contractNo: `DB-${uniqueSuffix()}`, guaranteedFen: 1n, termMonths: 12, issuedById: guarantee.issuedById },
    })).rejects.toThrow();
    expect(await load(id)).toMatchObject({ amountFen: 40_000_000n });
  });
});
