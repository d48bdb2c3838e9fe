import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { saveLoanRequest } from "@/lib/applications/services/drafts";
import { checkEligibility } from "@/lib/applications/eligibility-queries";
import { missingDocuments } from "@/lib/applications/required-documents";
import { confirmRecommendation, recommendApplication } from "@/lib/reviews/services/center-review";
import { rejectApplication, returnForInformation } from "@/lib/reviews/services/return-or-reject";
import { issueGuarantee } from "@/lib/reviews/services/guarantor-review";
import { requestException } from "@/lib/exceptions/services/request-exception";
import { decideException } from "@/lib/exceptions/services/decide-exception";
import { exceptionsForCase, listExceptions } from "@/lib/exceptions/queries";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, createStaff, staffActor } from "../support/factories";
import { addDays, beijingToday } from "@/lib/calendar/beijing";

// 一企一策 with effect: requested by one centre member, decided by a different approver, applied
// by the rules for that case only, and refused with nothing stored when it asks too much.

const orgId = async (code: string) => (await db.organisation.findUniqueOrThrow({ where: { code } })).id;
const load = (id: string) => db.loanApplication.findUniqueOrThrow({ where: { id } });
const inDays = (n: number) => addDays(beijingToday(), n);
const request = (applicationId: string, amountYuan: bigint, termMonths = 12) =>
  ({ applicationId, categoryCode: "SMALL_MICRO", amountYuan, termMonths, purpose: "扩大经营", repaymentSource: "经营收入" });

/** A case of ¥500,000 (the policy's cap) in the centre's review. */
async function caseAtCentre(applicant?: Actor & { kind: "APPLICANT" }) {
  const owner = applicant ?? (await createApplicant());
  const { id } = await createReadyDraft(owner, { amountFen: 50_000_000n });
  await submitApplication(owner, id, 0);
  return { id, applicant: owner };
}

const people = async () => ({
  reviewer: await staffActor("reviewer@center.demo"),
  approver: await staffActor("approver@center.demo"),
  approver2: await createStaff("BJZGHZ", "CENTER_APPROVER"),
});

const higherCap = (applicationId: string, valueFen: bigint, expiresOn = inDays(30)) =>
  ({ applicationId, type: "HIGHER_CAP" as const, reason: "企业订单激增，需一次性采购设备", valueFen, expiresOn });

describe("一企一策 requests and decisions", () => {
  it("a reviewer asks, the requester and a reviewer cannot decide, another approver approves; each step is an audit event", async () => {
    const { reviewer, approver } = await people();
    const { id } = await caseAtCentre();
    const { id: exceptionId } = await requestException(reviewer, higherCap(id, 80_000_000n));
    expect(await db.policyException.findUniqueOrThrow({ where: { id: exceptionId } })).toMatchObject({ status: "PENDING", valueFen: 80_000_000n, requestedById: reviewer.userId, version: 0 });
    expect(await db.auditEvent.count({ where: { entityId: exceptionId, action: "application.exception_requested" } })).toBe(1);

    // A request by an approver cannot be approved by that approver.
    const own = await requestException(approver, { applicationId: id, type: "LONGER_TERM", reason: "设备回收期较长", valueMonths: 48, expiresOn: inDays(30) });
    expect(await decideException(approver, { exceptionId: own.id, version: 0, decision: "approve", comment: "同意" }).catch((e) => e)).toMatchObject({ code: "SAME_PERSON", reason: "OWN_REQUEST" });
    expect(await decideException(reviewer, { exceptionId, version: 0, decision: "approve", comment: "同意" }).catch((e) => e)).toMatchObject({ code: "FORBIDDEN", reason: "NOT_APPROVER" });
    expect(await db.policyException.findUniqueOrThrow({ where: { id: exceptionId } })).toMatchObject({ status: "PENDING", decidedById: null });

    await decideException(approver, { exceptionId, version: 0, decision: "approve", comment: "同意提高额度" });
    expect(await db.policyException.findUniqueOrThrow({ where: { id: exceptionId } })).toMatchObject({ status: "APPROVED", decidedById: approver.userId, version: 1, decisionComment: "同意提高额度" });
    expect(await db.auditEvent.count({ where: { entityId: exceptionId, action: "application.exception_approved" } })).toBe(1);
    // The same approver's retry changes nothing; a later refusal is told it is decided.
    expect(await decideException(approver, { exceptionId, version: 0, decision: "approve", comment: "同意提高额度" })).toEqual({ repeated: true });
    expect(await code(decideException(approver, { exceptionId, version: 1, decision: "refuse", comment: "改变主意" }))).toBe("CONFLICT");
    expect(await db.auditEvent.count({ where: { entityId: exceptionId } })).toBe(2);

    const page = await exceptionsForCase(reviewer, id);
    expect(page!.effect).toMatchObject({ maxLoanFen: 80_000_000n, policyMaxLoanFen: 50_000_000n });
    expect(page!.rows.find((r) => r.id === own.id)).toMatchObject({ state: "PENDING", mayDecide: false });
    expect((await exceptionsForCase(await createStaff("BJZGHZ", "CENTER_APPROVER"), id))!.rows.find((r) => r.id === own.id)!.mayDecide).toBe(true);
  });

  it("refused with nothing stored: beyond the ceiling, not above the policy, an expiry in the past, a second pending request of the type", async () => {
    const { reviewer } = await people();
    const { id } = await caseAtCentre();
    const before = await db.policyException.count({ where: { applicationId: id } });
    const beyond = await requestException(reviewer, higherCap(id, 100_000_001n)).catch((e) => e);
    expect(beyond).toMatchObject({ code: "VALIDATION", reason: "BEYOND_CEILING", field: "valueYuan", params: { limit: "100000000" } });
    expect(await requestException(reviewer, higherCap(id, 50_000_000n)).catch((e) => e)).toMatchObject({ reason: "NOT_ABOVE_POLICY" });
    expect(await requestException(reviewer, { applicationId: id, type: "LONGER_TERM", reason: "期限", valueMonths: 49, expiresOn: inDays(5) }).catch((e) => e)).toMatchObject({ reason: "BEYOND_CEILING" });
    expect(await requestException(reviewer, higherCap(id, 60_000_000n, inDays(-1))).catch((e) => e)).toMatchObject({ reason: "EXPIRY_PAST", field: "expiresOn" });
    expect(await db.policyException.count({ where: { applicationId: id } })).toBe(before);

    await requestException(reviewer, higherCap(id, 60_000_000n));
    expect(await requestException(reviewer, higherCap(id, 70_000_000n)).catch((e) => e)).toMatchObject({ code: "DUPLICATE", reason: "PENDING_EXISTS" });
    expect(await db.policyException.count({ where: { applicationId: id } })).toBe(before + 1);
    expect(await db.auditEvent.count({ where: { applicationId: id, action: "application.exception_requested" } })).toBe(1);
  });

  it("a refusal is recorded and changes nothing; a request whose expiry has passed can no longer be decided", async () => {
    const { reviewer, approver } = await people();
    const { id } = await caseAtCentre();
    const refused = await requestException(reviewer, higherCap(id, 60_000_000n));
    await decideException(approver, { exceptionId: refused.id, version: 0, decision: "refuse", comment: "理由不充分" });
    expect(await db.policyException.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ status: "REFUSED", decidedById: approver.userId });
    expect(await db.auditEvent.count({ where: { entityId: refused.id, action: "application.exception_refused" } })).toBe(1);
    expect((await exceptionsForCase(reviewer, id))!.effect.maxLoanFen).toBe(50_000_000n);

    const late = await requestException(reviewer, higherCap(id, 60_000_000n, inDays(1)));
    const expired = await decideException(approver, { exceptionId: late.id, version: 0, decision: "approve", comment: "同意" }, inDays(2)).catch((e) => e);
    expect(expired).toMatchObject({ reason: "EXPIRED" });
    expect(await db.policyException.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: "PENDING" });
    expect((await listExceptions(reviewer, { state: "EXPIRED", page: 1 }, inDays(2))).rows.map((r) => r.id)).toContain(late.id);
    expect((await listExceptions(reviewer, { state: "REFUSED", type: "HIGHER_CAP", page: 1 })).rows.map((r) => r.id)).toContain(refused.id);
    expect((await listExceptions(reviewer, { state: "APPROVED", page: 1 })).rows.map((r) => r.id)).not.toContain(refused.id);
  });

  itOnPostgres("two approvers deciding one request at the same moment: exactly one decision stands", async () => {
    const { reviewer, approver, approver2 } = await people();
    for (let round = 0; round < 4; round += 1) {
      const { id } = await caseAtCentre();
      const { id: exceptionId } = await requestException(reviewer, higherCap(id, 60_000_000n));
      const results = await Promise.all([
        code(decideException(approver, { exceptionId, version: 0, decision: "approve", comment: "同意" })),
        code(decideException(approver2, { exceptionId, version: 0, decision: "refuse", comment: "不同意" })),
      ]);
      expect(results.sort()).toEqual(["CONFLICT", "OK"]);
      expect(await db.auditEvent.count({ where: { entityId: exceptionId, action: { in: ["application.exception_approved", "application.exception_refused"] } } })).toBe(1);
    }
  });

  itOnPostgres("two requests of one type at the same moment: one is stored", async () => {
    const { reviewer, approver } = await people();
    const { id } = await caseAtCentre();
    const results = await Promise.all([code(requestException(reviewer, higherCap(id, 60_000_000n))), code(requestException(approver, higherCap(id, 70_000_000n)))]);
    expect(results.sort()).toEqual(["DUPLICATE", "OK"]);
    expect(await db.policyException.count({ where: { applicationId: id, status: "PENDING" } })).toBe(1);
  });
});

describe("an approved exception applied by the rules, for that case only", () => {
  it("a higher cap lets that case go above the policy's cap through the review; another case of the same size is still blocked", async () => {
    const { reviewer, approver, approver2 } = await people();
    const [raised, other] = [await caseAtCentre(), await caseAtCentre()];
    for (const c of [raised, other]) await returnForInformation(reviewer, { applicationId: c.id, version: 1, comment: "请调整申请金额", missingItems: ["贷款用途计划"] });

    const { id: exceptionId } = await requestException(reviewer, higherCap(raised.id, 80_000_000n));
    // Pending: not in effect yet.
    expect(await code(saveLoanRequest(raised.applicant, request(raised.id, 80_000_000n)))).toBe("VALIDATION");
    await decideException(approver, { exceptionId, version: 0, decision: "approve", comment: "同意" });

    await saveLoanRequest(raised.applicant, request(raised.id, 80_000_000n));
    expect(await code(saveLoanRequest(raised.applicant, request(raised.id, 80_000_001n)))).toBe("VALIDATION");
    expect(await code(saveLoanRequest(other.applicant, request(other.id, 80_000_000n)))).toBe("VALIDATION");
    expect((await load(other.id)).amountFen).toBe(50_000_000n);

    await resubmitApplication(raised.applicant, raised.id, (await load(raised.id)).version);
    const app = await load(raised.id);
    expect(app).toMatchObject({ status: "CENTER_REVIEW", amountFen: 80_000_000n });
    await recommendApplication(reviewer, { applicationId: raised.id, version: app.version, comment: "一企一策，同意推荐", checklist: { member: true, targetGroup: true, documents: true } });
    await confirmRecommendation(approver2, { applicationId: raised.id, version: app.version + 1, comment: "复核同意", guarantorOrgId: await orgId("SCDB") });
    const guarantor = await staffActor("officer@guarantor.demo");
    await issueGuarantee(guarantor, { applicationId: raised.id, version: app.version + 2, comment: "同意担保", contractNo: `DB-${uniqueSuffix()}`,
      guaranteedFen: 80_000_000n, termMonths: 12, bankOrgId: await orgId("BJRCB") });
    expect(await load(raised.id)).toMatchObject({ status: "BANK_REVIEW" });
  });

  it("a longer term lets that case (only that case) ask for up to the approved months and pass eligibility at resubmission", async () => {
    const { reviewer, approver } = await people();
    const [longer, other] = [await caseAtCentre(), await caseAtCentre()];
    for (const c of [longer, other]) await returnForInformation(reviewer, { applicationId: c.id, version: 1, comment: "请调整期限", missingItems: ["贷款用途计划"] });
    const { id: exceptionId } = await requestException(reviewer, { applicationId: longer.id, type: "LONGER_TERM", reason: "设备回收期长", valueMonths: 48, expiresOn: inDays(30) });
    await decideException(approver, { exceptionId, version: 0, decision: "approve", comment: "同意" });
    await saveLoanRequest(longer.applicant, request(longer.id, 50_000_000n, 48));
    expect(await code(saveLoanRequest(longer.applicant, request(longer.id, 50_000_000n, 49)))).toBe("VALIDATION");
    expect(await code(saveLoanRequest(other.applicant, request(other.id, 50_000_000n, 48)))).toBe("VALIDATION");
    await resubmitApplication(longer.applicant, longer.id, (await load(longer.id)).version);
    expect((await checkEligibility(await load(longer.id))).blocks).toEqual([]);
  });

  it("the database's credit chain accepts the case's approved cap and nothing more, and not once it has expired", async () => {
    const { reviewer, approver } = await people();
    const [raised, other] = [await caseAtCentre(), await caseAtCentre()];
    const { id: exceptionId } = await requestException(reviewer, higherCap(raised.id, 80_000_000n));
    await expect(db.loanApplication.update({ where: { id: raised.id }, data: { amountFen: 80_000_000n } })).rejects.toThrow(/credit chain/);
    await decideException(approver, { exceptionId, version: 0, decision: "approve", comment: "同意" });
    await db.loanApplication.update({ where: { id: raised.id }, data: { amountFen: 80_000_000n } });
    await expect(db.loanApplication.update({ where: { id: raised.id }, data: { amountFen: 80_000_001n } })).rejects.toThrow(/credit chain/);
    await expect(db.loanApplication.update({ where: { id: other.id }, data: { amountFen: 80_000_000n } })).rejects.toThrow(/credit chain/);
    // Expired yesterday (Beijing): the cap is the policy's again.
    await db.policyException.update({ where: { id: exceptionId }, data: { expiresOn: new Date(`${inDays(-1)}T00:00:00Z`) } });
    await expect(db.loanApplication.update({ where: { id: raised.id }, data: { amountFen: 70_000_000n } })).rejects.toThrow(/credit chain/);
    expect((await checkEligibility({ ...(await load(raised.id)) })).blocks.map((b) => b.code)).toContain("OVER_CAP");
  });

  it("a document waiver takes that document off the case's list; a cooling waiver lifts the block for the enterprise", async () => {
    const { reviewer, approver } = await people();
    const { id } = await caseAtCentre();
    await db.document.updateMany({ where: { applicationId: id, kind: "BANK_STATEMENTS" }, data: { supersededAt: new Date() } });
    const app = await load(id);
    expect(await missingDocuments(id, app.kind)).toEqual(["BANK_STATEMENTS"]);
    const waiver = await requestException(reviewer, { applicationId: id, type: "DOCUMENT_WAIVED", reason: "新设企业，无历史流水", documentKind: "BANK_STATEMENTS", expiresOn: inDays(30) });
    await decideException(approver, { exceptionId: waiver.id, version: 0, decision: "approve", comment: "同意" });
    expect(await missingDocuments(id, app.kind)).toEqual([]);

    // Rejected: the enterprise is in its cooling period; a new draft is blocked until a waiver is approved.
    await rejectApplication(reviewer, { applicationId: id, version: app.version, comment: "不符合条件", reasonCode: "CREDIT" });
    const applicant = await db.user.findUniqueOrThrow({ where: { id: app.applicantId } });
    const next = await createReadyDraft({ kind: "APPLICANT", userId: applicant.id, displayName: applicant.displayName } as Actor, { enterpriseId: app.enterpriseId });
    expect((await checkEligibility(next)).blocks.map((b) => b.code)).toEqual(["COOLING"]);
    const cooling = await requestException(reviewer, { applicationId: id, type: "COOLING_WAIVED", reason: "经复核，原因已消除", expiresOn: inDays(30) });
    expect((await checkEligibility(next)).blocks.map((b) => b.code)).toEqual(["COOLING"]);
    await decideException(approver, { exceptionId: cooling.id, version: 0, decision: "approve", comment: "同意免除冷静期" });
    expect((await checkEligibility(next)).blocks).toEqual([]);
    // The case page reads its exceptions and those in force in one statement: both are there.
    const page = (await exceptionsForCase(reviewer, id))!;
    expect(page.effect).toMatchObject({ coolingWaived: true, waivedDocuments: ["BANK_STATEMENTS"] });
    expect(page.rows.map((r) => r.id).sort()).toEqual([cooling.id, waiver.id].sort());
  });
});
