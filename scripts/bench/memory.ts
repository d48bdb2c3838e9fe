// npx tsx --conditions=react-server scripts/bench/memory.ts [-- --cases 1000] [--requests 2000]
//   [--rounds 3] [--connections 10] [--snapshots DIR] [--v8-flags '--max-old-space-size=256'] [--dir CHECKOUT]
// Whether the server keeps memory per request (a leak) or V8 keeps the heap it grew to: serves the
// production build (built beforehand: NEXT_DIST_DIR=.next npx next build) with its inspector open,
// then, `--rounds` times, asks for `--requests` signed-in and public pages (round robin, a fresh
// session per page and round, as the bench signs in afresh per row) and reads the server's RSS
// and process.memoryUsage() before and after a forced full GC. A heap used after GC that grows
// round after round is memory kept per request; one that comes back to the same figure is not.
// With `--snapshots DIR`, a heap snapshot after the warm-up and after each round (compare them
// with scripts/bench/web/heap-summary.ts, or in Chrome DevTools' Memory tab).
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDemoDatabase } from "./database/portal-database";
import { cpuMs } from "./web/cpu-time";
import { connectInspector, type Inspector } from "./web/inspector";
import { rssMb, servedEnv, startServer, stopServer } from "./web/server";
import { get, signIn } from "./web/sign-in";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000" },
    requests: { type: "string", default: "2000" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    snapshots: { type: "string" },
    "v8-flags": { type: "string" },
    dir: { type: "string" },
  },
});
const requests = Number(values.requests);
const connections = Number(values.connections);
const PORT = Number(process.env.BENCH_PORT ?? 3701) + 3;
const INSPECT_PORT = PORT + 1;
const base = `http://localhost:${PORT}`;

const database = await openDemoDatabase("memory_probe");
const { DEMO_PASSWORD } = await import("@/lib/demo/reference-data");
const { addBulkCases } = await import("./database/bulk-cases");

const MB = 1024 * 1024;
const APPLICANT = "13800000001";
const CENTRE = "reviewer@center.demo";

async function ask(pathname: string, cookie?: string): Promise<void> {
  const res = await get(`${base}${pathname}`, { headers: cookie ? { cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}`);
}

/**
 * Where the server's resident memory lies (MB), from /proc/PID/smaps: glibc malloc's main arena
 * ([heap]), its per-thread arenas (anonymous mappings within a 64 MB-aligned reservation), other
 * anonymous mappings (V8's heap pages, large buffers) and files (the node binary, libraries).
 */
function residentBreakdown(smaps: string): { brk: number; arenas: number; otherAnon: number; files: number } {
  const out = { brk: 0, arenas: 0, otherAnon: 0, files: 0 };
  let kind: keyof typeof out = "otherAnon";
  for (const line of smaps.split("\n")) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (mapping) {
      const [start, end, file] = [BigInt(`0x${mapping[1]}`), BigInt(`0x${mapping[2]}`), mapping[3]!.trim()];
      const arena = 64n * 1024n * 1024n;
      kind = file === "[heap]" ? "brk" : file && !file.startsWith("[") ? "files" : start % arena === 0n && end - start <= arena ? "arenas" : "otherAnon";
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[kind] += Number(rss[1]) / 1024;
  }
  return { brk: Math.round(out.brk), arenas: Math.round(out.arenas), otherAnon: Math.round(out.otherAnon), files: Math.round(out.files) };
}

type Reading = { label: string; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number; rssAfterGc: number; heapUsedAfterGc: number; heapTotalAfterGc: number; externalAfterGc: number; resident: ReturnType<typeof residentBreakdown>; cpuPerRequest?: number };

async function read(server: ChildProcess, inspector: Inspector, label: string): Promise<Reading> {
  const before = await inspector.memoryUsage();
  const rss = rssMb(server);
  await inspector.collectGarbage();
  const after = await inspector.memoryUsage();
  const mb = (n: number) => Math.round(n / MB);
  return {
    label, rss, heapUsed: mb(before.heapUsed), heapTotal: mb(before.heapTotal), external: mb(before.external), arrayBuffers: mb(before.arrayBuffers),
    rssAfterGc: rssMb(server), heapUsedAfterGc: mb(after.heapUsed), heapTotalAfterGc: mb(after.heapTotal), externalAfterGc: mb(after.external),
    resident: residentBreakdown(readFileSync(`/proc/${server.pid}/smaps`, "utf8")),
  };
}

const appDir = values.dir ?? process.cwd();
const readings: Reading[] = [];
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  await addBulkCases(client, 0, Number(values.cases));
  const caseId = await database.caseId();
  const pages: [string, string?][] = [
    ["/forgot-password"],
    ["/"],
    ["/applicant", APPLICANT],
    [`/applicant/applications/${caseId}`, APPLICANT],
    ["/center", CENTRE],
    [`/center/cases/${caseId}`, CENTRE],
    ["/center/stats", CENTRE],
    [`/api/applications/${caseId}/form-pdf`, APPLICANT],
  ];
  const server = await startServer(appDir, PORT, servedEnv(undefined, { inspectPort: INSPECT_PORT, v8Flags: values["v8-flags"] }));
  const inspector = await connectInspector(INSPECT_PORT);
  if (values.snapshots) mkdirSync(values.snapshots, { recursive: true });
  const snapshot = async (label: string) => {
    if (values.snapshots) await inspector.heapSnapshot(path.join(values.snapshots, `${label}.heapsnapshot`));
  };
  try {
    readings.push(await read(server, inspector, "started"));
    const signedIn = async () => Promise.all(pages.map(async ([pathname, as]) => [pathname, as && (await signIn(base, as, DEMO_PASSWORD))] as const));
    // Warm-up: each page compiled and its caches filled before the first reading.
    for (const [pathname, cookie] of await signedIn()) for (let i = 0; i < 10; i += 1) await ask(pathname, cookie);
    readings.push(await read(server, inspector, "warmed up"));
    await snapshot("0-warm");
    for (let round = 1; round <= Number(values.rounds); round += 1) {
      console.error(`round ${round}: ${requests} requests`);
      const targets = await signedIn();
      let next = 0;
      const cpuBefore = cpuMs(server.pid!);
      await Promise.all(Array.from({ length: connections }, async () => {
        for (let i = next++; i < requests; i = next++) await ask(...targets[i % targets.length]!);
      }));
      const cpuPerRequest = (cpuMs(server.pid!) - cpuBefore) / requests;
      readings.push({ ...(await read(server, inspector, `after ${(round * requests).toLocaleString("en")} requests`)), cpuPerRequest });
      await snapshot(`${round}-after-${round * requests}`);
    }
  } finally {
    inspector.close();
    await stopServer(server);
  }
} finally {
  await client.end();
  await database.close();
}

console.log(`\nServer memory (MB), ${values.cases} cases, ${connections} connections${values["v8-flags"] ? `, ${values["v8-flags"]}` : ""}\n`);
console.log("| when | server CPU ms/request | RSS | heap used | heap total | external | array buffers | RSS after GC | heap used after GC | heap total after GC | external after GC | malloc main arena | malloc thread arenas | other anonymous | files |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of readings) {
  console.log(`| ${r.label} | ${r.cpuPerRequest?.toFixed(1) ?? "—"} | ${r.rss} | ${r.heapUsed} | ${r.heapTotal} | ${r.external} | ${r.arrayBuffers} | ${r.rssAfterGc} | ${r.heapUsedAfterGc} | ${r.heapTotalAfterGc} | ${r.externalAfterGc} | ${r.resident.brk} | ${r.resident.arenas} | ${r.resident.otherAnon} | ${r.resident.files} |`);
}
