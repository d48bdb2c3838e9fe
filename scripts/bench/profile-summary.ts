// npx tsx scripts/bench/profile-summary.ts FILE.cpuprofile [--top 40] [--match REGEX]
// Self time of a V8 CPU profile (as `npm run bench:cpu` writes with BENCH_CPU_PROF=DIR), summed
// by function and by where the code lives (a package under node_modules, the app's build chunks,
// Node itself), busy time only (the idle and the program's own ticks are reported apart).
// `--match` adds the total (inclusive) time of the functions whose name matches. `--skip 0.3` leaves
// out the first 30 % of the profile's time (the server's start, first compilations, warm-up).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "40" }, match: { type: "string" }, skip: { type: "string", default: "0" } },
});
const top = Number(values.top);
const file = positionals[0];
if (!file) throw new Error("usage: profile-summary.ts FILE.cpuprofile [--top N] [--match REGEX]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Where a frame's code lives: a package, the app's server chunks, Node's own modules. */
function place(url: string): string {
  if (!url) return "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's compiled copies of React and others: name them apart from Next itself.
    const compiled = url.match(/next\/dist\/compiled\/([^/]+)/);
    return compiled ? `next/compiled/${compiled[1]}` : name;
  }
  if (url.startsWith("node:")) return "node:*";
  const chunk = url.match(/\.next\/server\/(.*)$/);
  if (chunk) return `app build: ${chunk[1]!.replace(/\/[^/]*$/, "/…")}`;
  return url.replace(/^file:\/\//, "").split("/").slice(-2).join("/");
}

const selfMs = new Map<number, number>();
let total = 0;
const from = profile.startTime + Number(values.skip) * (profile.endTime - profile.startTime);
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i += 1) {
  at += profile.timeDeltas[i] ?? 0;
  if (at < from) continue;
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  selfMs.set(profile.samples[i]!, (selfMs.get(profile.samples[i]!) ?? 0) + ms);
  total += ms;
}

const special = new Map<string, number>();
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
let busy = 0;
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (["(idle)", "(program)", "(garbage collector)"].includes(functionName)) {
    special.set(functionName, (special.get(functionName) ?? 0) + ms);
    if (functionName === "(garbage collector)") busy += ms;
    continue;
  }
  busy += ms;
  const key = `${functionName || "(anonymous)"}  ${place(url)}${url ? `:${lineNumber + 1}` : ""}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  byPlace.set(place(url), (byPlace.get(place(url)) ?? 0) + ms);
}

function table(title: string, rows: Map<string, number>, limit: number) {
  console.log(`\n${title}\n| ms | % of busy | |\n|---|---|---|`);
  for (const [key, ms] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`| ${ms.toFixed(0)} | ${((100 * ms) / busy).toFixed(1)} | ${key.replaceAll("|", "\\|")} |`);
  }
}

console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, busy ${(busy / 1000).toFixed(1)} s (GC ${((special.get("(garbage collector)") ?? 0) / 1000).toFixed(1)} s), idle ${((special.get("(idle)") ?? 0) / 1000).toFixed(1)} s, program ${((special.get("(program)") ?? 0) / 1000).toFixed(1)} s`);
table("Self time by place", byPlace, top);
table("Self time by function", byFunction, top);

if (values.match) {
  // Inclusive time: a sample counts once for each matching function on its stack.
  const pattern = new RegExp(values.match);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (!pattern.test(functionName)) continue;
      const key = `${functionName}  ${place(url)}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  table(`Total time of functions matching /${values.match}/`, inclusive, top);
}
