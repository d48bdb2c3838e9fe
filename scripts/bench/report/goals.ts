// The performance issue's goals, and each measured row judged against them.

export const GOALS = {
  lightestVsBare: 0.8,
  signedInVsLightest: 0.8,
  signedInP95Ms: 50,
  pdfMedianMs: 50,
  // Every page at each larger size against itself at the smallest.
  largestVsSmallest: 0.85,
  // First-load JavaScript of each applicant route, gzip, in Chromium on a phone-sized window.
  applicantFirstLoadKb: 120,
} as const;

/** bare: the baseline; lightest: the app's lightest page; public and signed-in pages; the form PDF. */
export type RowKind = "bare" | "lightest" | "public" | "signed-in" | "pdf";

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
  bytes: number;
  peakRssMb: number;
};

export type Judged = PageRow & {
  against: "—" | "bare" | "lightest";
  ratio: number | null;
  /** Throughput against the same row at the smallest size (null for the smallest, or one size). */
  vsSmallest: number | null;
  goal: string;
  result: "PASS" | "FAIL" | "—";
  why: string[];
};

const at = (n: number) => `≥ ${n.toFixed(2)}×`;

export function judge(row: PageRow, bare: PageRow, lightest: PageRow | undefined, smallest: PageRow | undefined): Judged {
  const why: string[] = [];
  const goals: string[] = [];
  const against = row.kind === "bare" ? "—" : row.kind === "lightest" ? "bare" : "lightest";
  const reference = against === "bare" ? bare : against === "lightest" ? lightest : undefined;
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
  const vsSmallest = smallest && smallest !== row ? row.reqPerSec / smallest.reqPerSec : null;
  if (vsSmallest !== null && row.kind !== "bare") {
    goals.push(`${at(GOALS.largestVsSmallest)} smallest`);
    if (vsSmallest < GOALS.largestVsSmallest) why.push(`${vsSmallest.toFixed(2)}× at ${smallest!.cases}`);
  }
  if (row.failures > 0) why.push(`${row.failures} failed responses`);
  if (row.responses === 0) why.push("no response within the run");
  const result = why.length > 0 ? "FAIL" : goals.length > 0 ? "PASS" : "—";
  return { ...row, against, ratio, vsSmallest, goal: goals.join(", ") || "—", result, why };
}
