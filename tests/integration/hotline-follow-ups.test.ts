import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/roles";
import { logHotlineCall } from "@/lib/hotline/services/log-call";
import { markFollowUpDone, updateHotlineCall } from "@/lib/hotline/services/update-call";
import { logCallSchema, updateCallSchema } from "@/lib/hotline/schemas";
import { sendHotlineFollowUpReminders } from "@/lib/jobs/hotline-follow-ups";
import { JOBS } from "@/lib/jobs/scheduler";
import { myInbox } from "@/lib/notifications/inbox-queries";
import { BASE_ORGANISATION } from "@/lib/setup/programme-defaults";
import { db } from "../support/db";
import { createStaff, ensureReferenceData } from "../support/factories";
import { makeMobile } from "../support/ids";

// The hotline's follow-ups due reach the inbox of the operator who took the call: once per call
// and follow-up date, nothing for a follow-up done or not yet due.

const LOGGED_ON = "2031-03-06";
const DUE_ON = "2031-03-10";
/** An instant on a Beijing day: 00:30 there is still the previous day in UTC. */
const beijing = (day: string, time = "00:30") => new Date(`${day}T${time}:00+08:00`);

let operator: StaffActor;
let colleague: StaffActor;

beforeAll(async () => {
  await ensureReferenceData();
  operator = await createStaff(BASE_ORGANISATION.code, "HOTLINE_OPERATOR");
  colleague = await createStaff(BASE_ORGANISATION.code, "HOTLINE_OPERATOR");
});

const logCall = async (by: StaffActor, followUpOn: string, mobile = makeMobile()) =>
  (await logHotlineCall(by, logCallSchema.parse({ callerName: "赵回访", callerMobile: mobile, topic: "CASE_STATUS", outcome: "CALL_BACK", followUpOn, notes: "" }), LOGGED_ON)).callId;

const noticesTo = async (userId: string, callId: string) =>
  (await db.notification.findMany({ where: { userId, code: "hotlineFollowUpDue" }, orderBy: { createdAt: "asc" }, select: { params: true } }))
    .map((n) => n.params as Record<string, string>)
    .filter((p) => p.callId === callId);

describe("hotline follow-ups in the operator's inbox", () => {
  it("a follow-up due today is one message to the operator who took the call; a second run adds none", async () => {
    const mobile = makeMobile();
    const due = await logCall(operator, DUE_ON, mobile);
    const later = await logCall(operator, "2031-03-11");

    // The evening before (Beijing) nothing is due yet.
    await sendHotlineFollowUpReminders(beijing("2031-03-09", "23:30"));
    expect(await noticesTo(operator.userId, due)).toEqual([]);

    await sendHotlineFollowUpReminders(beijing(DUE_ON));
    const notices = await noticesTo(operator.userId, due);
    expect(notices).toEqual([{ callId: due, callerName: "赵回访", callerMobile: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`, followUpOn: DUE_ON }]);
    expect(await noticesTo(colleague.userId, due)).toEqual([]);
    expect(await noticesTo(operator.userId, later)).toEqual([]);

    await sendHotlineFollowUpReminders(beijing(DUE_ON, "15:00"));
    await JOBS["hotline-follow-ups"].run(beijing(DUE_ON, "16:00"));
    expect(await noticesTo(operator.userId, due)).toHaveLength(1);

    const audit = await db.auditEvent.findMany({ where: { entityId: due, action: "hotline.follow_up_reminder_sent" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, entityType: "HotlineCall", applicationId: null });

    // The inbox renders it as a coded notice in the "due" group.
    const inbox = await myInbox(operator, { pageSize: 100 });
    const item = inbox.items.find((i) => "code" in i.notice && i.notice.params.callId === due);
    expect(item?.notice).toMatchObject({ code: "hotlineFollowUpDue", group: "due" });
  });

  it("a follow-up done before its day sends nothing", async () => {
    const call = await logCall(operator, DUE_ON);
    await markFollowUpDone(colleague, { callId: call, version: 0 });
    await sendHotlineFollowUpReminders(beijing(DUE_ON));
    await sendHotlineFollowUpReminders(beijing("2031-03-12"));
    expect(await noticesTo(operator.userId, call)).toEqual([]);
  });

  it("a changed follow-up date is a new reminder on the new day; the operator who took the call is told, not the one who changed it", async () => {
    const call = await logCall(operator, DUE_ON);
    await sendHotlineFollowUpReminders(beijing(DUE_ON));
    expect(await noticesTo(operator.userId, call)).toHaveLength(1);

    await updateHotlineCall(colleague, updateCallSchema.parse({ callId: call, version: 0, outcome: "CALL_BACK", followUpOn: "2031-03-13", notes: "" }), DUE_ON);
    await sendHotlineFollowUpReminders(beijing("2031-03-12"));
    expect(await noticesTo(operator.userId, call)).toHaveLength(1);
    await sendHotlineFollowUpReminders(beijing("2031-03-13"));
    await sendHotlineFollowUpReminders(beijing("2031-03-13", "18:00"));
    expect((await noticesTo(operator.userId, call)).map((n) => n.followUpOn)).toEqual([DUE_ON, "2031-03-13"]);
    expect(await noticesTo(colleague.userId, call)).toEqual([]);
  });
});
