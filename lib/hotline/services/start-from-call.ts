import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { mobileLookup, unseal } from "@/lib/personal-data/sealed";
import { registerMember } from "@/lib/intake/services/register-member";
import { startAssistedApplication } from "@/lib/intake/services/start-assisted-application";
import { isHotlineOperator } from "@/lib/hotline/policy";
import type { StartFromCallInput } from "@/lib/hotline/schemas";

async function loadCall(callId: string) {
  const call = await db.hotlineCall.findUnique({
    where: { id: callId },
    select: { id: true, callerName: true, callerMobileSealed: true, applicationId: true },
  });
  if (!call) throw new AppError("NOT_FOUND");
  return { ...call, callerMobile: unseal(call.callerMobileSealed, "HotlineCall.callerMobile") };
}

/**
 * The caller has no account: register one for the call's name and mobile (lib/intake; the caller
 * gets the claim text, and the claim e-mail when the operator gives an address).
 */
export async function registerCaller(actor: Actor, callId: string, origin: string, email?: string): Promise<{ userId: string }> {
  if (!isHotlineOperator(actor)) throw new AppError("NOT_FOUND");
  const call = await loadCall(callId);
  return registerMember(actor, { mobile: call.callerMobile, displayName: call.callerName, email }, origin);
}

/**
 * Turns a call into a draft application for the caller (lib/intake, channel HOTLINE, the operator
 * as intake agent). The member must be the account of the caller's mobile; the call is linked to
 * the case and its outcome becomes "application started" in the same transaction. A call links to
 * one case only.
 */
export async function startApplicationFromCall(actor: Actor, input: StartFromCallInput): Promise<{ applicationId: string; callId: string }> {
  if (!isHotlineOperator(actor)) throw new AppError("NOT_FOUND");
  const { callId, ...intake } = input;
  const call = await loadCall(callId);
  if (call.applicationId) throw new AppError("DUPLICATE", words("hotline.errors.alreadyStarted"));
  const member = await db.user.findUnique({ where: mobileLookup(call.callerMobile), select: { id: true } });
  if (!member || member.id !== intake.memberId) throw new AppError("NOT_FOUND", words("intake.errors.memberNotFound"));
  const { applicationId } = await startAssistedApplication(actor, intake, async (tx, applicationId) => {
    const { count } = await tx.hotlineCall.updateMany({
      where: { id: callId, applicationId: null },
      data: { applicationId, outcome: "APPLICATION_STARTED", version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("DUPLICATE", words("hotline.errors.alreadyStarted"));
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.organisationId, applicationId, entityType: "HotlineCall", entityId: callId,
      action: "hotline.application_started", data: { applicationId },
    });
  });
  return { applicationId, callId };
}
