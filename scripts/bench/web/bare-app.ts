// The baseline app is built with Turbopack, as the portal is, from a copy outside the portal's tree:
// built in place, Turbopack takes the nearest lockfile's folder (the portal) as its root and
// compiles the portal's proxy and instrumentation into the bare app. The copy's node_modules is a
// tree of hard links to the portal's (no bytes copied); where hard links are impossible (another
// file system) the bare app is built in place with webpack, and the run says so.
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";

export type BareApp = { dir: string; bundler: "Turbopack" | "webpack" };

const source = (root: string) => path.join(root, "scripts", "bench", "bare-app");

/** Where the bare app is built and served from; `port` keeps two runs on one machine apart. */
export function bareAppDir(root: string, port: number): BareApp {
  const copy = path.join(tmpdir(), `ncd-bench-bare-app-${port}`);
  if (existsSync(path.join(copy, "node_modules", "next", "package.json"))) return { dir: copy, bundler: "Turbopack" };
  return { dir: source(root), bundler: "webpack" };
}

/** Makes a fresh copy of the bare app next to a hard-linked node_modules; the build's arguments follow. */
export function prepareBareApp(root: string, port: number): { app: BareApp; buildArgs: string[] } {
  const copy = path.join(tmpdir(), `ncd-bench-bare-app-${port}`);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  cpSync(source(root), copy, { recursive: true, filter: (from) => !/[/\\]\.next([/\\]|$)/.test(from) });
  const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(copy, "node_modules")], { stdio: "ignore" });
  if (linked.status === 0) return { app: { dir: copy, bundler: "Turbopack" }, buildArgs: [] };
  rmSync(copy, { recursive: true, force: true });
  console.error("the bare app cannot link node_modules from here: building it in place with webpack");
  return { app: { dir: source(root), bundler: "webpack" }, buildArgs: ["--webpack"] };
}
