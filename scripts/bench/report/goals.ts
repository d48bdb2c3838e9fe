// The performance issue's goals, and each measured row judged against them.

export const GOALS = {
  lightestVsBare: 0.8,
  signedInVsLightest: 0.8,
  signedInP95Ms: 50,
  pdfMedianMs: 50,
  // Every page at each larger size against itself at the smallest.
  largestVsSmallest: 0.85,
  // A submit and a review replayed against a server action that does nothing.
  actionVsNoop: 0.6,
  // First-load JavaScript of each applicant route, gzip, in Chromium on a phone-sized window.
  applicantFirstLoadKb: 120,
} as const;

/**
 * bare: the baseline; lightest: the app's lightest page; public and signed-in pages; the form PDF;
 * noop: a server action that does nothing (the actions' baseline); floor: an action of the bare app
 * that writes one row (shown against the no-op, without a goal: what any writing action starts
 * from); action: a portal action replayed.
 */
export type RowKind = "bare" | "lightest" | "public" | "signed-in" | "pdf" | "noop" | "floor" | "action";

export type PageRow = {
  label: string;
  /** The same row at every size. */
  key: string;
  kind: RowKind;
  cases: number;
  responses: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  /** An action row: the replayed cases the database shows not moved on after the run (a floor row: calls without their row). */
  notDone?: number;
  bytes: number;
  peakRssMb: number;
};

export type Judged = PageRow & {
  against: "—" | "bare" | "lightest" | "no-op";
  ratio: number | null;
  /** Throughput against the same row at the smallest size (null for the smallest, or one size). */
  vsSmallest: number | null;
  goal: string;
  result: "PASS" | "FAIL" | "—";
  why: string[];
};

const at = (n: number) => `≥ ${n.toFixed(2)}×`;

const AGAINST = { bare: "—", noop: "—", lightest: "bare", floor: "no-op", action: "no-op" } as const;

/** The rows a row is judged against: its baselines measured at its own size, and itself and the bare page at the smallest size. */
export type References = { bare: PageRow; lightest?: PageRow; noop?: PageRow; smallest?: PageRow; smallestBare?: PageRow };

export function judge(row: PageRow, { bare, lightest, noop, smallest, smallestBare }: References): Judged {
  const why: string[] = [];
  const goals: string[] = [];
  const against: Judged["against"] = row.kind in AGAINST ? AGAINST[row.kind as keyof typeof AGAINST] : "lightest";
  const reference = { bare, lightest, "no-op": noop, "—": undefined }[against];
  const ratio = reference ? row.reqPerSec / reference.reqPerSec : null;
  if (row.kind === "lightest") {
    goals.push(at(GOALS.lightestVsBare));
    if (ratio! < GOALS.lightestVsBare) why.push(`${ratio!.toFixed(2)}× bare`);
  }
  if (row.kind === "signed-in") {
    goals.push(at(GOALS.signedInVsLightest), `p95 ≤ ${GOALS.signedInP95Ms}`);
    if (ratio !== null && ratio < GOALS.signedInVsLightest) why.push(`${ratio.toFixed(2)}× lightest`);
    if (row.p95 > GOALS.signedInP95Ms) why.push(`p95 ${Math.round(row.p95)} ms`);
  }
  if (row.kind === "pdf") {
    goals.push(`p50 ≤ ${GOALS.pdfMedianMs}`);
    if (row.p50 > GOALS.pdfMedianMs) why.push(`p50 ${Math.round(row.p50)} ms`);
  }
  if (row.kind === "action") {
    goals.push(at(GOALS.actionVsNoop));
    if (ratio === null) why.push("no no-op action measured");
    else if (ratio < GOALS.actionVsNoop) why.push(`${ratio.toFixed(2)}× no-op`);
  }
  // Flatness: the row's throughput against itself at the smallest size, each over the bare page
  // measured at the same size, so a change in the machine's load between sizes cancels out.
  // The bare row itself shows its raw change: how much the machine's load moved between sizes.
  const drift = row.kind === "bare" || !smallestBare ? 1 : bare.reqPerSec / smallestBare.reqPerSec;
  const vsSmallest = smallest && smallest !== row ? row.reqPerSec / smallest.reqPerSec / drift : null;
  // The flatness goal is the pages'; an action's row shows the ratio without a goal.
  if (vsSmallest !== null && !["bare", "noop", "floor", "action"].includes(row.kind)) {
    goals.push(`${at(GOALS.largestVsSmallest)} smallest`);
    if (vsSmallest < GOALS.largestVsSmallest) why.push(`${vsSmallest.toFixed(2)}× at ${smallest!.cases}`);
  }
  if (row.failures > 0) why.push(`${row.failures} failed responses`);
  if (row.notDone) why.push(row.kind === "floor" ? `${row.notDone} calls without their row` : `${row.notDone} cases not moved on`);
  if (row.responses === 0) why.push("no response within the run");
  const result = why.length > 0 ? "FAIL" : goals.length > 0 ? "PASS" : "—";
  return { ...row, against, ratio, vsSmallest, goal: goals.join(", ") || "—", result, why };
}
