import { describe, expect, it } from "vitest";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { withdrawApplication } from "@/lib/applications/services/withdraw-application";
import { startRenewal } from "@/lib/applications/services/start-renewal";
import { startApplication, saveLoanRequest } from "@/lib/applications/services/drafts";
import { withdrawConsent } from "@/lib/applications/services/consents";
import { expireOverdueReturns } from "@/lib/applications/services/expire-returns";
import { saveEnterprise } from "@/lib/applications/services/save-enterprise";
import { outcome as code } from "../support/outcome";
import { isIneligible, wordEligibility } from "@/lib/applications/eligibility";
import { said, worded } from "../support/words";
import { db, itOnPostgres } from "../support/db";
import { auditCount, createApplicant, createEnterprise, createReadyDraft } from "../support/factories";
import { makeCreditCode } from "../support/ids";

/** A refusal as the applicant reads it (the action's words, in the programme's language). */
const refusalWords = async (p: Promise<unknown>): Promise<string> => {
  const error = await p.then(() => null, (e: unknown) => e);
  if (!isIneligible(error)) throw new Error(`not an eligibility refusal: ${String(error)}`);
  return wordEligibility(error.blocks, (key, values) => worded({ key, values }));
};

const snapshot = (id: string) => db.loanApplication.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, updatedAt: true } });

describe("submitting an application", () => {
  it("moves the draft to the centre, pins the policy, starts the clock, records and notifies", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    const result = await submitApplication(applicant, draft.id, draft.version);
    expect(result).toMatchObject({ status: "CENTER_REVIEW", version: 1, repeated: false });
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id }, include: { policyVersion: true } });
    expect(app.policyVersion?.version).toBe(1);
    expect(app.stageDueAt!.getTime()).toBeGreaterThan(Date.now());
    expect(app.submittedAt).not.toBeNull();
    expect(await auditCount(draft.id, "application.submitted")).toBe(1);
    expect(await db.notification.count({ where: { userId: applicant.userId, applicationId: draft.id } })).toBe(1);
  });

  it("a double click or retried request submits once", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const again = await submitApplication(applicant, draft.id, 0);
    expect(again).toMatchObject({ status: "CENTER_REVIEW", version: 1, repeated: true });
    expect(await auditCount(draft.id, "application.submitted")).toBe(1);
  });

  itOnPostgres("two submits at the same moment: one submission", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    const outcomes = await Promise.all([code(submitApplication(applicant, draft.id, 0)), code(submitApplication(applicant, draft.id, 0))]);
    expect(outcomes.filter((o) => o === "OK").length).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((o) => o === "OK" || o === "CONFLICT")).toBe(true);
    expect((await snapshot(draft.id)).version).toBe(1);
    expect(await auditCount(draft.id, "application.submitted")).toBe(1);
  });

  it("another applicant's case does not exist for them, and nothing changes", async () => {
    const owner = await createApplicant();
    const stranger = await createApplicant();
    const draft = await createReadyDraft(owner);
    const before = await snapshot(draft.id);
    expect(await code(submitApplication(stranger, draft.id, 0))).toBe("NOT_FOUND");
    expect(await code(withdrawApplication(stranger, draft.id, 0, "不要了"))).toBe("NOT_FOUND");
    expect(await code(saveLoanRequest(stranger, { applicationId: draft.id, categoryCode: "SMALL_MICRO", amountYuan: 1n, termMonths: 1, purpose: "xxxx", repaymentSource: "xx" }))).toBe("NOT_FOUND");
    expect(await snapshot(draft.id)).toEqual(before);
  });

  it("refuses incomplete, over-cap, unconsented and duplicate-open cases with plain reasons", async () => {
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const overCap = await createReadyDraft(applicant, { amountFen: 50_000_001n, enterpriseId: enterprise.id });
    expect(await refusalWords(submitApplication(applicant, overCap.id, 0))).toMatch(/超过单户最高额度/);
    const longTerm = await createReadyDraft(applicant, { termMonths: 48 });
    expect(await refusalWords(submitApplication(applicant, longTerm.id, 0))).toMatch(/1 至 36 个月/);

    const noDocs = await db.loanApplication.create({
      data: { number: `T-nodocs-${Date.now()}`, applicantId: applicant.userId, enterpriseId: (await createEnterprise(applicant)).id,
        categoryCode: "SMALL_MICRO", amountFen: 100n, termMonths: 12, purpose: "采购", repaymentSource: "收入" },
    });
    expect(await refusalWords(submitApplication(applicant, noDocs.id, 0))).toMatch(/请先上传：营业执照/);

    const first = await createReadyDraft(applicant, { enterpriseId: enterprise.id, amountFen: 100_000n });
    await submitApplication(applicant, first.id, 0);
    const second = await createReadyDraft(applicant, { enterpriseId: enterprise.id, amountFen: 100_000n });
    expect(await refusalWords(submitApplication(applicant, second.id, 0))).toMatch(/已有办理中的申请/);

    const unconsented = await createApplicant({ consents: false });
    const draft = await createReadyDraft(unconsented);
    expect(await refusalWords(submitApplication(unconsented, draft.id, 0))).toMatch(/征信查询授权/);
    for (const id of [overCap.id, longTerm.id, noDocs.id, second.id, draft.id]) expect((await snapshot(id)).status).toBe("DRAFT");
  });

  it("withdrawing a consent stops the next submission", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await withdrawConsent(applicant, "CREDIT_REPORT_AUTHORISATION", "127.0.0.1");
    expect(await code(submitApplication(applicant, draft.id, 0))).toBe("INELIGIBLE");
    expect(await db.auditEvent.count({ where: { actorId: applicant.userId, action: "consent.withdrawn" } })).toBe(1);
  });

  it("an enterprise in its cooling period after a rejection cannot apply", async () => {
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    await db.loanApplication.create({
      data: { number: `T-rej-${Date.now()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "REJECTED", closedAt: new Date() },
    });
    const draft = await createReadyDraft(applicant, { enterpriseId: enterprise.id });
    expect(await refusalWords(submitApplication(applicant, draft.id, 0))).toMatch(/冷静期 30 天/);
  });
});

describe("returns, withdrawal, renewal, expiry", () => {
  it("a returned case goes back to the stage that returned it", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const enteredAt = new Date();
    await db.loanApplication.update({
      where: { id: draft.id },
      data: { status: "RETURNED", returnedFrom: "GUARANTOR_REVIEW", version: 5, stageEnteredAt: enteredAt,
        stageDueAt: new Date(enteredAt.getTime() + 7 * 86_400_000), returnDueAt: new Date(Date.now() + 86_400_000) },
    });
    const result = await resubmitApplication(applicant, draft.id, 5);
    expect(result.status).toBe("GUARANTOR_REVIEW");
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } });
    expect(app).toMatchObject({ returnedFrom: null, returnDueAt: null, version: 6 });
    expect(app.stageDueAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("withdraws before contracting with a reason, and not after", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    await withdrawApplication(applicant, draft.id, 1, "资金已解决");
    expect(await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "WITHDRAWN", closeReason: "资金已解决" });
    const contracting = await createReadyDraft(applicant);
    await db.loanApplication.update({ where: { id: contracting.id }, data: { status: "CONTRACTING" } });
    expect(await code(withdrawApplication(applicant, contracting.id, 0, "x x"))).toBe("INVALID_TRANSITION");
    expect((await snapshot(contracting.id)).status).toBe("CONTRACTING");
  });

  it("renewal from a settled loan makes a prefilled RENEWAL draft linked to it, once", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await db.loanApplication.update({ where: { id: draft.id }, data: { status: "SETTLED", purpose: "扩大经营" } });
    const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
    const loan = await db.loan.create({
      data: { applicationId: draft.id, enterpriseId: draft.enterpriseId, bankOrgId: bank.id, contractNo: `C-${draft.id}`, principalFen: 30_000_000n,
        annualRateMicros: 38_500, lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "SETTLED" },
    });
    const { applicationId } = await startRenewal(applicant, loan.id);
    const renewal = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(renewal).toMatchObject({ kind: "RENEWAL", status: "DRAFT", previousLoanId: loan.id, amountFen: 30_000_000n, purpose: "扩大经营", termMonths: 12 });
    expect((await startRenewal(applicant, loan.id)).applicationId).toBe(applicationId);
    const stranger = await createApplicant();
    expect(await code(startRenewal(stranger, loan.id))).toBe("NOT_FOUND");
  });

  it("expires returns whose deadline passed", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await db.loanApplication.update({ where: { id: draft.id }, data: { status: "RETURNED", returnedFrom: "CENTER_REVIEW", returnDueAt: new Date(Date.now() - 1000) } });
    expect(await expireOverdueReturns()).toBeGreaterThanOrEqual(1);
    expect((await snapshot(draft.id)).status).toBe("EXPIRED");
    expect(await auditCount(draft.id, "application.expired")).toBe(1);
  });
});

describe("drafts and enterprises", () => {
  it("a draft keeps what was saved, and a second start returns the same draft", async () => {
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const { applicationId } = await startApplication(applicant, enterprise.id);
    expect((await startApplication(applicant, enterprise.id)).applicationId).toBe(applicationId);
    await saveLoanRequest(applicant, { applicationId, categoryCode: "SMALL_MICRO", amountYuan: 12_345_678n, termMonths: 24, purpose: "购置设备", repaymentSource: "销售收入" });
    expect(await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ amountFen: 12_345_678n, termMonths: 24, purpose: "购置设备" });
    const stranger = await createApplicant();
    expect(await code(startApplication(stranger, enterprise.id))).toBe("NOT_FOUND");
  });

  itOnPostgres("the same credit code registered twice at once: one enterprise, the other told it exists", async () => {
    const [a, b] = [await createApplicant(), await createApplicant()];
    const input = { name: "并发公司", creditCode: makeCreditCode(), legalRepName: "张三", address: "北京市某区某路", industry: "零售",
      foundedOn: "2020-01-01", employees: 3, annualRevenueYuan: 100n, hasUnion: false, unionMemberCount: 0 };
    const outcomes = await Promise.all([code(saveEnterprise(a, input)), code(saveEnterprise(b, input))]);
    expect(outcomes.sort()).toEqual(["DUPLICATE", "OK"]);
    expect(await db.enterprise.count({ where: { creditCode: input.creditCode } })).toBe(1);
  });

  it("a credit code registered by someone else is refused and nothing is created", async () => {
    const a = await createApplicant();
    const b = await createApplicant();
    const creditCode = makeCreditCode();
    const input = { name: "某公司", creditCode, legalRepName: "张三", address: "北京市某区某路", industry: "零售", foundedOn: "2020-01-01",
      employees: 3, annualRevenueYuan: 100n, hasUnion: false, unionMemberCount: 0 };
    await saveEnterprise(a, input);
    const before = await db.enterprise.count();
    await expect(said(saveEnterprise(b, input))).resolves.toMatch(/其他账号登记/);
    expect(await db.enterprise.count()).toBe(before);
  });
});
