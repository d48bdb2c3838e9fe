import { isIsoDate } from "@/lib/loans/schedule";

// Pure rules for a union's founding record (lib/unions/services/record-founding.ts): problems are
// codes, rendered by the page in the reader's language (messages: unionFounding.problems).

export type FoundingProblem = "DATE_FORMAT" | "FUTURE_DATE" | "BEFORE_ENTERPRISE" | "MEMBERS" | "UNION_NAME";

/** Founding members of one union: at least one, and a sane upper bound. */
export const MAX_FOUNDING_MEMBERS = 100_000;

export type FoundingFacts = { foundedOn: string; memberCount: number; unionName: string };

/** Every problem of a founding record on its own (not counting other records), in a fixed order. */
export function foundingProblems(f: FoundingFacts, enterpriseFoundedOn: string | null, today: string): FoundingProblem[] {
  const problems: FoundingProblem[] = [];
  if (!isIsoDate(f.foundedOn)) problems.push("DATE_FORMAT");
  else if (f.foundedOn > today) problems.push("FUTURE_DATE");
  else if (enterpriseFoundedOn && f.foundedOn < enterpriseFoundedOn) problems.push("BEFORE_ENTERPRISE");
  if (!Number.isSafeInteger(f.memberCount) || f.memberCount < 1 || f.memberCount > MAX_FOUNDING_MEMBERS) problems.push("MEMBERS");
  const name = f.unionName.trim();
  if (name.length < 2 || name.length > 100) problems.push("UNION_NAME");
  return problems;
}
