// npm test: lint, typecheck, unit, integration (real PostgreSQL), build, end-to-end (Chromium).
// Runs every suite even after a failure, then prints one closing line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const out = path.join(root, "test-results");
mkdirSync(out, { recursive: true });
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2);

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title: string, command: string, args: string[]): void {
  if (only.length && !only.includes(title)) return;
  const ok = run(title, command, args);
  total[ok ? "passed" : "failed"] += 1;
  console.log(`${title}: ${ok ? "passed" : "FAILED"}`);
}

function vitest(project: "unit" | "integration"): void {
  if (only.length && !only.includes(project)) return;
  const report = path.join(out, `${project}.json`);
  rmSync(report, { force: true });
  const ok = run(`${project} tests`, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const tally = existsSync(report) ? vitestTally(report) : null;
  if (!tally) {
    total.failed += 1;
    console.log(`${project}: no report (the runner itself failed)`);
    return;
  }
  // A run that exits non-zero with every test green (a crash in setup or teardown) still fails.
  if (!ok && tally.failed === 0) tally.failed = 1;
  add(project, tally);
}

function vitestTally(file: string): Tally {
  const r = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function e2e(): void {
  if (only.length && !only.includes("e2e")) return;
  const build = run("build", bin("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
  total[build ? "passed" : "failed"] += 1;
  if (!build) return;
  const report = path.join(out, "e2e.json");
  rmSync(report, { force: true });
  const ok = run("end-to-end tests (Chromium)", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  if (!existsSync(report)) {
    total.failed += 1;
    return;
  }
  const stats = (JSON.parse(readFileSync(report, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
  const tally = { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
  if (!ok && tally.failed === 0) tally.failed = 1;
  add("e2e", tally);
}

function add(name: string, t: Tally): void {
  console.log(`${name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
}

check("lint", bin("eslint"), ["."]);
check("typecheck", bin("tsc"), ["--noEmit"]);
vitest("unit");
vitest("integration");
e2e();

console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
