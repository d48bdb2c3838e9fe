// npm run bench:pages [-- --seconds 10]
// The portal's pages against a bare Next page, in one run: each server on one core (taskset -c 0),
// the load from the other (autocannon, 10 connections), one server at a time. Prints throughput,
// latency percentiles, the HTML each page sends and the server's memory, each row as a ratio to
// the bare page. Uses the production builds (`next build` first; the bare app is built on demand)
// and a fresh PostgreSQL database with the demo data.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" } } });
const seconds = Number(values.seconds);
const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const bareApp = path.join(root, "scripts", "bench", "bare-app");

// The servers and the seed share these; set before the portal's modules read the environment.
process.env.DATA_KEYS = `bench:${randomBytes(32).toString("base64")}`;
process.env.BLIND_INDEX_KEY = randomBytes(32).toString("base64");
const { createDatabase, dropDatabase } = await import("../db/tools");
const { connectPostgres } = await import("@/lib/db/sql-executor");
const { migrate } = await import("@/lib/db/migrator");
const { createPrismaClient } = await import("@/lib/db/client");
const { seedDemo } = await import("@/lib/demo/seed");
const { DEMO_PASSWORD } = await import("@/lib/demo/reference-data");

function build(cwd: string, args: string[], label: string): void {
  if (existsSync(path.join(cwd, ".next", "BUILD_ID"))) return;
  console.log(`building ${label} …`);
  const result = spawnSync(bin("next"), ["build", ...args], { cwd, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(1);
}

async function startServer(cwd: string, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn("taskset", ["-c", "0", bin("next"), "start", "--port", String(port)], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (d) => (errors = (errors + d).slice(-4000)));
  child.on("exit", (code) => { if (code && code !== 143) console.error(`server on ${port} exited with ${code}: ${errors}`); });
  for (let i = 0; i < 120; i += 1) {
    try {
      const res = await fetch(`http://localhost:${port}/`, { redirect: "manual" });
      if (res.status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`server on ${port} did not start`);
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => {
  child.on("exit", () => resolve());
  child.kill("SIGTERM");
});

/** A request; once more when a kept-alive connection was closed by the server meanwhile (its idle timeout). */
async function get(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** The resident memory of a server and its children (kB). */
function rssKb(child: ChildProcess): number {
  const pids = [child.pid!, ...spawnSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number)];
  return pids.reduce((sum, pid) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
}

/** Signs in through Auth.js's credentials flow; returns the Cookie header of the session. */
async function signIn(base: string, identifier: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await get(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await get(`${base}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, identifier, password: DEMO_PASSWORD, callbackUrl: "/start" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${identifier}`);
  return cookie();
}

type Row = { page: string; reqPerSec: number; p50: number; p90: number; p99: number; htmlBytes: number; errors: number };

function load(url: string, cookie?: string): Omit<Row, "page" | "htmlBytes"> {
  const args = ["-c", "1", bin("autocannon"), "-c", "10", "-d", String(seconds), "-j", ...(cookie ? ["-H", `cookie=${cookie}`] : []), url];
  const result = spawnSync("taskset", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(result.stdout) as { requests: { average: number }; latency: { p50: number; p90: number; p99: number }; non2xx: number; errors: number };
  return { reqPerSec: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function measure(base: string, page: string, pathname: string, cookie?: string): Promise<Row> {
  let html = "";
  // Warm-up: the first requests of a page compile and cache what later ones reuse.
  for (let i = 0; i < 20; i += 1) html = await (await get(`${base}${pathname}`, { headers: cookie ? { cookie } : {} })).text();
  return { page, htmlBytes: Buffer.byteLength(html), ...load(`${base}${pathname}`, cookie) };
}

build(root, [], "the portal");
// Webpack for the baseline: Turbopack takes the workspace root's proxy and instrumentation along.
build(bareApp, ["--webpack"], "the bare page");
const { name, url } = await createDatabase("ncd_bench");
const sql = await connectPostgres(url);
await migrate(sql).finally(() => sql.close());
const { prisma } = createPrismaClient({ url });
await seedDemo(prisma).finally(() => prisma.$disconnect());

const env: NodeJS.ProcessEnv = {
  ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, AUTH_SECRET: randomBytes(48).toString("base64"),
  AUTH_TRUST_HOST: "true", DEMO_MODE: "true", STAFF_TWO_FACTOR: "optional", SCHEDULER: "off",
};
const rows: Row[] = [];
const memory: string[] = [];
try {
  const bare = await startServer(bareApp, 3701, env);
  try {
    rows.push(await measure("http://localhost:3701", "bare Next page (baseline)", "/"));
  } finally {
    await stop(bare);
  }
  const app = await startServer(root, 3702, env);
  const base = "http://localhost:3702";
  try {
    const applicant = await signIn(base, "13800000001");
    const reviewer = await signIn(base, "reviewer@center.demo");
    rows.push(await measure(base, "public home", "/"));
    rows.push(await measure(base, "login", "/login"));
    rows.push(await measure(base, "programme page", "/programme"));
    memory.push(`after the public pages: ${Math.round(rssKb(app) / 1024)} MB`);
    rows.push(await measure(base, "applicant dashboard", "/applicant", applicant));
    rows.push(await measure(base, "centre queue", "/center", reviewer));
    rows.push(await measure(base, "centre statistics", "/center/stats", reviewer));
    memory.push(`after the signed-in pages: ${Math.round(rssKb(app) / 1024)} MB`);
  } finally {
    await stop(app);
  }
} finally {
  await dropDatabase(name);
}

const baseline = rows[0]!.reqPerSec;
const pad = (v: string | number, n: number) => String(v).padStart(n);
console.log(`\n${seconds} s per page, 10 connections, server on core 0, load on core 1 (demo data)\n`);
console.log(`${"page".padEnd(28)}${pad("req/s", 8)}${pad("× bare", 8)}${pad("p50 ms", 8)}${pad("p90 ms", 8)}${pad("p99 ms", 8)}${pad("HTML kB", 9)}${pad("errors", 8)}`);
for (const r of rows) {
  console.log(`${r.page.padEnd(28)}${pad(r.reqPerSec.toFixed(0), 8)}${pad((r.reqPerSec / baseline).toFixed(2), 8)}${pad(r.p50, 8)}${pad(r.p90, 8)}${pad(r.p99, 8)}${pad((r.htmlBytes / 1024).toFixed(1), 9)}${pad(r.errors, 8)}`);
}
console.log(`\nportal server memory (RSS): ${memory.join("; ")}`);
