import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { saveEnterprise } from "@/lib/applications/services/save-enterprise";
import { saveProfile } from "@/lib/applications/services/save-profile";
import { saveLoanRequest } from "@/lib/applications/services/drafts";
import { startRenewal } from "@/lib/applications/services/start-renewal";
import { REQUIRED_DOCUMENTS } from "@/lib/applications/required-documents";
import { openCaseFacts } from "@/lib/applications/snapshot-store";
import { returnForInformation } from "@/lib/reviews/services/return-or-reject";
import { confirmRecommendation, recommendApplication } from "@/lib/reviews/services/center-review";
import { reviewLetter } from "@/lib/reviews/letters";
import { caseForStaff } from "@/lib/reviews/queries";
import { openedProfile } from "@/lib/personal-data/sealed";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, staffActor } from "../support/factories";
import { makeMobile } from "../support/ids";
import { pdfText } from "../e2e/support/files";

// What the reviewers decided on stays as it was: the profile, the enterprise, the request and the
// documents are frozen at each (re)submission; staff see those values, with what changed since.

const load = (id: string) => db.loanApplication.findUniqueOrThrow({ where: { id } });
const fields = (changes: { section: string; field: string }[]) => changes.map((c) => `${c.section}.${c.field}`);

async function enterpriseInput(enterpriseId: string) {
  const e = await db.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } });
  return {
    enterpriseId, name: e.name, creditCode: e.creditCode, legalRepName: e.legalRepName, address: e.address, industry: e.industry,
    foundedOn: e.foundedOn.toISOString().slice(0, 10), employees: e.employees, annualRevenueYuan: e.annualRevenueFen, hasUnion: e.hasUnion, unionMemberCount: e.unionMemberCount,
  };
}

async function profileInput(userId: string) {
  const p = await db.applicantProfile.findUniqueOrThrow({ where: { userId } });
  return { fullName: p.fullName, ...openedProfile(p), unionName: p.unionName, memberCardNo: p.memberCardNo, targetGroupCode: p.targetGroupCode };
}

async function submittedCase() {
  const applicant = await createApplicant();
  const draft = await createReadyDraft(applicant);
  await submitApplication(applicant, draft.id, 0);
  return { applicant, id: draft.id, enterpriseId: draft.enterpriseId };
}

describe("case snapshots", () => {
  it("the reviewer sees the record as submitted, and exactly the fields the applicant changed since (personal data masked)", async () => {
    const { applicant, id, enterpriseId } = await submittedCase();
    const submitted = { enterprise: await enterpriseInput(enterpriseId), profile: await profileInput(applicant.userId) };
    const newMobile = makeMobile();
    await saveEnterprise(applicant, { ...submitted.enterprise, name: `改名后的企业${uniqueSuffix()}`, employees: 9 });
    await saveProfile(applicant, { ...submitted.profile, mobile: newMobile, unionName: "新的工会" });

    for (const email of ["reviewer@center.demo", "approver@center.demo"]) {
      const view = (await caseForStaff(await staffActor(email), id))!;
      expect(view.enterprise).toMatchObject({ name: submitted.enterprise.name, employees: 5 });
      expect(view.applicant.unionName).toBe("测试工会");
      expect(view.applicant.mobileMasked).toBe(`${submitted.profile.mobile.slice(0, 3)}****${submitted.profile.mobile.slice(7)}`);
      expect(view.applicant.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(view.snapshots.latest).toMatchObject({ sequence: 1, reason: "SUBMITTED" });
      expect(fields(view.snapshots.sinceSnapshot)).toEqual(["applicant.mobile", "applicant.unionName", "enterprise.name", "enterprise.employees"]);
      const [mobile, union, name, employees] = view.snapshots.sinceSnapshot;
      expect([mobile!.before, mobile!.after]).toEqual([
        `${submitted.profile.mobile.slice(0, 3)}****${submitted.profile.mobile.slice(7)}`, `${newMobile.slice(0, 3)}****${newMobile.slice(7)}`,
      ]);
      expect([union!.before, union!.after]).toEqual(["测试工会", "新的工会"]);
      expect(name!.before).toBe(submitted.enterprise.name);
      expect([employees!.before, employees!.after]).toEqual([5, 9]);
      // No full personal data anywhere in what the page receives.
      expect(JSON.stringify(view, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(newMobile);
    }
    // The applicant's own records did change: the snapshot is what stood still.
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } })).employees).toBe(9);
  });

  it("an unchanged case shows no difference; a case submitted before snapshots were kept shows the live record", async () => {
    const { id } = await submittedCase();
    const reviewer = await staffActor("reviewer@center.demo");
    const unchanged = (await caseForStaff(reviewer, id))!;
    expect(unchanged.snapshots.sinceSnapshot).toEqual([]);
    // Reference names come in both languages; the page shows the reader's.
    const { categoryCode } = await db.loanApplication.findUniqueOrThrow({ where: { id } });
    const category = await db.loanCategory.findUniqueOrThrow({ where: { code: categoryCode! } });
    expect(unchanged.category).toEqual({ zh: category.nameZh, en: category.nameEn });

    const applicant = await createApplicant();
    const old = await createReadyDraft(applicant);
    await db.loanApplication.update({ where: { id: old.id }, data: { status: "CENTER_REVIEW", submittedAt: new Date(), version: 1 } });
    const view = (await caseForStaff(reviewer, old.id))!;
    expect(view.snapshots).toMatchObject({ latest: null, sinceSnapshot: [], history: [] });
    expect(view.enterprise.name).toBe((await db.enterprise.findUniqueOrThrow({ where: { id: old.enterpriseId } })).name);
  });

  it("the payload is sealed at rest: no ID number, mobile or enterprise name in the column", async () => {
    const { applicant, id, enterpriseId } = await submittedCase();
    const { idNumber, mobile } = await profileInput(applicant.userId);
    const name = (await db.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } })).name;
    const [row] = await db.$queryRaw<{ payloadSealed: string }[]>`SELECT "payloadSealed" FROM "CaseSnapshot" WHERE "applicationId" = ${id}::uuid`;
    for (const plain of [idNumber, mobile, name, "测试工会"]) expect(row!.payloadSealed).not.toContain(plain);
    expect(row!.payloadSealed).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(openCaseFacts(row!.payloadSealed).applicant).toMatchObject({ idNumber, mobile });
  });

  it("each resubmission adds a snapshot; the list shows what changed between them", async () => {
    const { applicant, id, enterpriseId } = await submittedCase();
    const reviewer = await staffActor("reviewer@center.demo");
    await returnForInformation(reviewer, { applicationId: id, version: 1, comment: "请补充", missingItems: ["近六个月银行流水"] });
    // The applicant replaces the bank statements and corrects the address while the case is theirs.
    const old = await db.document.findFirstOrThrow({ where: { applicationId: id, kind: "BANK_STATEMENTS", supersededAt: null } });
    await db.document.update({ where: { id: old.id }, data: { supersededAt: new Date() } });
    await db.document.create({
      data: { applicationId: id, kind: "BANK_STATEMENTS", version: 2, storageKey: `test/${id}/BANK_STATEMENTS/2`, fileName: "流水-补充.pdf",
        mimeType: "application/pdf", sizeBytes: 200, sha256: "1".repeat(64), uploadedById: applicant.userId },
    });
    await saveEnterprise(applicant, { ...(await enterpriseInput(enterpriseId)), address: "北京市西城区新址路 2 号" });

    const returned = (await caseForStaff(reviewer, id))!;
    expect(fields(returned.snapshots.sinceSnapshot)).toEqual(["enterprise.address", "documents.BANK_STATEMENTS"]);
    const doc = returned.snapshots.sinceSnapshot[1]!;
    expect(doc.section === "documents" && [doc.before?.fileName, doc.after?.fileName, doc.after?.version]).toEqual(["BANK_STATEMENTS.pdf", "流水-补充.pdf", 2]);

    await resubmitApplication(applicant, id, (await load(id)).version);
    const view = (await caseForStaff(reviewer, id))!;
    expect(view.snapshots.latest).toMatchObject({ sequence: 2, reason: "RESUBMITTED" });
    expect(view.snapshots.sinceSnapshot).toEqual([]);
    expect(view.enterprise.address).toBe("北京市西城区新址路 2 号");
    expect(view.snapshots.history.map((h) => [h.sequence, h.reason, fields(h.changes)])).toEqual([
      [1, "SUBMITTED", []],
      [2, "RESUBMITTED", ["enterprise.address", "documents.BANK_STATEMENTS"]],
    ]);
    // A repeated resubmission (double click) takes no second snapshot.
    await resubmitApplication(applicant, id, (await load(id)).version - 1);
    expect(await db.caseSnapshot.count({ where: { applicationId: id } })).toBe(2);
  });

  it("a renewal shows what changed in the person and the firm since the earlier loan's case", async () => {
    const { applicant, id: earlierId, enterpriseId } = await submittedCase();
    const earlier = await load(earlierId);
    const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
    // The earlier case ran its course: a settled loan.
    await db.loanApplication.update({ where: { id: earlierId }, data: { status: "SETTLED", closedAt: new Date() } });
    const loan = await db.loan.create({
      data: { applicationId: earlierId, enterpriseId, bankOrgId: bank.id, contractNo: `JK-${uniqueSuffix()}`, principalFen: 30_000_000n, annualRateMicros: 38_500,
        lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "SETTLED", disbursedOn: new Date("2025-01-05T00:00:00Z") },
    });
    await saveEnterprise(applicant, { ...(await enterpriseInput(enterpriseId)), employees: 14, annualRevenueYuan: 150_000_000n });
    await saveProfile(applicant, { ...(await profileInput(applicant.userId)), memberCardNo: `GH-NEW-${uniqueSuffix()}` });

    const { applicationId } = await startRenewal(applicant, loan.id);
    await saveLoanRequest(applicant, { applicationId, categoryCode: "SMALL_MICRO", amountYuan: 40_000_000n, termMonths: 12, purpose: "续贷扩大经营", repaymentSource: "经营收入" });
    await db.document.createMany({
      data: REQUIRED_DOCUMENTS.RENEWAL.map((kind) => ({ applicationId, kind, version: 1, storageKey: `t/${applicationId}/${kind}`, fileName: `${kind}.pdf`,
        mimeType: "application/pdf", sizeBytes: 100, sha256: "0".repeat(64), uploadedById: applicant.userId })),
    });
    await submitApplication(applicant, applicationId, (await load(applicationId)).version);

    const view = (await caseForStaff(await staffActor("reviewer@center.demo"), applicationId))!;
    expect(view.snapshots.renewal).toMatchObject({ number: earlier.number });
    // Request and papers of a new case always differ: only the person and the firm are compared.
    expect(fields(view.snapshots.renewal!.changes!)).toEqual(["applicant.memberCardNo", "enterprise.employees", "enterprise.annualRevenueFen"]);
    const revenue = view.snapshots.renewal!.changes![2]!;
    expect([revenue.before, revenue.after]).toEqual(["100000000", "150000000"]);
    expect(view.snapshots.sinceSnapshot).toEqual([]);

    // An earlier case without a snapshot (before they were kept) says so instead of comparing.
    await db.caseSnapshot.deleteMany({ where: { applicationId: earlierId } });
    expect((await caseForStaff(await staffActor("reviewer@center.demo"), applicationId))!.snapshots.renewal).toEqual({ number: earlier.number, takenAt: null, changes: null });
  });
});

describe("letters", () => {
  it("name the enterprise as it stood when the step was decided, not as renamed since", async () => {
    const { applicant, id, enterpriseId } = await submittedCase();
    const [reviewer, approver] = await Promise.all(["reviewer@center.demo", "approver@center.demo"].map(staffActor));
    const guarantor = await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } });
    await recommendApplication(reviewer!, { applicationId: id, version: 1, comment: "符合条件", checklist: { member: true, targetGroup: true, documents: true } });
    await confirmRecommendation(approver!, { applicationId: id, version: 2, comment: "复核同意", guarantorOrgId: guarantor.id });
    const submittedName = (await db.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } })).name;
    const renamed = `改名企业${uniqueSuffix()}`;
    await saveEnterprise(applicant, { ...(await enterpriseInput(enterpriseId)), name: renamed, legalRepName: "王改名" });

    const letter = await reviewLetter(approver!, id, "recommendation");
    const text = pdfText(letter!.pdf).replace(/\s+/g, "");
    expect(text).toContain(submittedName);
    expect(text).not.toContain(renamed);
    expect(text).not.toContain("王改名");
  });
});

describe("the pinned policy", () => {
  const policyData = (coolingDays: number) => ({
    version: 100_000 + Math.floor(Math.random() * 1_000_000_000), effectiveFrom: new Date("1990-01-01T00:00:00Z"), maxLoanFen: 50_000_000n, maxTermMonths: 36,
    subsidyRatioBp: 10_000, coolingDays, centerReviewDays: 5, guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5,
    returnAnswerDays: 15, greenChannelDays: 2, documentQuotaBytes: 50 * 1024 * 1024,
  });

  /** A case at the centre pinned to a version with `coolingDays`, its enterprise rejected `daysAgo` days ago. */
  async function pinnedCase(applicant: Actor & { kind: "APPLICANT" }, coolingDays: number, daysAgo: number) {
    // Dated 1990, these versions are never in force: only the cases pinned to them use them.
    const policy = await db.policyVersion.create({ data: policyData(coolingDays) });
    const draft = await createReadyDraft(applicant);
    await db.loanApplication.create({
      data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: draft.enterpriseId, status: "REJECTED", closedAt: new Date(Date.now() - daysAgo * 86_400_000) },
    });
    await db.loanApplication.update({ where: { id: draft.id }, data: { status: "CENTER_REVIEW", version: 1, submittedAt: new Date(), policyVersionId: policy.id } });
    return draft.id;
  }

  it("the centre's re-check judges the cooling period under the case's pinned version, never today's", async () => {
    const reviewer = await staffActor("reviewer@center.demo");
    const checklist = { member: true, targetGroup: true, documents: true };
    const inForce = await db.policyVersion.findFirstOrThrow({ where: { effectiveFrom: { lte: new Date() } }, orderBy: { effectiveFrom: "desc" } });
    expect(inForce.coolingDays).toBeGreaterThan(10);

    // Rejected 10 days ago: today's version would still be cooling; the pinned one (0 days) is not.
    const lenient = await pinnedCase(await createApplicant(), 0, 10);
    await recommendApplication(reviewer, { applicationId: lenient, version: 1, comment: "符合条件", checklist });
    expect((await load(lenient)).version).toBe(2);

    // Rejected long after today's cooling period ended, but the pinned version's (10 years) still runs.
    const strict = await pinnedCase(await createApplicant(), 3650, inForce.coolingDays + 5);
    const refused = await recommendApplication(reviewer, { applicationId: strict, version: 1, comment: "符合条件", checklist }).catch((e) => e);
    expect(refused).toMatchObject({ code: "INELIGIBLE" });
    expect(refused.blocks).toEqual([expect.objectContaining({ code: "COOLING", params: expect.objectContaining({ coolingDays: "3650" }) })]);
    expect((await load(strict)).version).toBe(1);
  });

  it("the case page names the pinned version and the day it took effect", async () => {
    const applicant = await createApplicant();
    const id = await pinnedCase(applicant, 0, 400);
    const view = (await caseForStaff(await staffActor("reviewer@center.demo"), id))!;
    const pinned = await db.policyVersion.findUniqueOrThrow({ where: { id: (await load(id)).policyVersionId! } });
    expect(view.policy).toMatchObject({ version: pinned.version, effectiveFrom: pinned.effectiveFrom });
  });
});
