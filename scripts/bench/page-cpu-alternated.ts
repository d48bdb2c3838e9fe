// npx tsx --conditions=react-server scripts/bench/page-cpu-alternated.ts SPEC.json [--rounds 6]
//   [--requests 400] [--connections 4] [--warmup 60] [--database PREFIX]
// Server CPU per request of several served builds or variants, measured in turns: every variant
// is served at once (each `next start` pinned to the server core, idle while the others are
// measured), and each round measures every variant once, in a rotated order. On a machine shared
// with other work, a build's figure moves by a third from one minute to the next; turns within the
// same minutes are what makes two builds comparable (bench:cpu serves one build per run).
// SPEC.json: [{ "label": "…", "dir": "/a/checkout/with/a/build", "path": "/forgot-password" (`{case:NUMBER}`: that demo case's id),
//   "as"?: "a demo account", "env"?: { "NAME": "value" } }, …]; `env` is added to the server's
// environment (a scratch build's switches, NODE_OPTIONS). In `path`, `{case:NUMBER}` stands for the
// id of the demo case of that number, as in bench:cpu: "/applicant/applications/{case:SQ-2026-0002}". Servers listen on BENCH_PORT+3 onwards (seven in a run's range of ten ports).
import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDemoDatabase } from "./database/portal-database";
import { servedEnv, startServer, stopServer } from "./web/server";
import { cpuMs } from "./web/cpu-time";
import { get, signIn } from "./web/sign-in";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "6" },
    requests: { type: "string", default: "400" },
    connections: { type: "string", default: "4" },
    warmup: { type: "string", default: "60" },
    // The benchmark database's name starts with this (it is dropped afterwards).
    database: { type: "string", default: "ncd_cpu_alternated" },
  },
});
const variantsSchema = z.array(z.object({
  label: z.string(), dir: z.string(), path: z.string(), as: z.string().optional(), env: z.record(z.string(), z.string()).optional(),
})).min(1);
const variants = variantsSchema.parse(JSON.parse(readFileSync(positionals[0] ?? "", "utf8")));
const [rounds, requests, connections, warmup] = [values.rounds, values.requests, values.connections, values.warmup].map(Number) as [number, number, number, number];
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3701) + 3;

const database = await openDemoDatabase(values.database);
const { DEMO_PASSWORD } = await import("@/lib/demo/reference-data");

type Served = { label: string; base: string; path: string; cookie?: string; server: ChildProcess; cpu: number[]; bytes: number };

async function ask(served: Served): Promise<number> {
  const res = await get(`${served.base}${served.path}`, { headers: served.cookie ? { cookie: served.cookie } : {}, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${served.label}: ${served.path} answered ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

async function measure(served: Served): Promise<void> {
  for (let i = 0; i < warmup; i += 1) served.bytes = await ask(served);
  const before = cpuMs(served.server.pid!);
  let left = requests;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (left-- > 0) await ask(served);
  }));
  served.cpu.push((cpuMs(served.server.pid!) - before) / requests);
  console.error(`${served.label}: ${served.cpu.at(-1)!.toFixed(2)} ms`);
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A path with `{case:NUMBER}` in it, that demo case's id put in (the database is seeded afresh each run). */
async function casePath(pathname: string): Promise<string> {
  let resolved = pathname;
  for (const [whole, number] of pathname.matchAll(/\{case:([^}]+)\}/g)) resolved = resolved.replace(whole, await database.caseId(number));
  return resolved;
}

const served: Served[] = [];
try {
  for (const [index, v] of variants.entries()) {
    const base = `http://localhost:${FIRST_PORT + index}`;
    const server = await startServer(v.dir, FIRST_PORT + index, { ...servedEnv(), ...v.env });
    served.push({ label: v.label, base, path: await casePath(v.path), server, cpu: [], bytes: 0 });
    if (v.as) served.at(-1)!.cookie = await signIn(base, v.as, DEMO_PASSWORD);
  }
  for (let round = 0; round < rounds; round += 1) {
    console.error(`round ${round + 1} of ${rounds}`);
    for (let i = 0; i < served.length; i += 1) await measure(served[(i + round) % served.length]!);
  }
} finally {
  await Promise.all(served.map((s) => stopServer(s.server)));
  await database.close();
}

console.log(`\nServer CPU per request, ${rounds} rounds in turns (${requests} requests each, ${connections} at a time, after ${warmup} warm-up requests)\n`);
console.log("| variant | ms per round | median | HTML bytes |");
console.log("|---|---|---|---|");
for (const s of served) console.log(`| ${s.label} | ${s.cpu.map((ms) => ms.toFixed(2)).join(", ")} | ${median(s.cpu).toFixed(2)} | ${s.bytes.toLocaleString("en")} |`);
