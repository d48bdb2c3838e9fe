import { describe, expect, it } from "vitest";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { confirmRecommendation, recommendApplication } from "@/lib/reviews/services/center-review";
import { rejectApplication, returnForInformation } from "@/lib/reviews/services/return-or-reject";
import { issueGuarantee } from "@/lib/reviews/services/guarantor-review";
import { addCaseNote } from "@/lib/reviews/services/case-notes";
import { sendApplicantMessage } from "@/lib/reviews/services/applicant-messages";
import { staffTimeline } from "@/lib/reviews/queries";
import { timelineOf } from "@/lib/applications/timeline";
import { applicationForApplicant } from "@/lib/applications/queries";
import { myInbox } from "@/lib/notifications/inbox-queries";
import { wordsOfMessage } from "@/lib/reviews/applicant-message";
import { previewTemplates } from "@/lib/reviews/message-templates";
import { outcome as code } from "../support/outcome";
import { db, uniqueSuffix } from "../support/db";
import { auditCount, createApplicant, createReadyDraft, createStaff, staffActor } from "../support/factories";

const orgId = async (code: string) => (await db.organisation.findUniqueOrThrow({ where: { code } })).id;
const checklist = { member: true, targetGroup: true, documents: true };

/** Everything the applicant can be shown about a case, as one string to search. */
async function applicantView(applicant: Awaited<ReturnType<typeof createApplicant>>, id: string): Promise<string> {
  const [timeline, app, inbox, mails] = await Promise.all([
    timelineOf(id),
    applicationForApplicant(applicant, id),
    myInbox(applicant, { pageSize: 500 }),
    db.outboxEmail.findMany({ where: { to: `${applicant.userId}@mail.test` } }),
  ]);
  return JSON.stringify({ timeline, app, inbox, mails }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

async function applicantWithMail() {
  const applicant = await createApplicant();
  await db.user.update({ where: { id: applicant.userId }, data: { email: `${applicant.userId}@mail.test` } });
  return applicant;
}

/** A case at the bank: the centre recommended (maker and checker), the guarantor guaranteed. */
async function caseAtTheBank() {
  const applicant = await applicantWithMail();
  const reviewer = await staffActor("reviewer@center.demo");
  const approver = await staffActor("approver@center.demo");
  const guarantor = await staffActor("officer@guarantor.demo");
  const draft = await createReadyDraft(applicant, { amountFen: 20_000_000n });
  await submitApplication(applicant, draft.id, 0);
  await recommendApplication(reviewer, { applicationId: draft.id, version: 1, comment: "中心内部：经营流水偏弱，建议担保公司关注", checklist });
  await confirmRecommendation(approver, { applicationId: draft.id, version: 2, comment: "复核内部意见：同意", guarantorOrgId: await orgId("SCDB") });
  await issueGuarantee(guarantor, {
    applicationId: draft.id, version: 3, comment: "担保内部：反担保已落实", contractNo: `DB-${uniqueSuffix()}`,
    guaranteedFen: 20_000_000n, termMonths: 12, bankOrgId: await orgId("BJRCB"),
  });
  return { applicant, id: draft.id, reviewer, guarantor, bank: await staffActor("officer@bank.demo") };
}

describe("internal notes and messages to the applicant", () => {
  it("a guarantor's note is seen by the centre and the case's bank, not by the applicant nor by another bank", async () => {
    const { applicant, id, reviewer, guarantor, bank } = await caseAtTheBank();
    const note = `担保公司内部备注：实际控制人另有两笔经营贷 ${uniqueSuffix()}`;
    await addCaseNote(guarantor, { applicationId: id, note });
    expect(await auditCount(id, "application.note_added")).toBe(1);

    for (const reader of [reviewer, bank, guarantor]) {
      const entries = await staffTimeline(reader, id);
      const noted = entries?.find((e) => e.event === "note_added");
      expect(noted, reader.role).toMatchObject({ comment: note, message: null, by: { kind: "organisation", type: "GUARANTOR" } });
    }

    const otherBank = await db.organisation.create({ data: { code: `B-${uniqueSuffix()}`, type: "BANK", nameZh: "另一银行", nameEn: "Other bank" } });
    const stranger = await createStaff(otherBank.code, "BANK_OFFICER");
    expect(await staffTimeline(stranger, id)).toBeNull();

    const seen = await applicantView(applicant, id);
    expect(seen).not.toContain(note);
    expect((await timelineOf(id)).map((e) => e.event)).not.toContain("note_added");
  });

  it("decision comments stay between the organisations; the applicant gets each decision's template only", async () => {
    const { applicant, id } = await caseAtTheBank();
    const seen = await applicantView(applicant, id);
    for (const comment of ["中心内部：经营流水偏弱，建议担保公司关注", "复核内部意见：同意", "担保内部：反担保已落实"]) expect(seen).not.toContain(comment);
    // The templates did reach them, in the inbox and on the timeline.
    const codes = (await myInbox(applicant)).items.map((i) => ("code" in i.notice ? i.notice.code : null));
    expect(codes).toEqual(expect.arrayContaining(["recommendationConfirmed", "guaranteeIssued"]));
    const told = (await timelineOf(id)).filter((e) => e.message).map((e) => [e.event, e.message!.code, e.comment]);
    expect(told).toEqual([["recommendation_confirmed", "recommendationConfirmed", null], ["guarantee_issued", "guaranteeIssued", null]]);
  });

  it("a return's list and message reach the applicant word for word (the words the form previewed), its comment does not", async () => {
    const applicant = await applicantWithMail();
    const reviewer = await staffActor("reviewer@center.demo");
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const comment = "内部：申请人去年有一笔逾期，暂不对外说明";
    const written = "张女士您好：\n请补充 2025 年度报表（加盖公章）。{不是占位符} <b>原样</b>";
    const items = ["2025 年度财务报表（加盖公章）", "近六个月银行流水"];
    await returnForInformation(reviewer, { applicationId: draft.id, version: 1, comment, missingItems: items, applicantMessage: written });

    const returned = (await timelineOf(draft.id)).find((e) => e.event === "returned")!;
    expect(returned.comment).toBeNull();
    expect(returned.missingItems).toEqual(items);
    expect(returned.message).toMatchObject({ code: "applicationReturned", text: written });
    expect(returned.message!.params.items).toBe("2025 年度财务报表（加盖公章）；近六个月银行流水");

    const inbox = (await myInbox(applicant)).items.find((i) => i.applicationId === draft.id)!;
    expect(inbox.notice).toMatchObject({ code: "applicationReturned", params: { staffText: written, number: draft.number } });
    // The mail carries the template in the programme's language and the words as written:
    // exactly what the staff form's preview renders from the same templates.
    const preview = previewTemplates();
    const words = wordsOfMessage(preview.locale, preview.templates, returned.message!);
    const mail = await db.outboxEmail.findFirst({ where: { to: `${applicant.userId}@mail.test`, subject: { contains: words.title } } });
    expect(mail!.body).toBe(`${words.body}\n\n${written}`);
    expect(words.body).toContain("2025 年度财务报表（加盖公章）；近六个月银行流水");

    expect(await applicantView(applicant, draft.id)).not.toContain(comment);
    // The staff still read the comment, and what the applicant was told, on their timeline.
    const staffSide = (await staffTimeline(reviewer, draft.id))!.find((e) => e.event === "returned")!;
    expect(staffSide).toMatchObject({ comment, message: { text: written } });
  });

  it("a refusal tells the reason from its code and the words written; the comment stays internal", async () => {
    const applicant = await applicantWithMail();
    const reviewer = await staffActor("reviewer@center.demo");
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    await rejectApplication(reviewer, { applicationId: draft.id, version: 1, comment: "内部：会员证号查无此人", reasonCode: "NOT_MEMBER", applicantMessage: "如有疑问请致电 12351。" });
    const rejected = (await timelineOf(draft.id)).find((e) => e.event === "rejected")!;
    expect(rejected).toMatchObject({ comment: null, message: { code: "applicationRejected", params: { reasonCode: "NOT_MEMBER" }, text: "如有疑问请致电 12351。" } });
    const mail = await db.outboxEmail.findFirst({ where: { to: `${applicant.userId}@mail.test`, subject: { contains: "未获通过" } } });
    expect(mail!.body).toContain("非工会会员或会籍无效");
    expect(mail!.body).toContain("如有疑问请致电 12351。");
    expect(await applicantView(applicant, draft.id)).not.toContain("会员证号查无此人");
  });

  it("a recommendation that routes the case at once (no checker) tells the applicant; a maker's proposal does not", async () => {
    const applicant = await applicantWithMail();
    const reviewer = await staffActor("reviewer@center.demo");
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    // Pin the case to a version of the policy without maker-checker (a copy of its own).
    const pinned = await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id }, include: { policyVersion: true } });
    const top = await db.policyVersion.aggregate({ _max: { version: true } });
    const terms = { ...pinned.policyVersion!, id: undefined, version: (top._max.version ?? 0) + 1000, recommendNeedsChecker: false };
    const direct = await db.policyVersion.create({ data: terms });
    await db.loanApplication.update({ where: { id: draft.id }, data: { policyVersionId: direct.id } });
    await recommendApplication(reviewer, {
      applicationId: draft.id, version: 1, comment: "中心内部：直接推荐", checklist, guarantorOrgId: await orgId("SCDB"), applicantMessage: "请留意担保公司来电。",
    });
    const recommended = (await timelineOf(draft.id)).find((e) => e.event === "recommended")!;
    expect(recommended).toMatchObject({ comment: null, message: { code: "recommendationConfirmed", text: "请留意担保公司来电。" } });
    expect(await applicantView(applicant, draft.id)).not.toContain("中心内部：直接推荐");
    await db.loanApplication.update({ where: { id: draft.id }, data: { policyVersionId: pinned.policyVersionId } });
    await db.policyVersion.delete({ where: { id: direct.id } });
  });

  it("a message of its own reaches the applicant as written, once, and stays on record unchanged", async () => {
    const { applicant, id, bank } = await caseAtTheBank();
    const text = "您好，银行需要核实经营场所，请保持电话畅通。";
    await sendApplicantMessage(bank, { applicationId: id, text });
    const sent = (await timelineOf(id)).filter((e) => e.event === "message_sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ by: { kind: "organisation", type: "BANK" }, message: { code: "caseMessage", params: { orgType: "BANK" }, text } });
    const inbox = (await myInbox(applicant)).items.filter((i) => "code" in i.notice && i.notice.code === "caseMessage");
    expect(inbox.map((i) => ("code" in i.notice ? i.notice.params.staffText : null))).toEqual([text]);
    // The audit log is the record of what was sent: it refuses any change.
    const event = await db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "application.message_sent" } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { data: { message: { code: "caseMessage", params: {}, text: "改过的" } } } })).rejects.toThrow();
    expect((await timelineOf(id)).find((e) => e.event === "message_sent")!.message!.text).toBe(text);
    // The inbox copy too: its words are fixed by the database; only the read mark moves.
    const row = await db.notification.findFirstOrThrow({ where: { userId: applicant.userId, code: "caseMessage", applicationId: id } });
    await expect(db.notification.update({ where: { id: row.id }, data: { params: { ...(row.params as object), staffText: "改过的" } } })).rejects.toThrow();
    await expect(db.notification.update({ where: { id: row.id }, data: { body: "改过的" } })).rejects.toThrow();
    await db.notification.update({ where: { id: row.id }, data: { readAt: new Date() } });
    expect((await db.notification.findUniqueOrThrow({ where: { id: row.id } })).params).toMatchObject({ staffText: text });
  });

  it("an outsider cannot add a note or send a message: the case does not exist for them, and nothing is written", async () => {
    const { id } = await caseAtTheBank();
    const otherBank = await db.organisation.create({ data: { code: `B-${uniqueSuffix()}`, type: "BANK", nameZh: "另一银行", nameEn: "Other bank" } });
    const otherGuarantor = await db.organisation.create({ data: { code: `G-${uniqueSuffix()}`, type: "GUARANTOR", nameZh: "另一担保", nameEn: "Other guarantor" } });
    const otherUnion = await db.organisation.create({ data: { code: `U-${uniqueSuffix()}`, type: "DISTRICT_UNION", nameZh: "另一区总工会", nameEn: "Other union" } });
    const outsiders = [
      await createStaff(otherBank.code, "BANK_OFFICER"),
      await createStaff(otherGuarantor.code, "GUARANTOR_OFFICER"),
      await createStaff(otherUnion.code, "DISTRICT_AGENT"),
      await createStaff("BJZGHZ", "AUDITOR"),
    ];
    const before = await db.auditEvent.count({ where: { applicationId: id } });
    for (const outsider of outsiders) {
      expect(await code(addCaseNote(outsider, { applicationId: id, note: "不该写进来的备注" })), outsider.role).toBe("NOT_FOUND");
      expect(await code(sendApplicantMessage(outsider, { applicationId: id, text: "不该发出的消息" })), outsider.role).toBe("NOT_FOUND");
    }
    expect(await db.auditEvent.count({ where: { applicationId: id } })).toBe(before);
    expect(await db.notification.count({ where: { applicationId: id, params: { path: ["staffText"], equals: "不该发出的消息" } } })).toBe(0);
  });
});
