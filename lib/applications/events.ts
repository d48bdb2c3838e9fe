// The audit actions of a case's life; the timeline a user sees is rendered from them.
export const APPLICATION_EVENTS = [
  "created",
  "saved",
  "submitted",
  "resubmitted",
  "withdrawn",
  "recommended",
  "recommendation_confirmed",
  "guarantee_issued",
  "bank_approved",
  "contract_signed",
  "disbursed",
  "returned",
  "rejected",
  "expired",
  "reopened",
  "green_channel_marked",
  "exception_recorded",
  "exception_requested",
  "exception_approved",
  "exception_refused",
  "assigned",
  "document_uploaded",
  "settled",
  "overdue_reported",
  "cured",
  "compensated",
  "repayment_recorded",
  "recovery_recorded",
  "pii_viewed",
  "approvals_voided",
  "note_added",
  "message_sent",
] as const;

export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export const auditAction = (event: ApplicationEvent): `application.${ApplicationEvent}` => `application.${event}`;
