// Expected failures of a use case. The action wrapper turns the code into a message in the
// user's language; anything else is logged and shown as a generic error.
export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "NOT_FOUND",
  "FORBIDDEN",
  "NOT_YOUR_TURN",
  "INVALID_TRANSITION",
  "CONFLICT",
  "VALIDATION",
  "DUPLICATE",
  "INELIGIBLE",
  "CONSENT_REQUIRED",
  "SAME_PERSON",
  "QUOTA_EXCEEDED",
  "DRAFT_PENDING",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** A message for the user when the code alone is not specific enough (already translated). */
    readonly detail?: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
