import { AppError, type AppErrorCode } from "@/lib/errors";

// Why a servicing record was refused, as a code with its figures: the action renders the words
// (next-intl, namespace "servicing.refusal"), the tests read the code. Nothing is stored.

export const SERVICING_REFUSALS = [
  "NOT_DISBURSED",
  "NOT_SERVICED",
  "DATE_BEFORE_DISBURSEMENT",
  "DATE_IN_FUTURE",
  "DATE_BEFORE_MISSED",
  "DATE_BEFORE_COMPENSATION",
  "NOTHING_ENTERED",
  "REFERENCE_REQUIRED",
  "ABOVE_OWED",
  "OVERDUE_ABOVE_OWED",
  "COMPENSATION_ABOVE_OWED",
  "NOT_FULLY_REPAID",
  "NOT_OVERDUE",
  "CURE_NOT_OVERDUE",
  "NOT_ACTIVE",
  "NOT_COMPENSATED",
  "ABOVE_RECOVERABLE",
  "REFERENCE_TAKEN",
] as const;

export type ServicingRefusalCode = (typeof SERVICING_REFUSALS)[number];

/** Amounts travel as fen strings, dates as YYYY-MM-DD. */
export type RefusalParams = Record<string, string>;

export class ServicingRefusal extends AppError {
  constructor(
    readonly reason: ServicingRefusalCode,
    /** The form field the refusal is about. */
    readonly field: string,
    readonly params: RefusalParams = {},
    code: AppErrorCode = "VALIDATION",
  ) {
    super(code, undefined, { [field]: [reason] });
    this.name = "ServicingRefusal";
  }
}

export const isServicingRefusal = (e: unknown): e is ServicingRefusal => e instanceof ServicingRefusal;
