import { createTranslator } from "use-intl/core";
import { displayParams, STAFF_TEXT, type NoticeCode, type NoticeParams } from "@/lib/notifications/codes";
import { formatFen } from "@/lib/money/fen";

/**
 * What the applicant is told: a template (a notice code and its values, worded in the reader's
 * language when shown) and, when a staff member wrote to them, their words exactly as written.
 * A decision's `comment` is never part of it: that is a note between the organisations.
 */
export type ApplicantMessage = { code: NoticeCode; params: NoticeParams; text: string | null };

/** The decisions and requests that tell the applicant, and the template each one sends. */
export const MESSAGE_OF = {
  return: "applicationReturned",
  reject: "applicationRejected",
  reopen: "applicationReopened",
  confirm: "recommendationConfirmed",
  issueGuarantee: "guaranteeIssued",
  approveCredit: "creditApproved",
  disburse: "loanDisbursed",
  messageApplicant: "caseMessage",
} as const satisfies Record<string, NoticeCode>;

export type MessagingStep = keyof typeof MESSAGE_OF;

/** The one-time list as the applicant gets it: one item per line, list markers dropped (the form's preview uses it too). */
export function splitMissingItems(text: string): string[] {
  return text.split("\n").map((line) => line.replace(/^\s*(?:[-•*]|\d+[.、)）])\s*/, "").trim()).filter(Boolean);
}

/** The list of what is missing, as one template value (the list itself stays on the decision). */
export const joinItems = (items: readonly string[]): string => items.join("；");

/** An optional free text: blank means none. */
export const textOrNull = (text: string | undefined | null): string | null => (text && text.trim() ? text.trim() : null);

/** The notification's stored parameters: the template's values, and the staff member's words as written. */
export const storedParams = (m: ApplicantMessage): NoticeParams => (m.text ? { ...m.params, [STAFF_TEXT]: m.text } : m.params);

export type NoticeTemplates = Partial<Record<NoticeCode, { title: string; body: string }>>;

/**
 * The words of a message exactly as they are sent, for a language's templates (the staff form's
 * preview uses the programme's language, which is the one the mail goes out in).
 */
export function wordsOfMessage(locale: string, templates: NoticeTemplates, m: ApplicantMessage): { title: string; body: string; text: string | null } {
  const t = createTranslator({ locale, messages: { notice: templates } as Record<string, unknown>, namespace: "notice" as never }) as unknown as
    (key: string, values?: NoticeParams) => string;
  const values = displayParams(m.params, formatFen);
  return { title: t(`${m.code}.title`, values), body: t(`${m.code}.body`, values), text: m.text };
}
