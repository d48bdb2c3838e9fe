import { execFileSync } from "node:child_process";
import { e2eDatabase } from "./database";

/**
 * Runs the queued background jobs (statement imports, batch PDFs) once, as the scheduler's sweep
 * would: the e2e server runs with SCHEDULER=off, so nothing else runs them.
 */
export function runBackgroundJobs(): void {
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/run-job.ts", "background-jobs"], {
    env: { ...process.env, DATABASE_URL: e2eDatabase().url, NODE_ENV: "test", SCHEDULER: "off" }, encoding: "utf8",
  });
}
