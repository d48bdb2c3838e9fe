import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/record";
import type { AuditPayload } from "@/lib/audit/events/table";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { beijingToday, dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import { isHotlineOperator, type HotlineOperator } from "@/lib/hotline/policy";
import { assertFollowUpDate } from "@/lib/hotline/services/log-call";
import type { FollowUpDoneInput, UpdateCallInput } from "@/lib/hotline/schemas";

type CallChange = Omit<Prisma.HotlineCallUncheckedUpdateManyInput, "version">;
type CallAuditAction = "hotline.call_updated" | "hotline.follow_up_done";

/**
 * One change to a call: loaded (a call exists only for hotline operators), then a compare-and-set
 * on its version (two operators at once: one wins, the other gets CONFLICT) and the audit event,
 * in one transaction.
 */
async function changeCall(
  actor: HotlineOperator,
  callId: string,
  version: number,
  build: (call: { followUpOn: Date | null; followUpDoneAt: Date | null; outcome: string; notes: string }) => { data: CallChange; action: CallAuditAction; audit: AuditPayload<CallAuditAction> },
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const call = await tx.hotlineCall.findUnique({ where: { id: callId }, select: { followUpOn: true, followUpDoneAt: true, outcome: true, notes: true } });
    if (!call) throw new AppError("NOT_FOUND");
    const { data, action, audit } = build(call);
    const { count } = await tx.hotlineCall.updateMany({ where: { id: callId, version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT");
    await appendAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, entityType: "HotlineCall", entityId: callId, action, data: audit });
    return { version: version + 1 };
  });
}

/** A later change of the outcome, follow-up date (blank clears it; a new date reopens it) and notes. */
export async function updateHotlineCall(actor: Actor, input: UpdateCallInput, today: string = beijingToday()): Promise<{ version: number }> {
  if (!isHotlineOperator(actor)) throw new AppError("NOT_FOUND");
  return changeCall(actor, input.callId, input.version, (call) => {
    const before = call.followUpOn ? dayOfDateColumn(call.followUpOn) : null;
    const after = input.followUpOn ?? null;
    // An unchanged date may lie in the past by now (it is due); a new one may not.
    if (after !== before) assertFollowUpDate(input.followUpOn, today);
    return {
      data: {
        outcome: input.outcome,
        followUpOn: after ? dateColumnOf(after) : null,
        notes: input.notes,
        ...(after !== before ? { followUpDoneAt: null } : {}),
      },
      action: "hotline.call_updated",
      audit: {
        outcome: { from: call.outcome, to: input.outcome },
        followUpOn: { from: before, to: after },
        notesChanged: call.notes !== input.notes,
      },
    };
  });
}

/** The follow-up was made: the call leaves the list of follow-ups due. */
export async function markFollowUpDone(actor: Actor, input: FollowUpDoneInput): Promise<{ version: number }> {
  if (!isHotlineOperator(actor)) throw new AppError("NOT_FOUND");
  return changeCall(actor, input.callId, input.version, (call) => {
    if (!call.followUpOn || call.followUpDoneAt) throw new AppError("INVALID_TRANSITION");
    return {
      data: { followUpDoneAt: new Date() },
      action: "hotline.follow_up_done",
      audit: { followUpOn: dayOfDateColumn(call.followUpOn) },
    };
  });
}
