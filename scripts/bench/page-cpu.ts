// npm run bench:cpu [-- --cases 1000,100000] [--requests 200] [--only REGEX] [--build] [--dir CHECKOUT]
//   [--path /some/page [--as ACCOUNT]] [--connections 2] [--warmup 20] [--cpu-prof DIR] [--save DIR]
// The server's own CPU time per request of each signed-in page: a figure that other work on the
// machine hardly moves, where throughput on a shared machine swings by half. It serves the
// production build (`--build` makes it first) with `next start` pinned to one core, on a fresh
// database with the demo data and N generated cases per size, signs in afresh for each page (as a
// browser keeps the renewed session cookie), warms the page up, then asks for it `--requests`
// times, `--connections` at a time, and reads the CPU time the server and its workers spent
// (/proc/<pid>/stat) before and after. On one saturated core, throughput is about the inverse of
// this figure, so "× lightest" is the lightest page's CPU time over the page's.
// `--path` measures that one page instead of the list (signed in as the demo account `--as`, if
// given); `--cpu-prof DIR` (or BENCH_CPU_PROF=DIR) writes a V8 CPU profile of the server, mostly
// the measured requests when there are many. In `--path`, `{case:NUMBER}` stands for the id of the
// demo case of that number (the database is seeded afresh each run): `/applicant/applications/{case:SQ-2026-0001}`.
import { writeFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDemoDatabase } from "./database/portal-database";
import { build, rssMb, servedEnv, startServer, stopServer } from "./web/server";
import { cpuMs } from "./web/cpu-time";
import { get, signIn } from "./web/sign-in";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000" },
    requests: { type: "string", default: "200" },
    only: { type: "string" },
    build: { type: "boolean", default: false },
    // Serves the build in another checkout of the portal (an earlier commit, for a before/after).
    dir: { type: "string" },
    // One page instead of the list, and the demo account (a mobile or an e-mail) it is asked as.
    path: { type: "string" },
    as: { type: "string" },
    connections: { type: "string", default: "2" },
    warmup: { type: "string", default: "20" },
    "cpu-prof": { type: "string" },
    // Writes each page's HTML there, to see what its bytes are.
    save: { type: "string" },
  },
});
const sizes = values.cases.split(",").map(Number).sort((a, b) => a - b);
const requests = Number(values.requests);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const profileDir = values["cpu-prof"] ?? process.env.BENCH_CPU_PROF;
const PORT = Number(process.env.BENCH_PORT ?? 3701) + 2;
const base = `http://localhost:${PORT}`;

const database = await openDemoDatabase(process.env.BENCH_DB_PREFIX ?? "ncd_cpu");
const { DEMO_PASSWORD } = await import("@/lib/demo/reference-data");
const { addBulkCases } = await import("./database/bulk-cases");

let lastBody = "";
async function ask(pathname: string, cookie?: string): Promise<number> {
  const res = await get(`${base}${pathname}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}`);
  const body = await res.arrayBuffer();
  if (values.save) lastBody = Buffer.from(body).toString("utf8");
  return body.byteLength;
}

async function measure(server: ChildProcess, pathname: string, as?: string) {
  const cookie = as ? await signIn(base, as, DEMO_PASSWORD) : undefined;
  let bytes = 0;
  for (let i = 0; i < warmup; i += 1) bytes = await ask(pathname, cookie);
  if (values.save) writeFileSync(path.join(values.save, `${pathname.split("/").filter(Boolean).join("-") || "home"}.html`), lastBody);
  const before = cpuMs(server.pid!);
  const start = performance.now();
  let left = requests;
  const lanes = Array.from({ length: connections }, async () => {
    while (left-- > 0) await ask(pathname, cookie);
  });
  await Promise.all(lanes);
  const wallMs = performance.now() - start;
  return { cpuMs: (cpuMs(server.pid!) - before) / requests, wallMs: wallMs / requests, kB: bytes / 1024, rssMb: rssMb(server) };
}

/** A path with `{case:NUMBER}` in it, that case's id put in. */
async function casePath(pathname: string): Promise<string> {
  let out = pathname;
  for (const [whole, number] of pathname.matchAll(/\{case:([^}]+)\}/g)) {
    out = out.replace(whole, await database.caseId(number!));
  }
  return out;
}

const appDir = values.dir ?? process.cwd();
if (values.build) build(appDir, [], "the portal");
const APPLICANT = "13800000001";
const CENTRE = "reviewer@center.demo";
const rows: string[] = [];
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const caseId = await database.caseId();
  const server = await startServer(appDir, PORT, servedEnv(profileDir));
  try {
    let have = 0;
    for (const cases of sizes) {
      console.error(`adding cases up to ${cases} …`);
      await addBulkCases(client, have, cases);
      have = cases;
      const pages: [string, string, string?][] = values.path ? [[values.as ? `${values.path} as ${values.as}` : values.path, await casePath(values.path), values.as]] : [
        ["lightest page (/forgot-password)", "/forgot-password"],
        ["applicant dashboard", "/applicant", APPLICANT],
        ["applicant case page", `/applicant/applications/${caseId}`, APPLICANT],
        ["centre queue, first page", "/center", CENTRE],
        ["centre case page", `/center/cases/${caseId}`, CENTRE],
        ["centre statistics", "/center/stats", CENTRE],
      ];
      const only = values.only ? new RegExp(values.only) : null;
      let lightest = 0;
      for (const [index, [label, pathname, as]] of pages.entries()) {
        if (only && index > 0 && !only.test(label)) continue;
        console.error(`${cases} cases: ${label}`);
        const m = await measure(server, pathname, as);
        if (index === 0 && !values.path) lightest = m.cpuMs;
        const ratio = lightest ? (lightest / m.cpuMs).toFixed(2) : "—";
        rows.push(`| ${label} | ${cases.toLocaleString("en")} | ${m.cpuMs.toFixed(1)} | ${ratio} | ${m.wallMs.toFixed(1)} | ${m.kB.toFixed(1)} | ${m.rssMb} |`);
      }
    }
  } finally {
    await stopServer(server);
  }
} finally {
  await client.end();
  await database.close();
}

console.log(`\nServer CPU per request (${requests} requests per page, ${connections} at a time, after ${warmup} warm-up requests)\n`);
console.log("| page | cases | server CPU ms/request | × lightest | wall ms/request | kB | server RSS MB |");
console.log("|---|---|---|---|---|---|---|");
console.log(rows.join("\n"));
