// npx tsx scripts/bench/cpu-per-request.ts <app dir> <path> [requests]: the server's own CPU time per request of one
// page (user + system time of `next start` and its children, read from /proc before and after),
// a figure that other work on the machine skews far less than requests per second.
// BENCH_CPU_PROF=DIR also writes a CPU profile of the server.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { databaseUrl } from "../db/tools";
import { rssMb, startServer, stopServer } from "./web/server";

const [dir, where, count = "400"] = process.argv.slice(2);
if (!dir || !where) throw new Error("usage: cpu-per-request.ts <app dir> <path> [requests]");
const PORT = Number(process.env.BENCH_PORT ?? 3701) + 4;
const TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);

function treeTicks(pid: number): number {
  const kids = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
  let ticks = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    ticks = Number(fields[11]) + Number(fields[12]);
  } catch {
    // gone
  }
  return ticks + kids.reduce((sum, kid) => sum + treeTicks(kid), 0);
}

async function hit(n: number, concurrency = 4): Promise<void> {
  let left = n;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (left-- > 0) {
      const res = await fetch(`http://localhost:${PORT}${where}`);
      if (res.status !== 200) throw new Error(`${where} answered ${res.status}`);
      await res.arrayBuffer();
    }
  }));
}

const env: NodeJS.ProcessEnv = {
  ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: randomBytes(48).toString("base64"),
  AUTH_TRUST_HOST: "true", DEMO_MODE: "true", STAFF_TWO_FACTOR: "optional", SCHEDULER: "off",
  // Public pages read nothing from the database: a name that is never created is enough to start.
  DATABASE_URL: databaseUrl("ncd_bench_cpu_unused"),
  // BENCH_CPU_PROF=DIR: a V8 CPU profile of the server (mostly the measured requests when there are many).
  ...(process.env.BENCH_CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROF}` } : {}),
  DATA_KEYS: `bench:${randomBytes(32).toString("base64")}`, BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
};
const server = await startServer(dir, PORT, env);
try {
  await hit(100);
  const before = treeTicks(server.pid!);
  const started = performance.now();
  await hit(Number(count));
  const cpuMs = (treeTicks(server.pid!) - before) * TICK_MS;
  const wallMs = performance.now() - started;
  console.log(JSON.stringify({ dir, path: where, requests: Number(count), cpuMsPerRequest: +(cpuMs / Number(count)).toFixed(2), wallMsPerRequest: +(wallMs / Number(count)).toFixed(2), rssMb: rssMb(server) }));
} finally {
  await stopServer(server);
}
