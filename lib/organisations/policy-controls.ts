import type { PolicyInput } from "@/lib/organisations/schemas";

// Which of the programme's controls a new policy version would weaken, compared with the version
// in force. Such a version is not published by one administrator: a second one must approve it.

export const WEAKENED_CONTROLS = ["MAKER_CHECKER_OFF", "HIGHER_LOAN_CAP", "LONGER_TERM", "SHORTER_COOLING_OFF", "HIGHER_SUBSIDY_RATIO",
  "HIGHER_EXCEPTION_CAP", "LONGER_EXCEPTION_TERM", "MORE_CASES_PER_PERSON", "HIGHER_PERSON_EXPOSURE"] as const;
export type WeakenedControl = (typeof WEAKENED_CONTROLS)[number];

type PolicyControls = {
  recommendNeedsChecker: boolean; maxLoanFen: bigint; maxTermMonths: number; coolingDays: number; subsidyRatioBp: number;
  exceptionMaxLoanFen: bigint; exceptionMaxTermMonths: number; maxOpenCasesPerPerson: number; maxExposurePerPersonFen: bigint;
};

export function weakenedControls(current: PolicyControls | null, next: PolicyInput): WeakenedControl[] {
  if (!current) return [];
  const weakened: WeakenedControl[] = [];
  if (current.recommendNeedsChecker && !next.recommendNeedsChecker) weakened.push("MAKER_CHECKER_OFF");
  if (next.maxLoanFen > current.maxLoanFen) weakened.push("HIGHER_LOAN_CAP");
  if (next.maxTermMonths > current.maxTermMonths) weakened.push("LONGER_TERM");
  if (next.coolingDays < current.coolingDays) weakened.push("SHORTER_COOLING_OFF");
  if (next.subsidyRatioPercent * 100 > current.subsidyRatioBp) weakened.push("HIGHER_SUBSIDY_RATIO");
  // What an exception may reach, and how much one person may hold: raising either is loosening.
  if (next.exceptionMaxLoanFen > current.exceptionMaxLoanFen) weakened.push("HIGHER_EXCEPTION_CAP");
  if (next.exceptionMaxTermMonths > current.exceptionMaxTermMonths) weakened.push("LONGER_EXCEPTION_TERM");
  if (next.maxOpenCasesPerPerson > current.maxOpenCasesPerPerson) weakened.push("MORE_CASES_PER_PERSON");
  if (next.maxExposurePerPersonFen > current.maxExposurePerPersonFen) weakened.push("HIGHER_PERSON_EXPOSURE");
  return weakened;
}
