import { z } from "zod";
import { applicantMessage, dayText, fenText } from "@/lib/audit/events/values";

// The events of a case's life (lib/applications/events.ts), as their services write them. The
// timeline a user sees is rendered from these.

/** What every review step writes (lib/applications/services/transition.ts). The demo's past cases have no version. */
const step = z.object({
  from: z.string(),
  to: z.string(),
  version: z.number().int().optional(),
  comment: z.string().nullish(),
  reasonCode: z.string().nullish(),
  missingItems: z.array(z.string()).nullish(),
  message: applicantMessage.nullish(),
});

/** What a loan's change of status writes besides the step (lib/loans/services/loan-status.ts). */
const loanStep = step.extend({
  closedOn: dayText.optional(),
  principalFen: fenText.optional(),
  interestFen: fenText.optional(),
  reference: z.string().nullish(),
});

const exceptionDecided = z.object({ type: z.string(), comment: z.string().nullish(), requestedById: z.string(), version: z.number().int() });

export const APPLICATION_AUDIT_EVENTS = {
  "application.created": z.object({
    number: z.string(),
    kind: z.enum(["NEW", "RENEWAL"]),
    channel: z.string().optional(),
    intakeOrgId: z.string().optional(),
    agentId: z.string().optional(),
    applicantId: z.string().optional(),
    previousLoanId: z.string().optional(),
  }),
  "application.saved": z.object({ step: z.string(), amountFen: fenText, termMonths: z.number().int() }),
  "application.submitted": step,
  "application.resubmitted": step,
  "application.withdrawn": step.extend({ reason: z.string().nullish() }),
  "application.recommended": step,
  "application.recommendation_confirmed": step,
  "application.guarantee_issued": step.extend({ contractNo: z.string().optional(), guaranteedFen: fenText.optional() }),
  "application.bank_approved": step.extend({
    contractNo: z.string().optional(), principalFen: fenText.optional(), annualRateMicros: z.number().int().optional(),
  }),
  "application.contract_signed": step,
  "application.disbursed": step.extend({ disbursedOn: dayText.optional(), amountFen: fenText.optional() }),
  "application.returned": step,
  "application.rejected": step,
  "application.expired": step,
  "application.reopened": step,
  "application.green_channel_marked": z.object({ comment: z.string().nullish(), version: z.number().int() }),
  "application.exception_recorded": step,
  "application.exception_requested": z.object({
    type: z.string(), reason: z.string(), expiresOn: dayText.nullish(), valueFen: fenText.nullable(),
    valueMonths: z.number().int().nullish(), documentKind: z.string().nullish(),
  }),
  "application.exception_approved": exceptionDecided,
  "application.exception_refused": exceptionDecided,
  "application.assigned": z.object({ assigneeId: z.string() }),
  "application.document_uploaded": z.object({
    kind: z.string(), version: z.number().int(), sizeBytes: z.number().int(), fileName: z.string(), page: z.number().int(),
  }),
  "application.settled": loanStep,
  "application.overdue_reported": loanStep.extend({ firstMissedOn: dayText.optional() }),
  "application.cured": loanStep.extend({ curedOn: dayText.optional() }),
  "application.compensated": loanStep.extend({ amountFen: fenText.optional(), paidOn: dayText.optional() }),
  "application.repayment_recorded": z.object({
    loanId: z.string(), principalFen: fenText, interestFen: fenText, paidOn: dayText, reference: z.string().nullish(),
  }),
  "application.recovery_recorded": z.object({ loanId: z.string(), amountFen: fenText, recoveredOn: dayText, reference: z.string().nullish() }),
  "application.pii_viewed": z.object({ purpose: z.string(), fields: z.array(z.string()) }),
  "application.approvals_voided": z.object({
    returnedFrom: z.string().nullable(),
    from: z.object({ amountFen: fenText.nullable(), termMonths: z.number().int().nullable() }),
    to: z.object({ amountFen: fenText, termMonths: z.number().int() }),
    guarantees: z.array(z.object({ contractNo: z.string(), guaranteedFen: fenText })),
  }),
  "application.note_added": z.object({ note: z.string() }),
  "application.message_sent": z.object({ message: applicantMessage }),
  "application.organisation_reassigned": z.object({
    before: z.record(z.string(), z.string()), after: z.record(z.string(), z.string()), version: z.number().int(),
  }),
} as const;

/** A reminder sent once by a job (lib/jobs/send-once.ts): which, about what, to how many people. */
const reminder = z.object({ kind: z.string(), subjectKey: z.string(), recipients: z.number().int() });

export const REMINDER_AUDIT_EVENTS = {
  "application.reminder_sent": reminder,
  "application.overdue_reminder_sent": reminder,
  "application.escalated": reminder,
  "loan.repayment_reminder_sent": reminder,
  "loan.maturity_reminder_sent": reminder,
  "hotline.follow_up_reminder_sent": reminder,
  "union.standing_reminder_sent": reminder,
} as const;

export type ReminderAuditAction = keyof typeof REMINDER_AUDIT_EVENTS;
