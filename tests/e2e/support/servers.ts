import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// Extra `next start` servers some specs run beside the suite's own: production mode, their own
// database, the environment an operator would give them.

export const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Production sends text messages through a gateway; these servers never reach one (port 9 is closed).
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SCHEDULER: "off", SMS_PROVIDER: "http", SMS_HTTP_URL: "http://127.0.0.1:9/sms", ...extra };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  return { ...env, ...extra };
}

export function startServer(port: number, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  const child = spawn(bin("next"), ["start", "--port", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
