// Building and serving the production builds the benchmark measures, each server pinned to core 0.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const SERVER_CORE = "0";
export const LOAD_CORE = "1";

export const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

// Each app runs the `next` of its own node_modules: the bare app's copy has its own, and a `next`
// loaded from elsewhere would pair with a second React (hooks then fail while prerendering).
const nextIn = (cwd: string) => {
  const own = path.join(cwd, "node_modules", ".bin", "next");
  return existsSync(own) ? own : bin("next");
};

export function build(cwd: string, args: string[], label: string): void {
  console.error(`building ${label} …`);
  const result = spawnSync(nextIn(cwd), ["build", ...args], {
    cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`the build of ${label} failed`);
}

export type ServedOptions = {
  /** Opens the server's V8 inspector on 127.0.0.1 at this port (heap snapshots, a forced GC: web/inspector.ts). */
  inspectPort?: number;
  /**
   * With `inspectPort`: the inspector opens only when the server is sent SIGUSR1 (openInspector),
   * so a measured load runs without it (it cost the dashboard up to a tenth more CPU in one run).
   */
  inspectOnSignal?: boolean;
  /** Extra V8 flags for the server, e.g. `--max-old-space-size=256`. */
  v8Flags?: string;
};

/**
 * The environment a measured build is served with: production, the demo accounts signing in
 * without a second factor, no scheduler (nothing runs beside the requests); with `cpuProfileDir`,
 * a V8 CPU profile of the server written there; the options add an inspector or other V8 flags.
 */
export function servedEnv(cpuProfileDir?: string, { inspectPort, inspectOnSignal, v8Flags }: ServedOptions = {}): NodeJS.ProcessEnv {
  const nodeOptions = [
    ...(cpuProfileDir ? [`--cpu-prof --cpu-prof-dir=${path.resolve(cpuProfileDir)}`] : []),
    ...(inspectPort ? [`--inspect${inspectOnSignal ? "-port" : ""}=127.0.0.1:${inspectPort}`] : []),
    ...(v8Flags ? [v8Flags] : []),
  ].join(" ");
  return {
    ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: randomBytes(48).toString("base64"),
    AUTH_TRUST_HOST: "true", DEMO_MODE: "true", STAFF_TWO_FACTOR: "optional", SCHEDULER: "off",
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
  };
}

export async function startServer(cwd: string, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // Another server already on the port would answer the readiness check below, and be measured.
  const taken = await fetch(`http://localhost:${port}/`, { redirect: "manual" }).then(() => true, () => false);
  if (taken) throw new Error(`port ${port} is already in use: set BENCH_PORT to a free range`);
  const child = spawn("taskset", ["-c", SERVER_CORE, nextIn(cwd), "start", "--port", String(port)], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (d) => (errors = (errors + d).slice(-4000)));
  child.on("exit", (code) => {
    if (code && code !== 143) console.error(`server on ${port} exited with ${code}: ${errors}`);
  });
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

export const stopServer = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null) return resolve();
  child.on("exit", () => resolve());
  child.kill("SIGTERM");
});

/** The resident memory of a server and its children (MB): `next start` runs the app in a child. */
export function rssMb(child: ChildProcess): number {
  const children = spawnSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
  const grandchildren = children.flatMap((pid) => spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number));
  const kb = [child.pid!, ...children, ...grandchildren].reduce((sum, pid) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
  return Math.round(kb / 1024);
}
