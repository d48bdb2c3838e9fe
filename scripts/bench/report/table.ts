// The run's results as Markdown tables, ready to paste into docs/performance.md.
import type { Judged } from "./goals";

const cell = (v: number | null, digits = 0) => (v === null || Number.isNaN(v) ? "—" : v.toFixed(digits));

export function pageTable(rows: readonly Judged[]): string {
  const head = "| page | cases | req/s | against | × | p50 ms | p95 ms | p99 ms | kB | × smallest (÷ bare) | peak RSS MB | goal | result |";
  const rule = `|${"---|".repeat(13)}`;
  const lines = rows.map((r) => [
    r.label, r.cases.toLocaleString("en"), cell(r.reqPerSec), r.against, cell(r.ratio, 2), cell(r.p50), cell(r.p95), cell(r.p99),
    cell(r.bytes / 1024, 1), cell(r.vsSmallest, 2), cell(r.peakRssMb), r.goal, r.why.length ? `${r.result}: ${r.why.join("; ")}` : r.result,
  ].join(" | "));
  return [head, rule, ...lines.map((l) => `| ${l} |`)].join("\n");
}

export type FirstLoadJudged = { label: string; path: string; scripts: number; kB: number; goal: string; result: "PASS" | "FAIL" | "—" };

/** The first row is the bare page: what each route ships beyond it is the portal's own share. */
export function firstLoadTable(rows: readonly FirstLoadJudged[]): string {
  const bare = rows[0]?.kB ?? 0;
  const lines = rows.map((r, i) => `| ${r.label} | ${r.scripts} | ${r.kB.toFixed(1)} | ${i === 0 ? "—" : (r.kB - bare).toFixed(1)} | ${r.goal} | ${r.result} |`);
  return ["| route | scripts | first-load JS kB (gzip) | beyond the bare page kB | goal | result |", "|---|---|---|---|---|---|", ...lines].join("\n");
}

export type QueueQueryRow = { cases: number; prismaMs: number; pgMs: number };

export function queueQueryTable(rows: readonly QueueQueryRow[]): string {
  const lines = rows.map((r) => `| ${r.cases.toLocaleString("en")} | ${r.prismaMs.toFixed(2)} | ${r.pgMs.toFixed(2)} | ${(r.prismaMs / r.pgMs).toFixed(1)} |`);
  return ["| cases | Prisma (listQueue) ms | raw pg ms | Prisma ÷ pg |", "|---|---|---|---|", ...lines].join("\n");
}

/**
 * The server's memory at one size: resident (RSS) before, at its peak during and 5 s after the
 * load, then V8's heap in use as the load left it and after a forced full GC (through the
 * inspector; null when it was not reachable) with the RSS after that GC. A heap after GC that
 * stays put from size to size while the RSS is high is memory V8 and malloc keep, not a leak.
 */
export type MemoryRow = {
  cases: number; idleMb: number; peakMb: number; afterMb: number;
  heapUsedMb: number | null; heapUsedAfterGcMb: number | null; rssAfterGcMb: number | null;
};

export function memoryTable(rows: readonly MemoryRow[]): string {
  const lines = rows.map((r) => [
    r.cases.toLocaleString("en"), r.idleMb, r.peakMb, r.afterMb, cell(r.heapUsedMb), cell(r.heapUsedAfterGcMb), cell(r.rssAfterGcMb),
  ].join(" | "));
  return [
    "| cases | RSS before load MB | peak during load MB | after load (5 s idle) MB | heap used after load MB | heap used after a full GC MB | RSS after that GC MB |",
    `|${"---|".repeat(7)}`,
    ...lines.map((l) => `| ${l} |`),
  ].join("\n");
}
