import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, StaffActor } from "@/lib/auth/roles";
import { registerMember } from "@/lib/intake/services/register-member";
import { startAssistedApplication } from "@/lib/intake/services/start-assisted-application";
import { assistedCase, assistedCases, findMemberByMobile } from "@/lib/intake/queries";
import { memberLookupSchema, registerMemberSchema, startAssistedSchema, type StartAssistedInput } from "@/lib/intake/schemas";
import { intakeChannelCounts } from "@/lib/stats/intake-channels";
import { setPasswordWithLink } from "@/lib/auth/services/password-links";
import { verifyPassword } from "@/lib/auth/password";
import { grantConsent } from "@/lib/applications/services/consents";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { saveLoanRequest, startApplication } from "@/lib/applications/services/drafts";
import { saveProfile } from "@/lib/applications/services/save-profile";
import { saveEnterprise } from "@/lib/applications/services/save-enterprise";
import { uploadDocument } from "@/lib/documents/services/upload-document";
import { REQUIRED_DOCUMENTS } from "@/lib/applications/required-documents";
import { timelineOf } from "@/lib/applications/timeline";
import { unseal } from "@/lib/personal-data/sealed";
import { db, uniqueSuffix } from "../support/db";
import { outcome } from "../support/outcome";
import { createApplicant, createEnterprise, createStaff, ensureReferenceData } from "../support/factories";
import { makeCreditCode, makeIdNumber, makeMobile } from "../support/ids";
import { ascii, concat, png } from "../support/sample-files";
import { documentChecklist, missingDocuments } from "@/lib/applications/required-documents";
import { listDocuments } from "@/lib/documents/queries";
import { MAX_DOCUMENT_PAGES } from "@/lib/documents/limits";
import { BASE_ORGANISATION } from "@/lib/setup/programme-defaults";

const pdf = (tag: string): Uint8Array =>
  ascii(`%PDF-1.4\n% ${tag}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);

/** A phone photo's shape: JPEG (JFIF) start, some data, the end-of-image marker. */
const jpeg = (tag: string): Uint8Array =>
  concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), ascii(`JFIF ${tag}`), new Uint8Array([0xff, 0xd9]));

const ORIGIN = "https://portal.test";

let agent: StaffActor;
let foreignAgent: StaffActor;
let reviewer: StaffActor;

beforeAll(async () => {
  await ensureReferenceData();
  agent = await createStaff("CYQZGH", "DISTRICT_AGENT");
  const code = `T${uniqueSuffix()}`.toUpperCase();
  await db.organisation.create({ data: { code, type: "DISTRICT_UNION", nameZh: `测试区总工会${code}`, nameEn: code } });
  foreignAgent = await createStaff(code, "DISTRICT_AGENT");
  reviewer = await createStaff(BASE_ORGANISATION.code, "CENTER_REVIEWER");
});

/** The texts queued to a number, opened, oldest first (rows other tests wrote with made-up seals are skipped). */
async function textsTo(mobile: string): Promise<string[]> {
  const rows = await db.outboxSms.findMany({ orderBy: { createdAt: "asc" }, select: { toSealed: true, bodySealed: true } });
  const to = (sealed: string): string | null => {
    try {
      return unseal(sealed, "OutboxSms.to");
    } catch {
      return null;
    }
  };
  return rows.filter((r) => to(r.toSealed) === mobile).map((r) => unseal(r.bodySealed, "OutboxSms.body"));
}

const enterpriseInput = (memberId: string, creditCode = makeCreditCode()): StartAssistedInput =>
  startAssistedSchema.parse({
    memberId, name: "朝阳小面馆有限公司", creditCode, legalRepName: "王小明", address: "北京市朝阳区测试路 1 号",
    industry: "餐饮", foundedOn: "2020-03-01", employees: "6", annualRevenueYuan: "800000", hasUnion: "on", unionMemberCount: "4",
  });

/** The same enterprise as the applicant's own form sends it. */
const ownInput = (creditCode = makeCreditCode()) => {
  const { memberId: _member, ...fields } = enterpriseInput("00000000-0000-4000-8000-000000000000", creditCode);
  void _member;
  return fields;
};

async function registered(): Promise<{ mobile: string; memberId: string }> {
  const mobile = makeMobile();
  const { userId } = await registerMember(agent, registerMemberSchema.parse({ mobile, displayName: "王小明" }), ORIGIN);
  return { mobile, memberId: userId };
}

describe("the desk finds or registers a member", () => {
  it("registers a new member: mobile sealed, no usable password, a claim text with a one-time link, the agent on record", async () => {
    const mobile = makeMobile();
    expect(await findMemberByMobile(agent, mobile)).toEqual({ kind: "none" });
    const { userId } = await registerMember(agent, registerMemberSchema.parse({ mobile, displayName: "王小明" }), ORIGIN);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { membership: true } });
    expect(user.membership).toBeNull();
    expect(user.mobileSealed).not.toContain(mobile);
    expect(unseal(user.mobileSealed!, "User.mobile")).toBe(mobile);
    expect(await verifyPassword(user.passwordHash, "")).toBe(false);
    const texts = await textsTo(mobile);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("朝阳区总工会代办处");
    expect(texts[0]).toMatch(new RegExp(`${ORIGIN}/set-password\\?token=[\\w-]{40,}`));
    expect(await db.passwordToken.count({ where: { userId, purpose: "CLAIM", usedAt: null } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: userId, action: "intake.member_registered" } });
    expect(audit).toMatchObject({ actorId: agent.userId, organisationId: agent.organisationId });

    const match = await findMemberByMobile(agent, mobile);
    expect(match).toEqual({ kind: "member", userId, displayName: "王小明", mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`, claimed: false });
  });

  it("refuses a malformed mobile, a number that has an account, and anyone but an agent; nothing is stored", async () => {
    expect(memberLookupSchema.safeParse({ mobile: "1380013" }).success).toBe(false);
    expect(registerMemberSchema.safeParse({ mobile: "23800138000", displayName: "王小明" }).success).toBe(false);

    const { mobile } = await registered();
    const [users, texts] = [await db.user.count(), (await textsTo(mobile)).length];
    const again = registerMember(agent, registerMemberSchema.parse({ mobile, displayName: "别人" }), ORIGIN);
    await expect(again).rejects.toMatchObject({ code: "DUPLICATE", detail: { key: "intake.errors.mobileTaken" } });
    const applicant = await createApplicant();
    const fresh = makeMobile();
    for (const outsider of [reviewer, applicant] as Actor[]) {
      expect(await outcome(registerMember(outsider, registerMemberSchema.parse({ mobile: fresh, displayName: "王小明" }), ORIGIN))).toBe("NOT_FOUND");
      expect(await findMemberByMobile(outsider, mobile)).toEqual({ kind: "none" });
    }
    expect(await db.user.count()).toBe(users + 1); // the applicant made above, nothing else
    expect((await textsTo(mobile)).length).toBe(texts);
    expect(await textsTo(fresh)).toEqual([]);
  });

  it("with the member's e-mail the account keeps it and the same one-time link goes out by text and by e-mail", async () => {
    const mobile = makeMobile();
    const email = `Member.${uniqueSuffix()}@Example.test`;
    const { userId } = await registerMember(agent, registerMemberSchema.parse({ mobile, displayName: "李小红", email: ` ${email} ` }), ORIGIN);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    expect(user.email).toBe(email.toLowerCase());
    const texts = await textsTo(mobile);
    expect(texts).toHaveLength(1);
    const mails = await db.outboxEmail.findMany({ where: { to: email.toLowerCase() } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("【暖·创贷】请认领您的申请账号");
    expect(mails[0]!.body).toContain("李小红，您好");
    expect(mails[0]!.body).toContain("朝阳区总工会代办处");
    const linkPattern = new RegExp(`${ORIGIN}/set-password\\?token=[\\w-]{40,}`);
    const smsLink = texts[0]!.match(linkPattern)?.[0];
    expect(smsLink).toBeDefined();
    expect(mails[0]!.body.match(linkPattern)?.[0]).toBe(smsLink);
    expect(await db.passwordToken.count({ where: { userId, purpose: "CLAIM", usedAt: null } })).toBe(1);
    // The link claims the account once.
    const token = new URL(smsLink!).searchParams.get("token")!;
    await setPasswordWithLink(token, "Claimed-Password-2026!");
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash, "Claimed-Password-2026!")).toBe(true);
  });

  it("refuses an address that already has an account, with a clear message; nothing is created or sent", async () => {
    const email = `taken.${uniqueSuffix()}@example.test`;
    await registerMember(agent, registerMemberSchema.parse({ mobile: makeMobile(), displayName: "王小明", email }), ORIGIN);
    const mobile = makeMobile();
    const [users, mails, tokens] = [await db.user.count(), await db.outboxEmail.count(), await db.passwordToken.count()];
    const again = registerMember(agent, registerMemberSchema.parse({ mobile, displayName: "别人", email: email.toUpperCase() }), ORIGIN);
    await expect(again).rejects.toMatchObject({ code: "DUPLICATE", detail: { key: "intake.errors.emailTaken" }, fieldErrors: { email: [{ key: "intake.errors.emailTaken" }] } });
    expect([await db.user.count(), await db.outboxEmail.count(), await db.passwordToken.count()]).toEqual([users, mails, tokens]);
    expect(await textsTo(mobile)).toEqual([]);
    expect(registerMemberSchema.safeParse({ mobile, displayName: "王小明", email: "not-an-address" }).success).toBe(false);
    expect(registerMemberSchema.parse({ mobile, displayName: "王小明", email: "" }).email).toBeUndefined();
  });

  it("a staff account's number cannot be an applicant", async () => {
    const mobile = makeMobile();
    await db.user.update({ where: { id: reviewer.userId }, data: (await import("@/lib/personal-data/sealed")).userMobileColumns(mobile) });
    expect(await findMemberByMobile(agent, mobile)).toEqual({ kind: "unavailable" });
  });
});

describe("the desk starts the application", () => {
  it("creates the enterprise and a draft of the district union's channel, with the agent on record and the member told", async () => {
    const { memberId } = await registered();
    const { applicationId } = await startAssistedApplication(agent, enterpriseInput(memberId));
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId }, include: { enterprise: true } });
    expect(app).toMatchObject({
      status: "DRAFT", applicantId: memberId, intakeChannel: "DISTRICT_UNION", intakeOrgId: agent.organisationId, intakeAgentId: agent.userId,
    });
    expect(app.enterprise).toMatchObject({ representativeId: memberId, name: "朝阳小面馆有限公司", annualRevenueFen: 80_000_000n, unionMemberCount: 4 });
    const created = await db.auditEvent.findFirstOrThrow({ where: { applicationId, action: "application.created" } });
    expect(created).toMatchObject({ actorId: agent.userId, organisationId: agent.organisationId });
    expect(await db.notification.count({ where: { userId: memberId, applicationId } })).toBe(1);

    const timeline = await timelineOf(applicationId, { internal: true });
    expect(timeline[0]).toMatchObject({ event: "created", by: { kind: "organisation", name: "朝阳区总工会代办处", person: agent.displayName } });

    const list = await assistedCases(agent);
    expect(list.find((r) => r.id === applicationId)).toMatchObject({ channel: "DISTRICT_UNION", waitingForApplicant: true, agentName: agent.displayName });
    expect((await assistedCases(foreignAgent)).some((r) => r.id === applicationId)).toBe(false);
    expect(await assistedCase(foreignAgent, applicationId)).toBeNull();
    expect(await assistedCase(agent, applicationId)).toMatchObject({ number: app.number, waitingForApplicant: true });
  });

  it("refuses a second open case for the enterprise, another account's enterprise and an unknown member; nothing is stored", async () => {
    const { memberId } = await registered();
    const creditCode = makeCreditCode();
    await startAssistedApplication(agent, enterpriseInput(memberId, creditCode));
    const before = { apps: await db.loanApplication.count(), firms: await db.enterprise.count() };
    await expect(startAssistedApplication(agent, enterpriseInput(memberId, creditCode))).rejects.toMatchObject({ code: "DUPLICATE", detail: { key: "intake.errors.openCase" } });

    const other = await createApplicant();
    const othersFirm = await createEnterprise(other);
    await expect(startAssistedApplication(agent, enterpriseInput(memberId, othersFirm.creditCode))).rejects.toMatchObject({ code: "DUPLICATE", detail: { key: "intake.errors.creditCodeTaken" } });
    expect(await outcome(startAssistedApplication(agent, enterpriseInput(reviewer.userId)))).toBe("NOT_FOUND");
    expect(await outcome(startAssistedApplication(agent, enterpriseInput("00000000-0000-4000-8000-000000000000")))).toBe("NOT_FOUND");
    expect(await outcome(startAssistedApplication(reviewer, enterpriseInput(memberId)))).toBe("NOT_FOUND");
    expect(await outcome(startAssistedApplication(other, enterpriseInput(memberId)))).toBe("NOT_FOUND");
    expect({ apps: await db.loanApplication.count(), firms: await db.enterprise.count() }).toEqual({ apps: before.apps, firms: before.firms + 1 });
  });

  it("the agent uploads the desk's papers; an agent of another district union finds no such case", async () => {
    const { memberId } = await registered();
    const { applicationId } = await startAssistedApplication(agent, enterpriseInput(memberId));
    const doc = await uploadDocument(agent, applicationId, "BUSINESS_LICENCE", "licence.pdf", pdf("licence"));
    expect(doc.version).toBe(1);
    expect(await outcome(uploadDocument(foreignAgent, applicationId, "ID_CARD_FRONT", "id.pdf", pdf("id")))).toBe("NOT_FOUND");
    expect(await db.document.count({ where: { applicationId } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { applicationId, action: "application.document_uploaded" } });
    expect(event).toMatchObject({ actorId: agent.userId, organisationId: agent.organisationId });
  });

  it("several pages of one document: phone photos and a scan uploaded by the agent, every page shown to the member in order", async () => {
    const { memberId } = await registered();
    const { applicationId } = await startAssistedApplication(agent, enterpriseInput(memberId));
    await uploadDocument(agent, applicationId, "BANK_STATEMENTS", "流水 第1页.jpg", jpeg("p1"));
    const second = await uploadDocument(agent, applicationId, "BANK_STATEMENTS", "IMG_0002.PNG", png(), { addPage: true });
    await uploadDocument(agent, applicationId, "BANK_STATEMENTS", "第3页.pdf", pdf("p3"), { addPage: true });
    expect(second).toMatchObject({ mimeType: "image/png", superseded: false });
    const pageEvents = await db.auditEvent.findMany({ where: { applicationId, action: "application.document_uploaded" }, orderBy: { id: "asc" } });
    expect(pageEvents.map((e) => (e.data as { page: number }).page)).toEqual([1, 2, 3]);

    const member: Actor = { kind: "APPLICANT", userId: memberId, role: "APPLICANT", displayName: "王小明" };
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { kind: true, status: true } });
    for (const checklist of [await documentChecklist(applicationId, app.kind), await documentChecklist(applicationId, app.kind, { actor: member, status: app.status })]) {
      const statements = checklist.find((i) => i.kind === "BANK_STATEMENTS")!;
      expect(statements.pages.map((p) => [p.fileName, p.readable])).toEqual([["流水 第1页.jpg", true], ["IMG_0002.png", true], ["第3页.pdf", true]]);
      expect(statements.current?.fileName).toBe("流水 第1页.jpg");
    }
    expect((await listDocuments(member, applicationId)).filter((d) => d.kind === "BANK_STATEMENTS" && !d.superseded)).toHaveLength(3);
    // The papers count as present for the submission check.
    expect(await missingDocuments(applicationId, app.kind)).not.toContain("BANK_STATEMENTS");

    // Taken again from the start: a replacement supersedes every page (kept on record).
    await uploadDocument(agent, applicationId, "BANK_STATEMENTS", "重新扫描.pdf", pdf("all"));
    const after = (await documentChecklist(applicationId, app.kind)).find((i) => i.kind === "BANK_STATEMENTS")!;
    expect(after.pages.map((p) => p.fileName)).toEqual(["重新扫描.pdf"]);
    expect(await db.document.count({ where: { applicationId, kind: "BANK_STATEMENTS" } })).toBe(4);

    // At most MAX_DOCUMENT_PAGES pages; the refusal stores nothing.
    for (let i = 2; i <= MAX_DOCUMENT_PAGES; i++) await uploadDocument(agent, applicationId, "BANK_STATEMENTS", `p${i}.png`, png(), { addPage: true });
    const before = await db.document.count({ where: { applicationId } });
    await expect(uploadDocument(agent, applicationId, "BANK_STATEMENTS", "too-many.png", png(), { addPage: true }))
      .rejects.toMatchObject({ code: "VALIDATION", detail: { key: "case.documents.tooManyPages", values: { max: MAX_DOCUMENT_PAGES } } });
    expect(await db.document.count({ where: { applicationId } })).toBe(before);
    // Another district's agent cannot add a page either.
    expect(await outcome(uploadDocument(foreignAgent, applicationId, "BANK_STATEMENTS", "x.png", png(), { addPage: true }))).toBe("NOT_FOUND");
  });

  it("an online draft is of the online channel", async () => {
    const applicant = await createApplicant();
    const { enterpriseId } = await saveEnterprise(applicant, ownInput());
    const { applicationId } = await startApplication(applicant, enterpriseId);
    expect(await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ intakeChannel: "ONLINE", intakeOrgId: null, intakeAgentId: null });
  });
});

describe("only the applicant consents and submits", () => {
  it("the agent cannot consent or submit; the member claims the account, corrects, consents and submits", async () => {
    const { mobile, memberId } = await registered();
    const { applicationId } = await startAssistedApplication(agent, enterpriseInput(memberId));
    for (const kind of REQUIRED_DOCUMENTS.NEW) await uploadDocument(agent, applicationId, kind, `${kind}.pdf`, pdf(kind));

    expect(await outcome(grantConsent(agent, "SENSITIVE_PERSONAL_INFO", null))).toBe("NOT_FOUND");
    expect(await outcome(grantConsent(agent, "CREDIT_REPORT_AUTHORISATION", null))).toBe("NOT_FOUND");
    expect(await outcome(submitApplication(agent, applicationId, 0))).toBe("FORBIDDEN");
    expect(await outcome(resubmitApplication(agent, applicationId, 0))).toBe("FORBIDDEN");
    expect(await outcome(saveLoanRequest(agent, { applicationId, categoryCode: "SMALL_MICRO", amountYuan: 100n, termMonths: 12, purpose: "采购设备", repaymentSource: "经营收入" }))).toBe("NOT_FOUND");
    expect(await db.consent.count({ where: { userId: { in: [agent.userId, memberId] } } })).toBe(0);
    expect(await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "DRAFT", version: 0 });

    // The member claims the account with the text's link, once.
    const token = new URL((await textsTo(mobile))[0]!.match(/https:\/\/\S+/)![0]).searchParams.get("token")!;
    await setPasswordWithLink(token, "Chaoyang-Noodles-2026");
    await expect(setPasswordWithLink(token, "Another-Password-2026")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const user = await db.user.findUniqueOrThrow({ where: { id: memberId } });
    expect(await verifyPassword(user.passwordHash, "Chaoyang-Noodles-2026")).toBe(true);
    expect(await findMemberByMobile(agent, mobile)).toMatchObject({ kind: "member", claimed: true });

    const member: Actor = { kind: "APPLICANT", userId: memberId, role: "APPLICANT", displayName: user.displayName };
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId }, include: { enterprise: true } });
    // The member corrects a field the agent typed.
    await saveEnterprise(member, { ...ownInput(app.enterprise.creditCode), enterpriseId: app.enterpriseId, employees: 7 });
    await saveProfile(member, { fullName: "王小明", idNumber: makeIdNumber(), mobile, unionName: "朝阳区餐饮业工会", memberCardNo: "GH-2026-1", targetGroupCode: null });
    await saveLoanRequest(member, { applicationId, categoryCode: "SMALL_MICRO", amountYuan: 20_000_000n, termMonths: 12, purpose: "采购厨房设备", repaymentSource: "经营收入" });
    await grantConsent(member, "SENSITIVE_PERSONAL_INFO", null);
    await grantConsent(member, "CREDIT_REPORT_AUTHORISATION", null);
    const version = (await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } })).version;
    const result = await submitApplication(member, applicationId, version);
    expect(result).toMatchObject({ status: "CENTER_REVIEW", repeated: false });
    const submitted = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId }, include: { enterprise: true } });
    expect(submitted).toMatchObject({ intakeChannel: "DISTRICT_UNION", intakeAgentId: agent.userId });
    expect(submitted.enterprise.employees).toBe(7);
    const submittedEvent = await db.auditEvent.findFirstOrThrow({ where: { applicationId, action: "application.submitted" } });
    expect(submittedEvent.actorId).toBe(memberId);
    expect((await assistedCases(agent)).find((r) => r.id === applicationId)).toMatchObject({ status: "CENTER_REVIEW", waitingForApplicant: false });
    // Submitted, the papers are frozen for the desk too.
    expect(await outcome(uploadDocument(agent, applicationId, "BANK_STATEMENTS", "b.pdf", pdf("late")))).toBe("INVALID_TRANSITION");
  });
});

describe("cases per intake channel", () => {
  it("counts applications and submissions per channel and district union", async () => {
    const before = await intakeChannelCounts(reviewer);
    const { memberId } = await registered();
    await startAssistedApplication(agent, enterpriseInput(memberId));
    const applicant = await createApplicant();
    const { enterpriseId } = await saveEnterprise(applicant, ownInput());
    await startApplication(applicant, enterpriseId);
    const after = await intakeChannelCounts(reviewer);
    const row = (rows: typeof after, channel: string, orgId: string | null) =>
      rows.find((r) => r.channel === channel && r.organisationId === orgId) ?? { applications: 0, submitted: 0 };
    expect(row(after, "DISTRICT_UNION", agent.organisationId).applications).toBe(row(before, "DISTRICT_UNION", agent.organisationId).applications + 1);
    expect(row(after, "ONLINE", null).applications).toBe(row(before, "ONLINE", null).applications + 1);
    expect(row(after, "DISTRICT_UNION", agent.organisationId).submitted).toBe(row(before, "DISTRICT_UNION", agent.organisationId).submitted);
    expect(after.find((r) => r.channel === "DISTRICT_UNION" && r.organisationId === agent.organisationId)?.organisationName).toBe("朝阳区总工会代办处");
    expect(await outcome(intakeChannelCounts(agent))).toBe("NOT_FOUND");
    // A day before any of these cases: none of them counted.
    const early = await intakeChannelCounts(reviewer, "2000-01-01");
    expect(early.reduce((n, r) => n + r.applications, 0)).toBe(0);
  });

  it("counts the loans approved and disbursed, and the amount lent, per channel and district union, as of a day", async () => {
    const { memberId } = await registered();
    const { applicationId } = await startAssistedApplication(agent, enterpriseInput(memberId));
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } });
    const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
    const ours = (rows: Awaited<ReturnType<typeof intakeChannelCounts>>) =>
      rows.find((r) => r.channel === "DISTRICT_UNION" && r.organisationId === agent.organisationId)!;
    await db.loanApplication.update({ where: { id: applicationId }, data: { status: "ACTIVE", bankOrgId: bank.id, createdAt: new Date("2026-11-01T02:00:00Z") } });
    const before = ours(await intakeChannelCounts(reviewer));
    const beforeBetween = ours(await intakeChannelCounts(reviewer, "2026-11-22"));
    await db.loan.create({
      data: {
        applicationId, enterpriseId: app.enterpriseId, bankOrgId: bank.id, contractNo: `HT-${uniqueSuffix()}`, principalFen: 30_000_000n, disbursedFen: 29_999_900n,
        annualRateMicros: 34_500, lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
        approvedAt: new Date("2026-11-20T02:00:00Z"), disbursedOn: new Date("2026-11-25T00:00:00Z"), maturityOn: new Date("2027-11-25T00:00:00Z"),
      },
    });
    const after = ours(await intakeChannelCounts(reviewer));
    expect([after.approved - before.approved, after.disbursed - before.disbursed, after.lentFen - before.lentFen]).toEqual([1, 1, 29_999_900n]);
    // As of a day between approval and disbursement: approved, not yet disbursed nor lent.
    const between = ours(await intakeChannelCounts(reviewer, "2026-11-22"));
    expect([between.approved - beforeBetween.approved, between.disbursed - beforeBetween.disbursed, between.lentFen - beforeBetween.lentFen]).toEqual([1, 0, 0n]);
  });
});
