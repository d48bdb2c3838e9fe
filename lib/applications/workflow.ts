import type { ApplicationStatus, OrganisationType } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/auth/roles";

// The application's state machine as data (docs/architecture.md draws it). Services look up
// the transition by name; whose turn it is follows from the table.

/** Who holds the case in each status: the applicant, an organisation type, or nobody. */
export const HOLDER = {
  DRAFT: "APPLICANT",
  CENTER_REVIEW: "SUPPORT_CENTER",
  GUARANTOR_REVIEW: "GUARANTOR",
  BANK_REVIEW: "BANK",
  CONTRACTING: "BANK",
  ACTIVE: "BANK",
  RETURNED: "APPLICANT",
  EXPIRED: "SUPPORT_CENTER",
  REJECTED: null,
  WITHDRAWN: null,
  SETTLED: null,
  OVERDUE: "BANK",
  COMPENSATED: null,
} as const satisfies Record<ApplicationStatus, OrganisationType | "APPLICANT" | null>;

export const REVIEW_STATUSES = ["CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW"] as const satisfies readonly ApplicationStatus[];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const isReviewStatus = (s: ApplicationStatus): s is ReviewStatus =>
  (REVIEW_STATUSES as readonly ApplicationStatus[]).includes(s);

const CENTER_STAFF = ["CENTER_REVIEWER", "CENTER_APPROVER"] as const;

type Transition = {
  from: readonly ApplicationStatus[];
  /** A fixed target, or RETURN_STAGE for "back to the stage that returned it". */
  to: ApplicationStatus | "RETURN_STAGE";
  roles: readonly Role[];
  /** The applicant may take this step whoever holds the case (withdrawal). */
  anyHolder?: boolean;
};

// Only the applicant submits: the submission carries their consents (a district union takes a
// case in and prepares the draft, lib/intake, but cannot submit it for them).
export const TRANSITIONS = {
  submit: { from: ["DRAFT"], to: "CENTER_REVIEW", roles: ["APPLICANT"] },
  resubmit: { from: ["RETURNED"], to: "RETURN_STAGE", roles: ["APPLICANT"] },
  withdraw: {
    from: ["DRAFT", "CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW", "RETURNED"],
    to: "WITHDRAWN",
    roles: ["APPLICANT", "DISTRICT_AGENT"],
    anyHolder: true,
  },
  // Without maker-checker the recommendation moves the case at once; with it, the maker's
  // proposal keeps the case at the centre until a different approver confirms.
  centerRecommend: { from: ["CENTER_REVIEW"], to: "GUARANTOR_REVIEW", roles: CENTER_STAFF },
  centerPropose: { from: ["CENTER_REVIEW"], to: "CENTER_REVIEW", roles: CENTER_STAFF },
  centerConfirm: { from: ["CENTER_REVIEW"], to: "GUARANTOR_REVIEW", roles: ["CENTER_APPROVER"] },
  guarantorApprove: { from: ["GUARANTOR_REVIEW"], to: "BANK_REVIEW", roles: ["GUARANTOR_OFFICER"] },
  bankApprove: { from: ["BANK_REVIEW"], to: "CONTRACTING", roles: ["BANK_OFFICER"] },
  signContract: { from: ["CONTRACTING"], to: "CONTRACTING", roles: ["BANK_OFFICER"] },
  returnForInfo: {
    from: REVIEW_STATUSES,
    to: "RETURNED",
    roles: [...CENTER_STAFF, "GUARANTOR_OFFICER", "BANK_OFFICER"],
  },
  reject: { from: REVIEW_STATUSES, to: "REJECTED", roles: [...CENTER_STAFF, "GUARANTOR_OFFICER", "BANK_OFFICER"] },
  disburse: { from: ["CONTRACTING"], to: "ACTIVE", roles: ["BANK_OFFICER"] },
  expire: { from: ["RETURNED"], to: "EXPIRED", roles: [] },
  reopen: { from: ["EXPIRED"], to: "RETURNED", roles: CENTER_STAFF },
  settle: { from: ["ACTIVE"], to: "SETTLED", roles: ["BANK_OFFICER"] },
  reportOverdue: { from: ["ACTIVE"], to: "OVERDUE", roles: ["BANK_OFFICER"] },
  cure: { from: ["OVERDUE"], to: "ACTIVE", roles: ["BANK_OFFICER"] },
  // The guarantor pays the bank while the bank holds the overdue loan.
  compensate: { from: ["OVERDUE"], to: "COMPENSATED", roles: ["GUARANTOR_OFFICER"], anyHolder: true },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

/** The status a transition leads to from `from`, or null when it does not apply. */
export function targetOf(
  name: TransitionName,
  from: ApplicationStatus,
  returnedFrom: ApplicationStatus | null,
): ApplicationStatus | null {
  const t: Transition = TRANSITIONS[name];
  if (!t.from.includes(from)) return null;
  if (t.to !== "RETURN_STAGE") return t.to;
  return returnedFrom && isReviewStatus(returnedFrom) ? returnedFrom : null;
}

/** Whether the step is the actor's to take now: it holds the case, or the step allows any holder. */
export function isActorsTurn(name: TransitionName, holder: (typeof HOLDER)[ApplicationStatus], actorSide: string): boolean {
  const t: Transition = TRANSITIONS[name];
  return t.anyHolder === true || holder === actorSide;
}

export const roleMayAttempt = (name: TransitionName, role: Role): boolean =>
  (TRANSITIONS[name].roles as readonly Role[]).includes(role);

const fromOf = (name: TransitionName): readonly ApplicationStatus[] => TRANSITIONS[name].from;

/** Statuses the applicant (or the agent for them) may withdraw from: before contracting. */
export const WITHDRAWABLE_STATUSES: readonly ApplicationStatus[] = fromOf("withdraw");

/**
 * Open cases: still on their way to a loan. Those that can be withdrawn, and those waiting for
 * disbursement (contracting); a disbursed, rejected, withdrawn or expired case is not open.
 */
export const OPEN_STATUSES: readonly ApplicationStatus[] = [...new Set([...WITHDRAWABLE_STATUSES, ...fromOf("disburse")])];

/** Open cases past the draft: the applicant has submitted them (what counts against a person's limits). */
export const SUBMITTED_OPEN_STATUSES: readonly ApplicationStatus[] = OPEN_STATUSES.filter((s) => !fromOf("submit").includes(s));

export const isOpenStatus = (status: ApplicationStatus): boolean => OPEN_STATUSES.includes(status);

/** The review stage of a review status (decision rows record it). */
export const STAGE_OF = {
  CENTER_REVIEW: "CENTER",
  GUARANTOR_REVIEW: "GUARANTOR",
  BANK_REVIEW: "BANK",
} as const satisfies Record<ReviewStatus, "CENTER" | "GUARANTOR" | "BANK">;
