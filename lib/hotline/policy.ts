import type { HotlineOutcome, HotlineTopic } from "@/lib/generated/prisma/enums";
import type { Actor, StaffActor } from "@/lib/auth/roles";

// The 12351 hotline desk of the centre's public-welfare projects department. The desk is shared: any operator may follow up
// any call; to everyone else a call does not exist.

export type HotlineOperator = StaffActor & { role: "HOTLINE_OPERATOR" };

export const isHotlineOperator = (actor: Actor | null): actor is HotlineOperator =>
  actor !== null && actor.kind === "STAFF" && actor.role === "HOTLINE_OPERATOR";

export const HOTLINE_TOPICS = ["ELIGIBILITY", "HOW_TO_APPLY", "CASE_STATUS", "REPAYMENT_SUBSIDY", "COMPLAINT", "OTHER"] as const satisfies readonly HotlineTopic[];

export const HOTLINE_OUTCOMES = ["ANSWERED", "CALL_BACK", "APPLICATION_STARTED", "REFERRED_TO_DISTRICT"] as const satisfies readonly HotlineOutcome[];

/** A follow-up date may be today or later (Beijing calendar days, YYYY-MM-DD). */
export const isFollowUpDateAllowed = (day: string, today: string): boolean => day >= today;

/** A follow-up is due from its day on until it is marked done. */
export const isFollowUpDue = (call: { followUpOn: string | null; followUpDoneAt: Date | null }, today: string): boolean =>
  call.followUpOn !== null && call.followUpDoneAt === null && call.followUpOn <= today;
