// Every expected failure leaves the server as an AppError with one of these codes. ERROR_TABLE
// is the one map from a code to its HTTP status (route handlers, lib/http/route.ts) and to its
// message key (`errors.<key>` in both catalogues; actions and route handlers word it in the
// reader's language). Anything that is not an AppError is logged with a correlation id and
// answered generically (UNEXPECTED).
import type { Message } from "@/lib/i18n/words";

export const ERROR_TABLE = {
  UNAUTHENTICATED: { status: 401, message: "UNAUTHENTICATED" },
  // Outsiders are told "not found": to them a foreign record does not exist.
  NOT_FOUND: { status: 404, message: "NOT_FOUND" },
  FORBIDDEN: { status: 403, message: "FORBIDDEN" },
  NOT_YOUR_TURN: { status: 409, message: "NOT_YOUR_TURN" },
  INVALID_TRANSITION: { status: 409, message: "INVALID_TRANSITION" },
  CONFLICT: { status: 409, message: "CONFLICT" },
  VALIDATION: { status: 400, message: "VALIDATION" },
  DUPLICATE: { status: 409, message: "DUPLICATE" },
  INELIGIBLE: { status: 422, message: "INELIGIBLE" },
  CONSENT_REQUIRED: { status: 422, message: "CONSENT_REQUIRED" },
  SAME_PERSON: { status: 409, message: "SAME_PERSON" },
  QUOTA_EXCEEDED: { status: 409, message: "QUOTA_EXCEEDED" },
  DRAFT_PENDING: { status: 422, message: "DRAFT_PENDING" },
  /** A request the handler cannot read (a malformed query or body). */
  BAD_REQUEST: { status: 400, message: "BAD_REQUEST" },
  /** A request or an answer over its size limit. */
  TOO_LARGE: { status: 413, message: "TOO_LARGE" },
  /** The database could not be reached or dropped the connection: nothing was done, try again. */
  UNAVAILABLE: { status: 503, message: "UNAVAILABLE" },
  /** Never thrown on purpose: what any other failure becomes for the reader. */
  UNEXPECTED: { status: 500, message: "UNEXPECTED" },
} as const satisfies Record<string, { status: number; message: string }>;

export type AppErrorCode = keyof typeof ERROR_TABLE;

export const APP_ERROR_CODES = Object.keys(ERROR_TABLE) as AppErrorCode[];

/** The catalogue namespace of the error messages. */
export const ERRORS_NAMESPACE = "errors";

export const httpStatusOf = (code: AppErrorCode): number => ERROR_TABLE[code].status;

/** The message key of a code, inside ERRORS_NAMESPACE. */
export const messageKeyOf = (code: AppErrorCode): string => ERROR_TABLE[code].message;

export const isAppErrorCode = (value: string): value is AppErrorCode => Object.hasOwn(ERROR_TABLE, value);

/**
 * The digest a server error carries to the browser when the database could not be reached. Next
 * sends a server component's error to the client boundary only as its digest (the message is
 * withheld in production), and keeps a digest the error already has: app/error.tsx reads this one
 * to show the "try again" page instead of the generic one.
 */
export const UNAVAILABLE_DIGEST = "NCD_UNAVAILABLE";

/** Gives an error that means "the database could not be reached" the known digest; returns it. */
export function withUnavailableDigest<E>(error: E): E {
  if (error && typeof error === "object" && !("digest" in error)) {
    Object.defineProperty(error, "digest", { value: UNAVAILABLE_DIGEST, configurable: true, writable: true });
  }
  return error;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** What to tell the reader when the code alone is not specific enough: Words, put into the reader's language at the edge. */
    readonly detail?: Message,
    readonly fieldErrors?: Readonly<Record<string, readonly Message[]>>,
  ) {
    super(detail === undefined ? code : typeof detail === "string" ? detail : detail.key);
    this.name = "AppError";
    if (code === "UNAVAILABLE") withUnavailableDigest(this);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
