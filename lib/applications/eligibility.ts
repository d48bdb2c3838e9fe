import { formatFen } from "@/lib/money/fen";
import { AppError } from "@/lib/errors";
import { beijingDayOf, DAY_MS } from "@/lib/calendar/beijing";

// The pre-check shown before the applicant types and enforced again at submission. Each block
// is explained in plain words; the list is empty when the case may go ahead.

export type EligibilityFacts = {
  hasMemberProfile: boolean;
  /** `changed`: a consent exists only to an earlier wording (lib/consents): consent again. */
  consents: { sensitive: boolean; credit: boolean; changed?: boolean };
  amountFen: bigint | null;
  termMonths: number | null;
  /** The case's limits: the pinned policy's, raised by the case's tailored-policy (yi qi yi ce) exceptions in force. */
  policy: { maxLoanFen: bigint; maxTermMonths: number; coolingDays: number };
  /** An approved, unexpired cooling waiver of the enterprise lifts the cooling block. */
  coolingWaived?: boolean;
  /** The person's other open cases and outstanding loans, across all their enterprises. */
  person?: PersonExposure;
  otherOpenCase: { number: string } | null;
  /** A loan of the enterprise not yet repaid (active or overdue) that this case does not renew. */
  outstandingLoan: { contractNo: string } | null;
  lastRejection: { number: string; closedAt: Date } | null;
  now: Date;
};

export type PersonExposure = {
  /** Open cases and outstanding loans other than this case (a renewal's loan counts as the renewal). */
  others: number;
  /** What they add up to: amounts requested, principal not yet repaid. */
  othersFen: bigint;
  maxCases: number;
  maxExposureFen: bigint;
};

export const ELIGIBILITY_CODES = [
  "NOT_MEMBER", "NO_CONSENT", "CONSENT_CHANGED", "OVER_CAP", "TERM", "COOLING", "OPEN_CASE", "OUTSTANDING_LOAN", "INCOMPLETE", "MISSING_DOCUMENTS",
  "PERSON_CASES", "PERSON_EXPOSURE",
] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];

/**
 * One reason a case may not go ahead, as a code with its figures (amounts already written as
 * ¥1,234.56, dates as YYYY-MM-DD): pages and refusals put it into words in the reader's language
 * (next-intl, "errors.eligibility").
 */
export type EligibilityBlock = { code: EligibilityCode; params: Record<string, string> };

/** The per-person rule: this case beside the person's others stays within both caps. */
export function personBlocks(person: PersonExposure, amountFen: bigint | null): EligibilityBlock[] {
  const blocks: EligibilityBlock[] = [];
  if (person.others + 1 > person.maxCases) {
    blocks.push({ code: "PERSON_CASES", params: { max: String(person.maxCases), others: String(person.others) } });
  }
  const total = person.othersFen + (amountFen ?? 0n);
  if (total > person.maxExposureFen) {
    blocks.push({ code: "PERSON_EXPOSURE", params: { max: formatFen(person.maxExposureFen), others: formatFen(person.othersFen), total: formatFen(total) } });
  }
  return blocks;
}

export function eligibilityBlocks(f: EligibilityFacts): EligibilityBlock[] {
  const blocks: EligibilityBlock[] = [];
  if (!f.hasMemberProfile) blocks.push({ code: "NOT_MEMBER", params: {} });
  if (!f.consents.sensitive || !f.consents.credit) blocks.push({ code: f.consents.changed ? "CONSENT_CHANGED" : "NO_CONSENT", params: {} });
  if (f.amountFen !== null && f.amountFen > f.policy.maxLoanFen) {
    blocks.push({ code: "OVER_CAP", params: { maxLoan: formatFen(f.policy.maxLoanFen) } });
  }
  if (f.termMonths !== null && (f.termMonths < 1 || f.termMonths > f.policy.maxTermMonths)) {
    blocks.push({ code: "TERM", params: { maxTermMonths: String(f.policy.maxTermMonths) } });
  }
  if (f.otherOpenCase) blocks.push({ code: "OPEN_CASE", params: { number: f.otherOpenCase.number } });
  if (f.outstandingLoan) blocks.push({ code: "OUTSTANDING_LOAN", params: { contractNo: f.outstandingLoan.contractNo } });
  if (f.person) blocks.push(...personBlocks(f.person, f.amountFen));
  if (f.lastRejection && !f.coolingWaived) {
    const until = new Date(f.lastRejection.closedAt.getTime() + f.policy.coolingDays * DAY_MS);
    if (until > f.now) {
      blocks.push({ code: "COOLING", params: { number: f.lastRejection.number, coolingDays: String(f.policy.coolingDays), until: beijingDayOf(until) } });
    }
  }
  return blocks;
}

/** A refusal for eligibility: the blocks travel with it, the action words them (lib/actions/safe-action.ts). */
export class IneligibleError extends AppError {
  constructor(readonly blocks: EligibilityBlock[]) {
    super("INELIGIBLE", undefined);
    this.name = "IneligibleError";
  }
}

export const isIneligible = (e: unknown): e is IneligibleError => e instanceof IneligibleError;

/** The blocks in words, with `t` over the whole of the reader's catalogue. */
export const wordEligibility = (blocks: EligibilityBlock[], t: (key: string, values?: Record<string, string>) => string): string =>
  blocks.map((b) => t(`errors.eligibility.${b.code}`, blockValues(b, t))).join(" ");

// Missing documents travel as their kinds (comma-separated): each is named in the reader's language.
export function blockValues(b: EligibilityBlock, t: (key: string, values?: Record<string, string>) => string): Record<string, string> {
  if (b.code !== "MISSING_DOCUMENTS") return b.params;
  const names = (b.params.kinds ?? "").split(",").filter(Boolean).map((kind) => t(`case.documents.kind.${kind}`));
  return { list: names.join(t("applicant.application.listSeparator")) };
}
