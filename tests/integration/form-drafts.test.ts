import { describe, expect, it } from "vitest";
import { autosaveForm } from "@/lib/applications/services/form-drafts";
import { formDraftOf } from "@/lib/applications/draft-queries";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { draftFieldsOf, DRAFT_VALUE_MAX } from "@/lib/applications/drafts";
import { outcome as code } from "../support/outcome";
import { db } from "../support/db";
import { createApplicant, createEnterprise, createReadyDraft, staffActor } from "../support/factories";
import { makeCreditCode, makeIdNumber } from "../support/ids";
import { worded } from "../support/words";

/** The same code with a different (wrong) check character. */
const badCheck = (good: string) => good.slice(0, 17) + (good.endsWith("0") ? "1" : "0");

const enterpriseFields = (creditCode: string) => ({
  name: "测试草稿企业", creditCode, legalRepName: "张三", address: "北京市东城区测试路 1 号", industry: "软件",
  foundedOn: "2020-01-01", employees: "5", annualRevenueYuan: "1000000", hasUnion: "on", unionMemberCount: "5",
});

describe("applicant drafts keep what was typed", () => {
  it("keeps half an amount and a wrong term as typed, with hints, and leaves the case untouched", async () => {
    const applicant = await createApplicant();
    const app = await createReadyDraft(applicant);
    const typed = { categoryCode: "SMALL_MICRO", amountYuan: "12.3.4", termMonths: "1 2", purpose: "采购", repaymentSource: "" };
    const saved = await autosaveForm(applicant, "LOAN_REQUEST", app.id, typed);
    expect(saved.applied).toBe(false);
    expect(Object.keys(saved.fieldErrors).sort()).toEqual(["amountYuan", "purpose", "repaymentSource", "termMonths"]);
    const draft = await formDraftOf(applicant.userId, "LOAN_REQUEST", app.id);
    expect(draft?.fields).toEqual(typed);
    expect(draft?.fieldErrors).toEqual(saved.fieldErrors);
    // The case itself still holds what was last valid.
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: app.id } })).amountFen).toBe(app.amountFen);
  });

  it("submission refuses a case while a draft of its steps holds invalid input, naming the fields", async () => {
    const applicant = await createApplicant();
    const app = await createReadyDraft(applicant);
    await autosaveForm(applicant, "LOAN_REQUEST", app.id, { categoryCode: "SMALL_MICRO", amountYuan: "30万", termMonths: "12", purpose: "采购设备", repaymentSource: "经营收入" });
    const refused = await submitApplication(applicant, app.id, app.version).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "DRAFT_PENDING" });
    expect(Object.keys((refused as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["LOAN_REQUEST.amountYuan"]);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: app.id } })).status).toBe("DRAFT");
    // Fixed: the valid input becomes the case itself, the draft goes, and the case can be submitted.
    const fixed = await autosaveForm(applicant, "LOAN_REQUEST", app.id, { categoryCode: "SMALL_MICRO", amountYuan: "300000", termMonths: "12", purpose: "采购设备", repaymentSource: "经营收入" });
    expect(fixed).toMatchObject({ applied: true, fieldErrors: {} });
    expect(await formDraftOf(applicant.userId, "LOAN_REQUEST", app.id)).toBeNull();
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: app.id } })).amountFen).toBe(30_000_000n);
    expect(await submitApplication(applicant, app.id, app.version)).toMatchObject({ status: "CENTER_REVIEW" });
  });

  it("an enterprise with a credit code whose check character is wrong is kept as a draft; the case using it cannot be submitted", async () => {
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const app = await createReadyDraft(applicant, { enterpriseId: enterprise.id });
    const wrong = badCheck(makeCreditCode());
    const saved = await autosaveForm(applicant, "ENTERPRISE", enterprise.id, enterpriseFields(wrong));
    expect(saved.applied).toBe(false);
    expect(Object.keys(saved.fieldErrors)).toEqual(["creditCode"]);
    expect(saved.fieldErrors.creditCode!.map((m) => worded(m))).toEqual([expect.stringContaining("校验位")]);
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: enterprise.id } })).creditCode).toBe(enterprise.creditCode);
    expect((await formDraftOf(applicant.userId, "ENTERPRISE", enterprise.id))?.fields.creditCode).toBe(wrong);
    expect(await code(submitApplication(applicant, app.id, app.version))).toBe("DRAFT_PENDING");
    const good = makeCreditCode();
    expect(await autosaveForm(applicant, "ENTERPRISE", enterprise.id, enterpriseFields(good))).toMatchObject({ applied: true });
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: enterprise.id } })).creditCode).toBe(good);
    expect(await submitApplication(applicant, app.id, app.version)).toMatchObject({ status: "CENTER_REVIEW" });
  });

  it("on a returned case, a valid amount caught half-typed is only a draft: standing approvals are never voided by autosave", async () => {
    const applicant = await createApplicant();
    const app = await createReadyDraft(applicant);
    await db.loanApplication.update({ where: { id: app.id }, data: { status: "RETURNED", returnedFrom: "BANK_REVIEW" } });
    const saved = await autosaveForm(applicant, "LOAN_REQUEST", app.id, { categoryCode: "SMALL_MICRO", amountYuan: "3", termMonths: "12", purpose: "采购设备", repaymentSource: "经营收入" });
    expect(saved).toMatchObject({ applied: false, fieldErrors: {} });
    const after = await db.loanApplication.findUniqueOrThrow({ where: { id: app.id } });
    expect(after).toMatchObject({ amountFen: app.amountFen, returnedFrom: "BANK_REVIEW" });
    expect(await db.auditEvent.count({ where: { applicationId: app.id, action: "application.approvals_voided" } })).toBe(0);
    // The resubmission waits until "save and continue" saves it.
    expect(await code(resubmitApplication(applicant, app.id, app.version))).toBe("DRAFT_PENDING");
  });

  it("a new enterprise stays a draft even when valid (nothing is created until its form is sent)", async () => {
    const applicant = await createApplicant();
    const saved = await autosaveForm(applicant, "ENTERPRISE", "", enterpriseFields(makeCreditCode()));
    expect(saved).toMatchObject({ applied: false, fieldErrors: {} });
    expect(await db.enterprise.count({ where: { representativeId: applicant.userId } })).toBe(0);
  });

  it("an ID number typed into the profile draft is sealed at rest", async () => {
    const applicant = await createApplicant({ profile: false });
    const idNumber = makeIdNumber();
    const mobile = "13912345678";
    const saved = await autosaveForm(applicant, "PROFILE", "", { fullName: "李四", idNumber, mobile, unionName: "测", memberCardNo: "" });
    expect(saved.applied).toBe(false);
    const [row] = await db.$queryRawUnsafe<{ fieldsSealed: string }[]>(`SELECT "fieldsSealed" FROM "FormDraft" WHERE "userId" = $1::uuid`, applicant.userId);
    expect(row!.fieldsSealed).not.toContain(idNumber);
    expect(row!.fieldsSealed).not.toContain(mobile);
    expect((await formDraftOf(applicant.userId, "PROFILE", ""))?.fields.idNumber).toBe(idNumber);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "draft.kept", actorId: applicant.userId } });
    expect(JSON.stringify(audit.data)).not.toContain(idNumber);
  });

  it("someone else's case or enterprise is not found, and staff have no drafts", async () => {
    const owner = await createApplicant();
    const other = await createApplicant();
    const app = await createReadyDraft(owner);
    const fields = { categoryCode: "SMALL_MICRO", amountYuan: "1", termMonths: "1", purpose: "x", repaymentSource: "y" };
    expect(await code(autosaveForm(other, "LOAN_REQUEST", app.id, fields))).toBe("NOT_FOUND");
    expect(await code(autosaveForm(other, "ENTERPRISE", app.enterpriseId, enterpriseFields("x")))).toBe("NOT_FOUND");
    expect(await code(autosaveForm(await staffActor("reviewer@center.demo"), "LOAN_REQUEST", app.id, fields))).toBe("NOT_FOUND");
    expect(await db.formDraft.count({ where: { userId: other.userId } })).toBe(0);
  });

  it("a draft keeps only the form's own fields, cut to a sane length", () => {
    const data = new FormData();
    data.set("amountYuan", "9".repeat(DRAFT_VALUE_MAX + 50));
    data.set("applicantId", "someone-else");
    expect(draftFieldsOf("LOAN_REQUEST", data)).toEqual({ amountYuan: "9".repeat(DRAFT_VALUE_MAX) });
  });
});
