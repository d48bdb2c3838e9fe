import { describe, expect, it } from "vitest";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { confirmRecommendation, recommendApplication } from "@/lib/reviews/services/center-review";
import { rejectApplication, returnForInformation } from "@/lib/reviews/services/return-or-reject";
import { issueGuarantee } from "@/lib/reviews/services/guarantor-review";
import { approveCredit, recordContractSigned, recordDisbursement } from "@/lib/reviews/services/bank-review";
import { markGreenChannel } from "@/lib/reviews/services/case-admin";
import { revealPersonalData } from "@/lib/reviews/services/reveal-personal-data";
import { caseForStaff, listQueue } from "@/lib/reviews/queries";
import { timelineOf } from "@/lib/applications/timeline";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { auditCount, createApplicant, createReadyDraft, createStaff, staffActor } from "../support/factories";
import { beijingToday } from "@/lib/calendar/beijing";

const orgId = async (code: string) => (await db.organisation.findUniqueOrThrow({ where: { code } })).id;
const version = async (id: string) => (await db.loanApplication.findUniqueOrThrow({ where: { id } })).version;
const today = () => beijingToday();

describe("the review pipeline, end to end in services", () => {
  it("centre returns, applicant resubmits, centre recommends and a second person confirms, guarantor, bank, disbursement", async () => {
    const applicant = await createApplicant();
    const reviewer = await staffActor("reviewer@center.demo");
    const approver = await staffActor("approver@center.demo");
    const guarantor = await staffActor("officer@guarantor.demo");
    const bank = await staffActor("officer@bank.demo");
    const draft = await createReadyDraft(applicant, { amountFen: 40_000_000n });
    const id = draft.id;
    await submitApplication(applicant, id, 0);

    await returnForInformation(reviewer, { applicationId: id, version: 1, comment: "请补充", missingItems: ["2025 年财务报表", "工会会员证明"], applicantMessage: "请一次性补齐" });
    let app = await db.loanApplication.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: "RETURNED", returnedFrom: "CENTER_REVIEW" });
    expect(app.returnDueAt!.getTime()).toBeGreaterThan(Date.now());
    await resubmitApplication(applicant, id, 2);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id } })).status).toBe("CENTER_REVIEW");

    const checklist = { member: true, targetGroup: true, documents: true };
    await recommendApplication(reviewer, { applicationId: id, version: 3, comment: "符合条件", checklist });
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id } })).status).toBe("CENTER_REVIEW");
    // The maker cannot be the checker, whatever their role.
    const makerApprover = await createStaff("BJZGHZ", "CENTER_APPROVER");
    expect(await code(confirmRecommendation(reviewer, { applicationId: id, version: 4, comment: "ok", guarantorOrgId: await orgId("SCDB") }))).toBe("FORBIDDEN");
    await confirmRecommendation(approver, { applicationId: id, version: 4, comment: "复核同意", guarantorOrgId: await orgId("SCDB") });
    expect(await code(confirmRecommendation(makerApprover, { applicationId: id, version: 4, comment: "again", guarantorOrgId: await orgId("SCDB") }))).toBe("CONFLICT");

    await issueGuarantee(guarantor, { applicationId: id, version: 5, comment: "同意担保", contractNo: `DB-${uniqueSuffix()}`, guaranteedFen: 40_000_000n, termMonths: 12, bankOrgId: await orgId("BJRCB") });
    await approveCredit(bank, { applicationId: id, version: 6, comment: "同意", principalFen: 40_000_000n, annualRateMicros: 30_000, lprReference: "一年期 LPR 3.00%", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", contractNo: `JK-${uniqueSuffix()}` });
    await recordContractSigned(bank, { applicationId: id, version: 7, comment: "已签约" });
    await recordDisbursement(bank, { applicationId: id, version: 8, comment: "已放款", disbursedOn: today(), amountFen: 40_000_000n, accountNo: "622848001234567890" });

    app = await db.loanApplication.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: "ACTIVE", version: 9 });
    const loan = await db.loan.findUniqueOrThrow({ where: { applicationId: id } });
    expect(loan).toMatchObject({ status: "ACTIVE", principalFen: 40_000_000n, annualRateMicros: 30_000, disbursedFen: 40_000_000n });
    expect(loan.maturityOn).not.toBeNull();
    const events = (await timelineOf(id)).map((e) => e.event);
    expect(events).toEqual(["submitted", "returned", "resubmitted", "recommended", "recommendation_confirmed", "guarantee_issued", "bank_approved", "contract_signed", "disbursed"]);
    // Words meant for the applicant reach them as a message; every comment stays between the organisations.
    const forApplicant = await timelineOf(id);
    expect(forApplicant.find((e) => e.event === "returned")?.message?.text).toBe("请一次性补齐");
    expect(forApplicant.map((e) => e.comment).filter(Boolean)).toEqual([]);
    const internal = new Map((await timelineOf(id, { internal: true })).map((e) => [e.event, e.comment]));
    expect([internal.get("recommended"), internal.get("guarantee_issued")]).toEqual(["符合条件", "同意担保"]);
    expect(await db.reviewDecision.count({ where: { applicationId: id } })).toBe(7);
  });

  it("the maker cannot confirm their own recommendation", async () => {
    const applicant = await createApplicant();
    const approver = await createStaff("BJZGHZ", "CENTER_APPROVER");
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    await recommendApplication(approver, { applicationId: draft.id, version: 1, comment: "ok", checklist: { member: true, targetGroup: false, documents: true } });
    expect(await code(confirmRecommendation(approver, { applicationId: draft.id, version: 2, comment: "self", guarantorOrgId: await orgId("SCDB") }))).toBe("SAME_PERSON");
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("CENTER_REVIEW");
  });

  it("a guarantor of another company and a bank that is not routed see nothing", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const otherGuarantor = await db.organisation.create({ data: { code: `G-${uniqueSuffix()}`, type: "GUARANTOR", nameZh: "另一担保", nameEn: "Other" } });
    await db.loanApplication.update({ where: { id: draft.id }, data: { status: "GUARANTOR_REVIEW", guarantorOrgId: await orgId("SCDB"), version: 2 } });
    const stranger = await createStaff(otherGuarantor.code, "GUARANTOR_OFFICER");
    const bank = await staffActor("officer@bank.demo");
    expect(await caseForStaff(stranger, draft.id)).toBeNull();
    expect(await caseForStaff(bank, draft.id)).toBeNull();
    expect(await code(issueGuarantee(stranger, { applicationId: draft.id, version: 2, comment: "x x", contractNo: `X-${uniqueSuffix()}`, guaranteedFen: 1n, termMonths: 1, bankOrgId: await orgId("BJRCB") }))).toBe("NOT_FOUND");
    expect(await version(draft.id)).toBe(2);
  });

  it("personal data is masked for staff and a full view is logged with its purpose", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const reviewer = await staffActor("reviewer@center.demo");
    const view = await caseForStaff(reviewer, draft.id);
    expect(view!.applicant.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(view!.applicant.mobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const full = await revealPersonalData(reviewer, { applicationId: draft.id, purpose: "核验会员身份" });
    expect(full.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(await auditCount(draft.id, "application.pii_viewed")).toBe(1);
    const guarantor = await staffActor("officer@guarantor.demo");
    expect(await code(revealPersonalData(guarantor, { applicationId: draft.id, purpose: "想看看" }))).toBe("NOT_FOUND");
  });

  it("green channel cases go first in the queue", async () => {
    const reviewer = await staffActor("reviewer@center.demo");
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const agentless = await staffActor("approver@center.demo");
    await markGreenChannel(agentless, { applicationId: draft.id, version: 1, comment: "疫情期间即申即办" });
    const page = await listQueue(reviewer, { status: "CENTER_REVIEW", pageSize: 500 });
    const firstNormal = page.rows.findIndex((r) => !r.greenChannel);
    const lastGreen = page.rows.map((r) => r.greenChannel).lastIndexOf(true);
    expect(lastGreen).toBeLessThan(firstNormal === -1 ? Infinity : firstNormal);
    expect(page.rows.some((r) => r.id === draft.id && r.greenChannel)).toBe(true);
  });

  it("rejection records a reason code and starts the cooling period", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const reviewer = await staffActor("reviewer@center.demo");
    await rejectApplication(reviewer, { applicationId: draft.id, version: 1, comment: "非会员", reasonCode: "NOT_MEMBER" });
    const d = await db.reviewDecision.findFirstOrThrow({ where: { applicationId: draft.id, action: "REJECT" } });
    expect(d).toMatchObject({ reasonCode: "NOT_MEMBER", comment: "非会员", toStatus: "REJECTED" });
    const next = await createReadyDraft(applicant, { enterpriseId: draft.enterpriseId });
    expect(await code(submitApplication(applicant, next.id, 0))).toBe("INELIGIBLE");
  });
});

describe("two reviewers at once", () => {
  itOnPostgres("100 rounds: exactly one of two simultaneous decisions wins, version +1, one audit event", async () => {
    const applicant = await createApplicant();
    const a = await staffActor("reviewer@center.demo");
    const b = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    for (let round = 0; round < 100; round += 1) {
      const draft = await createReadyDraft(applicant);
      await db.loanApplication.update({ where: { id: draft.id }, data: { status: "CENTER_REVIEW", version: 1, policyVersionId: (await db.policyVersion.findFirstOrThrow()).id } });
      const outcomes = await Promise.all([
        code(returnForInformation(a, { applicationId: draft.id, version: 1, comment: "A 退回", missingItems: ["材料一"] })),
        code(rejectApplication(b, { applicationId: draft.id, version: 1, comment: "B 拒绝", reasonCode: "OTHER" })),
      ]);
      expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(1);
      const app = await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } });
      expect(app.version).toBe(2);
      expect(await db.auditEvent.count({ where: { applicationId: draft.id } })).toBe(1);
      expect(await db.reviewDecision.count({ where: { applicationId: draft.id } })).toBe(1);
    }
  }, 300_000);
});

describe("batch assignment", () => {
  it("assigns the chosen cases in scope to a case worker of the same organisation, skipping the rest", async () => {
    const { assignCases } = await import("@/lib/reviews/services/case-admin");
    const guarantor = await staffActor("officer@guarantor.demo");
    const applicant = await createApplicant();
    const mine = await createReadyDraft(applicant);
    const notRouted = await createReadyDraft(applicant);
    await db.loanApplication.update({ where: { id: mine.id }, data: { status: "GUARANTOR_REVIEW", guarantorOrgId: guarantor.organisationId } });
    await db.loanApplication.update({ where: { id: notRouted.id }, data: { status: "CENTER_REVIEW" } });
    expect(await assignCases(guarantor, { applicationIds: [mine.id, notRouted.id] })).toBe(1);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: mine.id } })).assigneeId).toBe(guarantor.userId);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: notRouted.id } })).assigneeId).toBeNull();
    const auditor = await staffActor("auditor@center.demo");
    const reviewer = await staffActor("reviewer@center.demo");
    expect(await code(assignCases(reviewer, { applicationIds: [notRouted.id], assigneeId: auditor.userId }))).toBe("VALIDATION");
  });
});
