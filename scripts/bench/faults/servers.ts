// The two app servers of the fault run: `next start` of the worktree's build, each in a process
// group of its own so that a kill takes the server's workers with it, as a crashed host would.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";

export type AppServer = { port: number; child: ChildProcess; log: string; exited: Promise<void>; kill(signal: NodeJS.Signals): void };

export const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

export function build(env: NodeJS.ProcessEnv): void {
  console.error("building the portal …");
  const result = spawnSync(bin("next"), ["build"], { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error("the build failed");
}

export function startAppServer(port: number, env: NodeJS.ProcessEnv, log: string): AppServer {
  const child = spawn(bin("next"), ["start", "--port", String(port)], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const out = createWriteStream(log);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    port, child, log, exited,
    kill: (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    },
  };
}
