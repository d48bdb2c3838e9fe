import "server-only";
import { db } from "@/lib/db/client";
import { unseal } from "@/lib/personal-data/sealed";
import { beijingToday, dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import { maskMobile } from "@/lib/validation/identity";
import { sendOnce } from "@/lib/jobs/send-once";

/**
 * Run daily: every hotline call whose follow-up is due (its day in Beijing has come) and not done
 * puts one message into the inbox of the operator who took the call. The subject is the call and
 * its follow-up date, so a second run sends nothing and a changed date is a new reminder. A day
 * the job did not run is caught up the next day (the date is still due). Returns how many went out.
 */
export async function sendHotlineFollowUpReminders(now: Date = new Date()): Promise<number> {
  const today = beijingToday(now);
  const calls = await db.hotlineCall.findMany({
    where: { followUpOn: { lte: dateColumnOf(today) }, followUpDoneAt: null },
    orderBy: [{ followUpOn: "asc" }, { id: "asc" }],
    select: { id: true, callerName: true, callerMobileSealed: true, followUpOn: true, operatorId: true, applicationId: true },
  });
  let sent = 0;
  for (const call of calls) {
    const followUpOn = dayOfDateColumn(call.followUpOn!);
    const params = {
      callId: call.id, callerName: call.callerName, followUpOn,
      callerMobile: maskMobile(unseal(call.callerMobileSealed, "HotlineCall.callerMobile")),
    };
    if (await sendOnce({
      kind: "HOTLINE_FOLLOW_UP", subjectKey: `${call.id}|${followUpOn}`, applicationId: call.applicationId,
      entity: { type: "HotlineCall", id: call.id }, recipients: [call.operatorId],
      code: "hotlineFollowUpDue", params, auditAction: "hotline.follow_up_reminder_sent",
    })) sent += 1;
  }
  return sent;
}
