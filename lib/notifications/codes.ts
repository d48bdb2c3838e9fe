import { beijingMinuteOf } from "@/lib/calendar/beijing";

// The messages the portal stores as a code with parameters (rendered with next-intl, namespace
// `inbox.notice.<code>`). Parameters are plain strings: numbers, ISO dates and instants, fen.
export const NOTICE_CODES = [
  "stageDueSoon",
  "stageOverdue",
  "stageEscalated",
  "repaymentDue",
  "loanMaturing",
  "loanOverdue",
  "standingMissing",
  "standingMissingApplicant",
  // What the applicant is told of their case (lib/reviews/applicant-message.ts): a decision's
  // template, with what the staff member wrote to them kept as written (`staffText`).
  "applicationReturned",
  "applicationRejected",
  "applicationReopened",
  "recommendationConfirmed",
  "guaranteeIssued",
  "creditApproved",
  "loanDisbursed",
  "caseMessage",
  // The bank's or guarantor's report on a running loan: settled, overdue, cured, compensated (lib/loans).
  "loanStatusChanged",
  // The applicant's own steps and the lapse of a returned case (lib/applications/services).
  "applicationSubmitted",
  "applicationResubmitted",
  "applicationExpired",
  // A draft a district union's agent or the hotline prepared for the member (lib/intake).
  "draftPrepared",
  "hotlineDraftPrepared",
  // The hotline's follow-up due, to the operator who took the call (lib/jobs/hotline-follow-ups.ts).
  "hotlineFollowUpDue",
] as const;

export type NoticeCode = (typeof NOTICE_CODES)[number];
export type NoticeParams = Record<string, string>;

export const isNoticeCode = (value: unknown): value is NoticeCode => (NOTICE_CODES as readonly unknown[]).includes(value);

/** Which kind of notice it is, for the inbox's grouping: assigned work, what is due, escalations. */
export const NOTICE_GROUP = {
  stageDueSoon: "due",
  stageOverdue: "due",
  stageEscalated: "escalated",
  repaymentDue: "due",
  loanMaturing: "due",
  loanOverdue: "escalated",
  standingMissing: "due",
  standingMissingApplicant: "due",
  applicationReturned: "case",
  applicationRejected: "case",
  applicationReopened: "case",
  recommendationConfirmed: "case",
  guaranteeIssued: "case",
  creditApproved: "case",
  loanDisbursed: "case",
  caseMessage: "case",
  loanStatusChanged: "case",
  applicationSubmitted: "case",
  applicationResubmitted: "case",
  applicationExpired: "case",
  draftPrepared: "case",
  hotlineDraftPrepared: "case",
  hotlineFollowUpDue: "due",
} as const satisfies Record<NoticeCode, NoticeGroup>;

export type NoticeGroup = "due" | "escalated" | "assigned" | "case";

/** The parameter that carries what a staff member wrote to the applicant, shown as written (never an ICU value). */
export const STAFF_TEXT = "staffText";

/**
 * Notices that also go out as a text message to the reader's mobile: the applicant's reminders
 * that cost money when missed (many applicants have no e-mail and do not sign in between).
 */
export const TEXTED_CODES: ReadonlySet<NoticeCode> = new Set(["repaymentDue", "loanMaturing", "standingMissingApplicant"]);

/**
 * The parameters as words show them, the same in every language: amounts (`…Fen`) as ¥1,234.56,
 * instants (`…At`) as Beijing date and time; dates and numbers as stored.
 */
export function displayParams(params: NoticeParams, formatFen: (fen: bigint) => string): NoticeParams {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => {
    if (key.endsWith("Fen") && /^-?\d+$/.test(value)) return [key, formatFen(BigInt(value))];
    if (key.endsWith("At") && !Number.isNaN(Date.parse(value))) {
      return [key, beijingMinuteOf(new Date(Date.parse(value)))];
    }
    return [key, value];
  }));
}
