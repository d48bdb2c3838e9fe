import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, StaffActor } from "@/lib/auth/roles";
import { logHotlineCall } from "@/lib/hotline/services/log-call";
import { markFollowUpDone, updateHotlineCall } from "@/lib/hotline/services/update-call";
import { registerCaller, startApplicationFromCall } from "@/lib/hotline/services/start-from-call";
import { dueFollowUps, hotlineCall, hotlineCallPage, recentHotlineCalls } from "@/lib/hotline/queries";
import { callSearchSchema, logCallSchema, registerCallerSchema, startFromCallSchema, updateCallSchema, type LogCallInput, type StartFromCallInput } from "@/lib/hotline/schemas";
import { assistedCase, assistedCases, findMemberByMobile } from "@/lib/intake/queries";
import { startAssistedApplication } from "@/lib/intake/services/start-assisted-application";
import { startAssistedSchema } from "@/lib/intake/schemas";
import { grantConsent } from "@/lib/applications/services/consents";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { withdrawApplication } from "@/lib/applications/services/withdraw-application";
import { timelineOf } from "@/lib/applications/timeline";
import { caseForStaff } from "@/lib/reviews/queries";
import { intakeChannelCounts } from "@/lib/stats/intake-channels";
import { blindIndex, unseal } from "@/lib/personal-data/sealed";
import { BASE_ORGANISATION } from "@/lib/setup/programme-defaults";
import { db, uniqueSuffix } from "../support/db";
import { outcome } from "../support/outcome";
import { createApplicant, createStaff, ensureReferenceData, staffActor } from "../support/factories";
import { makeCreditCode, makeMobile } from "../support/ids";

const ORIGIN = "https://portal.test";
const TODAY = "2026-12-05";

let operator: StaffActor;
let secondOperator: StaffActor;
let reviewer: StaffActor;
let bankOfficer: StaffActor;
let agent: StaffActor;
let applicant: Actor;

beforeAll(async () => {
  await ensureReferenceData();
  operator = await createStaff(BASE_ORGANISATION.code, "HOTLINE_OPERATOR");
  secondOperator = await createStaff(BASE_ORGANISATION.code, "HOTLINE_OPERATOR");
  reviewer = await createStaff(BASE_ORGANISATION.code, "CENTER_REVIEWER");
  bankOfficer = await staffActor("officer@bank.demo");
  agent = await createStaff("CYQZGH", "DISTRICT_AGENT");
  applicant = await createApplicant();
});

const callInput = (over: Partial<Record<keyof LogCallInput, string>> = {}): LogCallInput =>
  logCallSchema.parse({ callerName: "陈来电", callerMobile: makeMobile(), topic: "HOW_TO_APPLY", outcome: "CALL_BACK", followUpOn: "", notes: "想了解申请流程", ...over });

const enterpriseFor = (callId: string, memberId: string, creditCode = makeCreditCode()): StartFromCallInput =>
  startFromCallSchema.parse({
    callId, memberId, name: "海淀小书店有限公司", creditCode, legalRepName: "陈来电", address: "北京市海淀区测试路 8 号",
    industry: "零售", foundedOn: "2021-05-01", employees: "3", annualRevenueYuan: "500000", hasUnion: "", unionMemberCount: "",
  });

/** Everything a refusal must leave alone. */
const callState = (id: string) => db.hotlineCall.findUniqueOrThrow({ where: { id }, select: { outcome: true, followUpOn: true, followUpDoneAt: true, notes: true, version: true, applicationId: true } });

describe("the hotline log", () => {
  it("records a call: the mobile sealed with its look-up index, masked in the list, audited without the number", async () => {
    const mobile = makeMobile();
    const { callId } = await logHotlineCall(operator, callInput({ callerMobile: mobile, followUpOn: "2026-12-08" }), TODAY);
    const row = await db.hotlineCall.findUniqueOrThrow({ where: { id: callId } });
    expect(row).toMatchObject({ callerName: "陈来电", topic: "HOW_TO_APPLY", outcome: "CALL_BACK", notes: "想了解申请流程", operatorId: operator.userId, applicationId: null });
    expect(row.followUpOn?.toISOString().slice(0, 10)).toBe("2026-12-08");
    expect(row.callerMobileSealed).not.toContain(mobile);
    expect(unseal(row.callerMobileSealed, "HotlineCall.callerMobile")).toBe(mobile);
    expect(row.callerMobileIndex).toBe(blindIndex(mobile, "HotlineCall.callerMobile"));

    const masked = `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
    const listed = (await recentHotlineCalls(secondOperator, TODAY)).find((r) => r.id === callId);
    expect(listed).toMatchObject({ callerName: "陈来电", callerMobileMasked: masked, followUpOn: "2026-12-08", followUpDue: false, operatorName: operator.displayName });
    expect(JSON.stringify(listed)).not.toContain(mobile);
    // The call's own page has the number to call back.
    expect(await hotlineCall(secondOperator, callId, TODAY)).toMatchObject({ callerMobile: mobile, version: 0 });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: callId, action: "hotline.call_logged" } });
    expect(audit).toMatchObject({ actorId: operator.userId, organisationId: operator.organisationId, entityType: "HotlineCall" });
    expect(audit.data).toMatchObject({ topic: "HOW_TO_APPLY", outcome: "CALL_BACK", followUpOn: "2026-12-08", callerMobile: masked });
    expect(JSON.stringify(audit.data)).not.toContain(mobile);
  });

  it("refuses a follow-up date in the past, an unknown topic or outcome, and a mobile that is not 11 digits; nothing is stored", async () => {
    const before = await db.hotlineCall.count();
    const past = logHotlineCall(operator, callInput({ followUpOn: "2026-12-04" }), TODAY);
    await expect(past).rejects.toMatchObject({ code: "VALIDATION", detail: { key: "hotline.errors.followUpPast" }, fieldErrors: { followUpOn: [{ key: "hotline.errors.followUpPast" }] } });
    // Today itself is allowed.
    expect(await outcome(logHotlineCall(operator, callInput({ followUpOn: TODAY }), TODAY))).toBe("OK");

    const raw = { callerName: "陈来电", callerMobile: makeMobile(), topic: "HOW_TO_APPLY", outcome: "ANSWERED", followUpOn: "", notes: "" };
    expect(logCallSchema.safeParse({ ...raw, topic: "WEATHER" }).success).toBe(false);
    expect(logCallSchema.safeParse({ ...raw, outcome: "HUNG_UP" }).success).toBe(false);
    for (const mobile of ["1380013800", "138001380001", "23800138000", "1380013800x"]) {
      const parsed = logCallSchema.safeParse({ ...raw, callerMobile: mobile });
      expect(parsed.success, mobile).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["callerMobile"]);
    }
    expect(logCallSchema.safeParse({ ...raw, followUpOn: "12/08/2026" }).success).toBe(false);
    expect(logCallSchema.safeParse(raw).success).toBe(true);
    expect(await db.hotlineCall.count()).toBe(before + 1);
  });

  it("another operator edits the outcome and follow-up later (shared desk); each change is audited; a stale version conflicts", async () => {
    const { callId } = await logHotlineCall(operator, callInput(), TODAY);
    const edit = (version: number, over: Record<string, string> = {}) =>
      updateCallSchema.parse({ callId, version: String(version), outcome: "CALL_BACK", followUpOn: "2026-12-10", notes: "约定周四回电", ...over });
    expect(await updateHotlineCall(secondOperator, edit(0), TODAY)).toEqual({ version: 1 });
    expect(await callState(callId)).toMatchObject({ outcome: "CALL_BACK", notes: "约定周四回电", version: 1 });
    expect((await callState(callId)).followUpOn?.toISOString().slice(0, 10)).toBe("2026-12-10");

    expect(await outcome(updateHotlineCall(operator, edit(0, { outcome: "ANSWERED" }), TODAY))).toBe("CONFLICT");
    await expect(updateHotlineCall(operator, edit(1, { followUpOn: "2026-12-01" }), TODAY)).rejects.toMatchObject({ code: "VALIDATION" });
    // Keeping a date that has meanwhile passed is fine; clearing it too.
    expect(await updateHotlineCall(operator, edit(1, { outcome: "ANSWERED" }), "2026-12-11")).toEqual({ version: 2 });
    expect(await updateHotlineCall(operator, edit(2, { outcome: "REFERRED_TO_DISTRICT", followUpOn: "" }), TODAY)).toEqual({ version: 3 });
    expect(await callState(callId)).toMatchObject({ outcome: "REFERRED_TO_DISTRICT", followUpOn: null, version: 3 });

    const events = await db.auditEvent.findMany({ where: { entityId: callId, action: "hotline.call_updated" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.actorId, e.data])).toEqual([
      [secondOperator.userId, { outcome: { from: "CALL_BACK", to: "CALL_BACK" }, followUpOn: { from: null, to: "2026-12-10" }, notesChanged: true }],
      [operator.userId, { outcome: { from: "CALL_BACK", to: "ANSWERED" }, followUpOn: { from: "2026-12-10", to: "2026-12-10" }, notesChanged: false }],
      [operator.userId, { outcome: { from: "ANSWERED", to: "REFERRED_TO_DISTRICT" }, followUpOn: { from: "2026-12-10", to: null }, notesChanged: false }],
    ]);
  });

  it("a follow-up is due from its day on until marked done, which is recorded once", async () => {
    const { callId } = await logHotlineCall(operator, callInput({ followUpOn: "2026-12-07" }), TODAY);
    const due = async (actor: Actor, today: string) => (await dueFollowUps(actor, today)).some((r) => r.id === callId);
    expect(await due(operator, TODAY)).toBe(false);
    expect(await due(operator, "2026-12-07")).toBe(true);
    expect(await due(secondOperator, "2026-12-09")).toBe(true);
    expect((await dueFollowUps(operator, "2026-12-09")).find((r) => r.id === callId)).toMatchObject({ followUpDue: true, followUpDone: false });

    expect(await markFollowUpDone(secondOperator, { callId, version: 0 })).toEqual({ version: 1 });
    expect(await due(operator, "2026-12-09")).toBe(false);
    expect((await callState(callId)).followUpDoneAt).not.toBeNull();
    expect(await outcome(markFollowUpDone(operator, { callId, version: 1 }))).toBe("INVALID_TRANSITION");
    expect(await outcome(markFollowUpDone(operator, { callId, version: 0 }))).toBe("INVALID_TRANSITION");
    const done = await db.auditEvent.findMany({ where: { entityId: callId, action: "hotline.follow_up_done" } });
    expect(done.map((e) => [e.actorId, e.data])).toEqual([[secondOperator.userId, { followUpOn: "2026-12-07" }]]);

    // A new date reopens the follow-up.
    await updateHotlineCall(operator, updateCallSchema.parse({ callId, version: "1", outcome: "CALL_BACK", followUpOn: "2026-12-12", notes: "" }), "2026-12-09");
    expect(await due(operator, "2026-12-12")).toBe(true);
    // A call without a follow-up has nothing to mark.
    const { callId: plain } = await logHotlineCall(operator, callInput({ outcome: "ANSWERED" }), TODAY);
    expect(await outcome(markFollowUpDone(operator, { callId: plain, version: 0 }))).toBe("INVALID_TRANSITION");
  });

  it("other roles find no call: NOT_FOUND, empty lists, nothing changed", async () => {
    const mobile = makeMobile();
    const { callId } = await logHotlineCall(operator, callInput({ callerMobile: mobile, followUpOn: TODAY }), TODAY);
    const before = await callState(callId);
    const [calls, events] = [await db.hotlineCall.count(), await db.auditEvent.count()];
    for (const outsider of [applicant, bankOfficer, reviewer, agent]) {
      expect(await outcome(logHotlineCall(outsider, callInput(), TODAY))).toBe("NOT_FOUND");
      expect(await outcome(updateHotlineCall(outsider, updateCallSchema.parse({ callId, version: "0", outcome: "ANSWERED", followUpOn: "", notes: "" }), TODAY))).toBe("NOT_FOUND");
      expect(await outcome(markFollowUpDone(outsider, { callId, version: 0 }))).toBe("NOT_FOUND");
      expect(await outcome(registerCaller(outsider, callId, ORIGIN))).toBe("NOT_FOUND");
      expect(await outcome(startApplicationFromCall(outsider, enterpriseFor(callId, applicant.userId)))).toBe("NOT_FOUND");
      expect(await hotlineCall(outsider, callId, TODAY)).toBeNull();
      expect(await recentHotlineCalls(outsider, TODAY)).toEqual([]);
      expect(await dueFollowUps(outsider, TODAY)).toEqual([]);
    }
    expect(await callState(callId)).toEqual(before);
    expect([await db.hotlineCall.count(), await db.auditEvent.count()]).toEqual([calls, events]);
    // An unknown call is not found for an operator either.
    expect(await outcome(markFollowUpDone(operator, { callId: "00000000-0000-4000-8000-000000000000", version: 0 }))).toBe("NOT_FOUND");
  });
});

/** A call whose caller was registered from it. */
async function callWithMember() {
  const mobile = makeMobile();
  const { callId } = await logHotlineCall(operator, callInput({ callerMobile: mobile }), TODAY);
  const { userId } = await registerCaller(operator, callId, ORIGIN);
  return { mobile, callId, memberId: userId };
}

describe("a call becomes a draft application", () => {
  it("registers the caller, starts a draft of channel HOTLINE with the operator as intake agent, links the call; all audited", async () => {
    const { mobile, callId, memberId } = await callWithMember();
    const member = await db.user.findUniqueOrThrow({ where: { id: memberId }, include: { membership: true } });
    expect(member).toMatchObject({ displayName: "陈来电", membership: null });
    expect(await findMemberByMobile(operator, mobile)).toMatchObject({ kind: "member", userId: memberId, claimed: false });
    expect(await db.passwordToken.count({ where: { userId: memberId, purpose: "CLAIM", usedAt: null } })).toBe(1);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: memberId, action: "intake.member_registered" } })).toMatchObject({ actorId: operator.userId, data: { channel: "HOTLINE" } });

    const { applicationId } = await startApplicationFromCall(secondOperator, enterpriseFor(callId, memberId));
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(app).toMatchObject({ status: "DRAFT", applicantId: memberId, intakeChannel: "HOTLINE", intakeOrgId: secondOperator.organisationId, intakeAgentId: secondOperator.userId });
    expect(await callState(callId)).toMatchObject({ applicationId, outcome: "APPLICATION_STARTED", version: 1 });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: callId, action: "hotline.application_started" } })).toMatchObject({ actorId: secondOperator.userId, applicationId });
    expect(await db.auditEvent.findFirstOrThrow({ where: { applicationId, action: "application.created" } })).toMatchObject({ actorId: secondOperator.userId, data: { channel: "HOTLINE" } });
    expect(await db.notification.count({ where: { userId: memberId, applicationId } })).toBe(1);

    const timeline = await timelineOf(applicationId, { internal: true });
    expect(timeline[0]).toMatchObject({ event: "created", by: { kind: "organisation", type: "SUPPORT_CENTER", person: secondOperator.displayName } });
    expect((await hotlineCall(operator, callId, TODAY))?.application).toMatchObject({ id: applicationId, number: app.number, status: "DRAFT" });
    // The desk is shared; a district agent and the centre's reviewers do not see the draft.
    expect((await assistedCases(operator)).find((r) => r.id === applicationId)).toMatchObject({ channel: "HOTLINE", agentName: secondOperator.displayName, waitingForApplicant: true });
    expect(await assistedCase(operator, applicationId)).toMatchObject({ channel: "HOTLINE" });
    expect((await assistedCases(agent)).some((r) => r.id === applicationId)).toBe(false);
    expect(await assistedCase(agent, applicationId)).toBeNull();
    expect(await caseForStaff(reviewer, applicationId)).toBeNull();
  });

  it("refuses a second draft from the same call, a second open draft for the enterprise, and a member who is not the caller", async () => {
    const { callId, memberId } = await callWithMember();
    const creditCode = makeCreditCode();
    await startApplicationFromCall(operator, enterpriseFor(callId, memberId, creditCode));
    const apps = await db.loanApplication.count();
    await expect(startApplicationFromCall(operator, enterpriseFor(callId, memberId))).rejects.toMatchObject({ code: "DUPLICATE", detail: { key: "hotline.errors.alreadyStarted" } });

    const { callId: again } = await logHotlineCall(operator, callInput({ callerMobile: (await hotlineCall(operator, callId, TODAY))!.callerMobile }), TODAY);
    await expect(startApplicationFromCall(operator, enterpriseFor(again, memberId, creditCode))).rejects.toMatchObject({ code: "DUPLICATE", detail: { key: "intake.errors.openCase" } });
    expect(await callState(again)).toMatchObject({ applicationId: null, outcome: "CALL_BACK", version: 0 });

    const { callId: stranger } = await logHotlineCall(operator, callInput(), TODAY);
    expect(await outcome(startApplicationFromCall(operator, enterpriseFor(stranger, memberId)))).toBe("NOT_FOUND");
    expect(await db.loanApplication.count()).toBe(apps);
    expect(await callState(stranger)).toMatchObject({ applicationId: null, version: 0 });
  });

  it("the operator cannot consent, submit or withdraw; once submitted, the centre's case shows channel HOTLINE and the operator", async () => {
    const { callId, memberId } = await callWithMember();
    const { applicationId } = await startApplicationFromCall(operator, enterpriseFor(callId, memberId));
    expect(await outcome(grantConsent(operator, "SENSITIVE_PERSONAL_INFO", null))).toBe("NOT_FOUND");
    expect(await outcome(grantConsent(operator, "CREDIT_REPORT_AUTHORISATION", null))).toBe("NOT_FOUND");
    expect(await outcome(submitApplication(operator, applicationId, 0))).toBe("FORBIDDEN");
    expect(await outcome(withdrawApplication(operator, applicationId, 0, "不需要"))).toBe("FORBIDDEN");
    expect(await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "DRAFT", version: 0 });

    // The member's own journey (claim, consents, submission) is the end-to-end test's; here the case is put in the centre's queue.
    await db.loanApplication.update({ where: { id: applicationId }, data: { status: "CENTER_REVIEW", submittedAt: new Date(), version: 1 } });
    const seen = await caseForStaff(reviewer, applicationId);
    expect(seen?.intake).toMatchObject({ channel: "HOTLINE", organisation: BASE_ORGANISATION.nameZh, agent: operator.displayName });
    expect(await outcome(withdrawApplication(operator, applicationId, 1, "不需要"))).toBe("FORBIDDEN");
  });

  it("two operators turning one call into a draft at once: exactly one case, the call linked to it", async () => {
    const { callId, memberId } = await callWithMember();
    const results = await Promise.all([
      outcome(startApplicationFromCall(operator, enterpriseFor(callId, memberId))),
      outcome(startApplicationFromCall(secondOperator, enterpriseFor(callId, memberId))),
    ]);
    expect(results.sort()).toEqual(["DUPLICATE", "OK"]);
    const cases = await db.loanApplication.findMany({ where: { applicantId: memberId }, select: { id: true } });
    expect(cases).toHaveLength(1);
    expect(await callState(callId)).toMatchObject({ applicationId: cases[0]!.id, version: 1 });
    expect(await db.auditEvent.count({ where: { entityId: callId, action: "hotline.application_started" } })).toBe(1);
  });

  it("two operators updating one call at once: one wins, the other is told CONFLICT", async () => {
    const { callId } = await logHotlineCall(operator, callInput(), TODAY);
    const edit = (outcomeCode: string) => updateCallSchema.parse({ callId, version: "0", outcome: outcomeCode, followUpOn: "", notes: "" });
    const results = await Promise.all([
      outcome(updateHotlineCall(operator, edit("ANSWERED"), TODAY)),
      outcome(updateHotlineCall(secondOperator, edit("REFERRED_TO_DISTRICT"), TODAY)),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect((await callState(callId)).version).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: callId, action: "hotline.call_updated" } })).toBe(1);
  });

  it("the district rule is the district agents' alone: an operator starts a case for a member whatever their district", async () => {
    // The member already has a case taken in by a district union (now closed): the hotline still serves them.
    const { callId, memberId } = await callWithMember();
    const first = await startAssistedApplication(agent, startAssistedSchema.parse({
      memberId, name: "朝阳花店有限公司", creditCode: makeCreditCode(), legalRepName: "陈来电", address: "北京市朝阳区测试路 2 号",
      industry: "零售", foundedOn: "2019-01-01", employees: "2", annualRevenueYuan: "300000", hasUnion: "", unionMemberCount: "",
    }));
    await db.loanApplication.update({ where: { id: first.applicationId }, data: { status: "WITHDRAWN" } });
    // The district's case stays the district's: the hotline desk does not see it.
    expect(await assistedCase(operator, first.applicationId)).toBeNull();
    expect((await assistedCases(operator)).some((r) => r.id === first.applicationId)).toBe(false);
    expect(await outcome(startApplicationFromCall(operator, enterpriseFor(callId, memberId)))).toBe("OK");
  });
});

describe("cases per intake channel count the hotline separately", () => {
  it("matches the hand-checked figures for hotline cases: 3 created, 2 submitted, 1 approved and disbursed, ¥299,999 lent", async () => {
    const centre = operator.organisationId;
    const hotline = (rows: Awaited<ReturnType<typeof intakeChannelCounts>>) =>
      rows.find((r) => r.channel === "HOTLINE" && r.organisationId === centre) ?? { applications: 0, submitted: 0, approved: 0, disbursed: 0, lentFen: 0n, organisationName: null };
    const district = (rows: Awaited<ReturnType<typeof intakeChannelCounts>>) =>
      rows.find((r) => r.channel === "DISTRICT_UNION" && r.organisationId === agent.organisationId)?.applications ?? 0;
    const before = await intakeChannelCounts(reviewer);

    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { callId, memberId } = await callWithMember();
      ids.push((await startApplicationFromCall(operator, enterpriseFor(callId, memberId))).applicationId);
    }
    const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
    await db.loanApplication.update({ where: { id: ids[0] }, data: { status: "CENTER_REVIEW", submittedAt: new Date() } });
    await db.loanApplication.update({ where: { id: ids[1] }, data: { status: "ACTIVE", submittedAt: new Date(), bankOrgId: bank.id } });
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: ids[1] } });
    await db.loan.create({
      data: {
        applicationId: app.id, enterpriseId: app.enterpriseId, bankOrgId: bank.id, contractNo: `HL-${uniqueSuffix()}`, principalFen: 30_000_000n, disbursedFen: 29_999_900n,
        annualRateMicros: 34_500, lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
        approvedAt: new Date("2026-11-20T02:00:00Z"), disbursedOn: new Date("2026-11-25T00:00:00Z"), maturityOn: new Date("2027-11-25T00:00:00Z"),
      },
    });

    const after = await intakeChannelCounts(reviewer);
    const [b, a] = [hotline(before), hotline(after)];
    expect([a.applications - b.applications, a.submitted - b.submitted, a.approved - b.approved, a.disbursed - b.disbursed, a.lentFen - b.lentFen]).toEqual([3, 2, 1, 1, 29_999_900n]);
    expect(a.organisationName).toBe(BASE_ORGANISATION.nameZh);
    expect(district(after)).toBe(district(before));
    expect(after.filter((r) => r.channel === "HOTLINE")).toHaveLength(1);
  });
});

describe("registering a caller with an e-mail address", () => {
  it("the account keeps the address and the claim e-mail goes out; an address already used is refused", async () => {
    const email = `caller.${uniqueSuffix()}@example.test`;
    const { callId } = await logHotlineCall(operator, callInput(), TODAY);
    const { userId } = await registerCaller(operator, callId, ORIGIN, registerCallerSchema.parse({ callId, email }).email);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe(email);
    const mails = await db.outboxEmail.findMany({ where: { to: email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toMatch(new RegExp(`${ORIGIN}/set-password\\?token=[\\w-]{40,}`));

    const second = (await logHotlineCall(operator, callInput(), TODAY)).callId;
    const users = await db.user.count();
    await expect(registerCaller(operator, second, ORIGIN, email)).rejects.toMatchObject({ code: "DUPLICATE", fieldErrors: { email: [{ key: "intake.errors.emailTaken" }] } });
    expect(await db.user.count()).toBe(users);
  });
});

describe("the call log: keyset pages and a search by the caller's mobile", () => {
  it("finds a number's calls through its blind index, masked, page by page; every call once across the pages; nothing for other roles", async () => {
    const mobile = makeMobile();
    const other = makeMobile();
    const mine: string[] = [];
    for (let i = 0; i < 3; i++) mine.push((await logHotlineCall(operator, callInput({ callerMobile: mobile }), TODAY)).callId);
    await logHotlineCall(operator, callInput({ callerMobile: other }), TODAY);

    const first = await hotlineCallPage(secondOperator, { mobile, pageSize: 2 }, TODAY);
    expect(first.rows.map((r) => r.id)).toEqual([mine[2], mine[1]]);
    expect(first.nextCursor).toBe(mine[1]);
    const second = await hotlineCallPage(secondOperator, { mobile, pageSize: 2, cursor: first.nextCursor }, TODAY);
    expect(second.rows.map((r) => r.id)).toEqual([mine[0]]);
    expect(second.nextCursor).toBeNull();
    const masked = `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
    for (const row of [...first.rows, ...second.rows]) expect(row.callerMobileMasked).toBe(masked);
    expect(JSON.stringify([first, second])).not.toContain(mobile);
    // A cursor from another number's list starts nowhere new: the search's first page.
    const otherCall = (await hotlineCallPage(secondOperator, { mobile: other }, TODAY)).rows;
    expect(otherCall).toHaveLength(1);
    expect((await hotlineCallPage(secondOperator, { mobile, pageSize: 2, cursor: otherCall[0]!.id }, TODAY)).rows.map((r) => r.id)).toEqual([mine[2], mine[1]]);
    expect((await hotlineCallPage(secondOperator, { mobile: makeMobile() }, TODAY)).rows).toEqual([]);

    // The whole log, two at a time: newest first, every call once.
    const seen: string[] = [];
    const stamps: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof hotlineCallPage>> = await hotlineCallPage(operator, { pageSize: 2, cursor }, TODAY);
      seen.push(...page.rows.map((r) => r.id));
      stamps.push(...page.rows.map((r) => r.createdAt.getTime()));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(await db.hotlineCall.count());
    expect(new Set(seen).size).toBe(seen.length);
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));

    for (const outsider of [reviewer, agent, bankOfficer, applicant]) {
      expect(await hotlineCallPage(outsider, { mobile }, TODAY)).toEqual({ rows: [], nextCursor: null });
    }
    expect(callSearchSchema.safeParse({ mobile: mobile.slice(0, 10) }).success).toBe(false);
    expect(callSearchSchema.safeParse({ mobile: `${mobile}1` }).success).toBe(false);
  });
});
