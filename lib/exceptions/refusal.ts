import { AppError, type AppErrorCode } from "@/lib/errors";

// Why an exception request or decision was refused, as a code with its figures: the action
// renders the words (next-intl, "exceptions.refusal"), the tests read the code. Nothing is stored.

export const EXCEPTION_REFUSALS = [
  "VALUE_REQUIRED",
  "NOT_ABOVE_POLICY",
  "BEYOND_CEILING",
  "EXPIRY_PAST",
  "PENDING_EXISTS",
  "CASE_CLOSED",
  "NOT_APPROVER",
  "OWN_REQUEST",
  "ALREADY_DECIDED",
  "EXPIRED",
] as const;

export type ExceptionRefusalCode = (typeof EXCEPTION_REFUSALS)[number];

/** Amounts travel as fen strings, dates as YYYY-MM-DD. */
export class ExceptionRefusal extends AppError {
  constructor(
    readonly reason: ExceptionRefusalCode,
    /** The form field the refusal is about ("_form" for none). */
    readonly field: string,
    readonly params: Record<string, string> = {},
    code: AppErrorCode = "VALIDATION",
  ) {
    super(code, undefined, field === "_form" ? undefined : { [field]: [reason] });
    this.name = "ExceptionRefusal";
  }
}

export const isExceptionRefusal = (e: unknown): e is ExceptionRefusal => e instanceof ExceptionRefusal;
