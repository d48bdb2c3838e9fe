import type { DocumentKind, ExceptionStatus, ExceptionType } from "@/lib/generated/prisma/enums";

// tailored-policy (yi qi yi ce) as rules: which value each type carries, which state a record is in on a day, what a
// request may ask for, and what the exceptions in force change for one case. Pure: the services
// and the eligibility rules call these with the records they loaded.

export const EXCEPTION_TYPES = [
  "HIGHER_CAP", "LONGER_TERM", "COOLING_WAIVED", "DOCUMENT_WAIVED", "INTEREST_DEFERRAL", "RENEWAL_FAST_TRACK", "EXTENSION",
] as const satisfies readonly ExceptionType[];

export const EXCEPTION_STATES = ["PENDING", "APPROVED", "REFUSED", "EXPIRED"] as const;
export type ExceptionState = (typeof EXCEPTION_STATES)[number];

/** What the request's value is: an amount (fen), a number of months, a document, or nothing. */
export type ValueKind = "fen" | "months" | "document" | "none";
export const VALUE_KIND: Record<ExceptionType, ValueKind> = {
  HIGHER_CAP: "fen",
  LONGER_TERM: "months",
  DOCUMENT_WAIVED: "document",
  COOLING_WAIVED: "none",
  INTEREST_DEFERRAL: "none",
  RENEWAL_FAST_TRACK: "none",
  EXTENSION: "none",
};

export type ExceptionValue = { valueFen: bigint | null; valueMonths: number | null; documentKind: DocumentKind | null };
export type ExceptionRecord = ExceptionValue & { type: ExceptionType; status: ExceptionStatus; expiresOn: Date };

/** The expiry is a Beijing calendar day, in force through its end. `today` is YYYY-MM-DD (Beijing). */
export const isExpired = (expiresOn: Date, today: string): boolean => expiresOn.toISOString().slice(0, 10) < today;

export function exceptionState(e: Pick<ExceptionRecord, "status" | "expiresOn">, today: string): ExceptionState {
  if (e.status === "REFUSED") return "REFUSED";
  return isExpired(e.expiresOn, today) ? "EXPIRED" : e.status;
}

export const isInForce = (e: Pick<ExceptionRecord, "status" | "expiresOn">, today: string): boolean => exceptionState(e, today) === "APPROVED";

export type Ceilings = { maxLoanFen: bigint; maxTermMonths: number; exceptionMaxLoanFen: bigint; exceptionMaxTermMonths: number };

export type RequestRefusal =
  | { reason: "VALUE_REQUIRED"; field: string }
  | { reason: "NOT_ABOVE_POLICY"; field: string; params: Record<string, string> }
  | { reason: "BEYOND_CEILING"; field: string; params: Record<string, string> }
  | { reason: "EXPIRY_PAST"; field: "expiresOn"; params: Record<string, string> };

/**
 * Whether a request (or its approval: the same checks under the case's policy, on the day of the
 * decision) may stand. A higher cap or a longer term must exceed what the policy allows and stay
 * within the ceiling that policy sets for any exception; the expiry must not have passed.
 */
export function requestRefusal(type: ExceptionType, value: ExceptionValue, expiresOn: string, policy: Ceilings, today: string): RequestRefusal | null {
  const kind = VALUE_KIND[type];
  if (kind === "fen") {
    if (value.valueFen === null) return { reason: "VALUE_REQUIRED", field: "valueYuan" };
    if (value.valueFen <= policy.maxLoanFen) return { reason: "NOT_ABOVE_POLICY", field: "valueYuan", params: { limit: policy.maxLoanFen.toString() } };
    if (value.valueFen > policy.exceptionMaxLoanFen) return { reason: "BEYOND_CEILING", field: "valueYuan", params: { limit: policy.exceptionMaxLoanFen.toString() } };
  }
  if (kind === "months") {
    if (value.valueMonths === null) return { reason: "VALUE_REQUIRED", field: "valueMonths" };
    if (value.valueMonths <= policy.maxTermMonths) return { reason: "NOT_ABOVE_POLICY", field: "valueMonths", params: { limit: `${policy.maxTermMonths}` } };
    if (value.valueMonths > policy.exceptionMaxTermMonths) return { reason: "BEYOND_CEILING", field: "valueMonths", params: { limit: `${policy.exceptionMaxTermMonths}` } };
  }
  if (kind === "document" && value.documentKind === null) return { reason: "VALUE_REQUIRED", field: "documentKind" };
  if (expiresOn < today) return { reason: "EXPIRY_PAST", field: "expiresOn", params: { today } };
  return null;
}

/** Only the value the type carries is kept; anything else typed in the form is dropped. */
export function valueFor(type: ExceptionType, value: Partial<ExceptionValue>): ExceptionValue {
  const kind = VALUE_KIND[type];
  return {
    valueFen: kind === "fen" ? (value.valueFen ?? null) : null,
    valueMonths: kind === "months" ? (value.valueMonths ?? null) : null,
    documentKind: kind === "document" ? (value.documentKind ?? null) : null,
  };
}

export type CaseLimits = {
  maxLoanFen: bigint;
  maxTermMonths: number;
  /** The policy's own figures, to say what an exception changed. */
  policyMaxLoanFen: bigint;
  policyMaxTermMonths: number;
  coolingWaived: boolean;
  waivedDocuments: DocumentKind[];
};

/**
 * What one case may reach under its policy and the exceptions in force on `today`: the case's
 * approved higher cap and longer term (never beyond the policy's ceiling), its waived documents,
 * and a cooling waiver of its enterprise. Callers pass the case's own exceptions and the
 * enterprise's cooling waivers; anything else passed in is ignored by type.
 */
export function caseLimits(policy: Ceilings, exceptions: readonly ExceptionRecord[], today: string): CaseLimits {
  const live = exceptions.filter((e) => isInForce(e, today));
  let maxLoanFen = policy.maxLoanFen;
  let maxTermMonths = policy.maxTermMonths;
  for (const e of live) {
    if (e.type === "HIGHER_CAP" && e.valueFen !== null) {
      const raised = e.valueFen < policy.exceptionMaxLoanFen ? e.valueFen : policy.exceptionMaxLoanFen;
      if (raised > maxLoanFen) maxLoanFen = raised;
    }
    if (e.type === "LONGER_TERM" && e.valueMonths !== null) maxTermMonths = Math.max(maxTermMonths, Math.min(e.valueMonths, policy.exceptionMaxTermMonths));
  }
  return {
    maxLoanFen,
    maxTermMonths,
    policyMaxLoanFen: policy.maxLoanFen,
    policyMaxTermMonths: policy.maxTermMonths,
    coolingWaived: live.some((e) => e.type === "COOLING_WAIVED"),
    waivedDocuments: [...new Set(live.filter((e) => e.type === "DOCUMENT_WAIVED" && e.documentKind).map((e) => e.documentKind!))],
  };
}

/** Who may decide: an approver who did not ask. */
export type DecisionRefusal = "NOT_APPROVER" | "OWN_REQUEST" | null;
export function decisionRefusal(decider: { userId: string; role: string }, requestedById: string): DecisionRefusal {
  if (decider.role !== "CENTER_APPROVER") return "NOT_APPROVER";
  if (decider.userId === requestedById) return "OWN_REQUEST";
  return null;
}
