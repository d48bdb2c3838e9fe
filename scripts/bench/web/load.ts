// One row of the table: a page warmed up, then loaded from the other core while the server's
// memory is sampled.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { isActionSuccess, type ActionReplay, type ActionSuccess } from "./action-replay";
import type { Drive, DriveRequest } from "./drive";
import { LOAD_CORE, bin, rssMb } from "./server";
import { get } from "./sign-in";

export type LoadOptions = { connections: number; seconds: number };
export type Loaded = Drive & { bytes: number; peakRssMb: number };

const WARM_UP = 20;

function drive(request: DriveRequest): Promise<Drive> {
  const script = path.join(process.cwd(), "scripts", "bench", "web", "drive.ts");
  // On stdin: a list of replays outgrows what one argument may hold.
  const child = spawn("taskset", ["-c", LOAD_CORE, bin("tsx"), script], { stdio: ["pipe", "pipe", "inherit"] });
  child.stdin.end(JSON.stringify(request));
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as Drive) : reject(new Error(`load driver exited with ${code}`))));
  });
}

/** Loads `pathname` (signed in when a cookie is given); fails when the warm-up is not a 200. */
export async function loadPage(server: ChildProcess, base: string, pathname: string, cookie: string | undefined, options: LoadOptions): Promise<Loaded> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  let bytes = 0;
  // The first requests of a page compile and cache what later ones reuse.
  for (let i = 0; i < WARM_UP; i += 1) {
    const res = await get(`${base}${pathname}`, { headers, redirect: "manual" });
    if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}`);
    bytes = (await res.arrayBuffer()).byteLength;
  }
  let peakRssMb = rssMb(server);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(server))), 500);
  try {
    const result = await drive({ url: `${base}${pathname}`, connections: options.connections, seconds: options.seconds, headers });
    return { ...result, bytes, peakRssMb };
  } finally {
    clearInterval(sampler);
  }
}

/** Sends one action call and fails unless the action succeeded; the size of its answer. */
async function replayOnce(base: string, replay: ActionReplay, success: ActionSuccess): Promise<number> {
  const res = await get(`${base}${replay.path}`, { method: "POST", headers: replay.headers, body: replay.body, redirect: "manual" });
  const text = await res.text();
  if (res.status !== 200 || !isActionSuccess(success, text, Object.fromEntries(res.headers))) {
    throw new Error(`action on ${replay.path} answered ${res.status}: ${text.slice(0, 300)}`);
  }
  return Buffer.byteLength(text);
}

/**
 * One action row. `warmUp` replays go one at a time first and must each succeed. Then either one
 * replay sent again and again for the time budget (a no-op consumes nothing), or `replays` each
 * sent once across the connections (a transition consumes its case).
 */
export async function loadAction(
  server: ChildProcess,
  base: string,
  action: { warmUp: ActionReplay[]; replays: ActionReplay[]; repeat: boolean; success: ActionSuccess },
  options: LoadOptions,
): Promise<Loaded> {
  let bytes = 0;
  for (const replay of action.warmUp) bytes = await replayOnce(base, replay, action.success);
  let peakRssMb = rssMb(server);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(server))), 500);
  try {
    const [first] = action.replays;
    const request: DriveRequest = action.repeat
      ? { url: `${base}${first!.path}`, connections: options.connections, seconds: options.seconds, headers: first!.headers, body: first!.body, success: action.success }
      : { url: base, connections: options.connections, seconds: options.seconds, headers: {}, replays: action.replays, success: action.success };
    return { ...(await drive(request)), bytes, peakRssMb };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Follows a staff queue's "next page" links up to `pages` times; the path of the deepest full page
 * reached (one that links to a next page). A queue's last page is usually short: with 1,000 cases
 * the bank's queue ends on a fourth page of a few rows, and a row judged against that page at
 * 1,000,000 cases (a 21st page of 50 rows) would compare a few rows with fifty, not two sizes.
 */
export async function deepQueuePage(base: string, queuePath: string, cookie: string, pages: number): Promise<{ path: string; page: number }> {
  let full = { path: queuePath, page: 1 };
  let at = queuePath;
  for (let page = 1; page <= pages + 1; page += 1) {
    const html = await (await get(`${base}${at}`, { headers: { cookie } })).text();
    const next = /href="([^"]*[?&](?:amp;)?cursor=[0-9a-f-]{36}[^"]*)"/.exec(html)?.[1];
    if (!next) break;
    full = { path: at, page };
    at = next.replaceAll("&amp;", "&");
  }
  return full;
}
