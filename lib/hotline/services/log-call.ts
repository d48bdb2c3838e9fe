import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { callerMobileColumns } from "@/lib/personal-data/sealed";
import { beijingToday, dateColumnOf } from "@/lib/calendar/beijing";
import { maskMobile } from "@/lib/validation/identity";
import { isFollowUpDateAllowed, isHotlineOperator } from "@/lib/hotline/policy";
import type { LogCallInput } from "@/lib/hotline/schemas";

/** Refuses a follow-up date before today (Beijing), with the message on the field. */
export function assertFollowUpDate(day: string | undefined, today: string): void {
  if (day === undefined || isFollowUpDateAllowed(day, today)) return;
  const message = words("hotline.errors.followUpPast");
  throw new AppError("VALIDATION", message, { followUpOn: [message] });
}

/**
 * The operator records a call: the caller (the mobile sealed, with its look-up index), the topic,
 * the outcome, an optional follow-up date (today or later) and notes. The audit event carries the
 * masked mobile only.
 */
export async function logHotlineCall(actor: Actor, input: LogCallInput, today: string = beijingToday()): Promise<{ callId: string }> {
  if (!isHotlineOperator(actor)) throw new AppError("NOT_FOUND");
  assertFollowUpDate(input.followUpOn, today);
  return db.$transaction(async (tx) => {
    const call = await tx.hotlineCall.create({
      data: {
        callerName: input.callerName,
        ...callerMobileColumns(input.callerMobile),
        topic: input.topic,
        outcome: input.outcome,
        followUpOn: input.followUpOn ? dateColumnOf(input.followUpOn) : null,
        notes: input.notes,
        operatorId: actor.userId,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.organisationId, entityType: "HotlineCall", entityId: call.id,
      action: "hotline.call_logged",
      data: { topic: input.topic, outcome: input.outcome, followUpOn: input.followUpOn ?? null, callerMobile: maskMobile(input.callerMobile) },
    });
    return { callId: call.id };
  });
}
