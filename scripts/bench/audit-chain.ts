// npm run bench:audit — the audit chain under many concurrent writers, as two app servers would
// write it. Builds a scratch PostgreSQL database, starts two writer processes (each with its own
// connection pool, like two `next start` instances) running WRITERS/2 concurrent transactions
// each for SECONDS, and prints transactions per second and p50/p95/p99 latency for:
//   - baseline: the same transaction writing an event with no chain (no lock, no predecessor read);
//   - one chain: every transaction appends to the same chain (as the whole log did when it was a
//     single chain, and as the events of one case still do);
//   - chains: each transaction appends for another case, so over all the log's chains;
//   - "+ work": the append followed by 2 ms of further work in the same transaction, as a review
//     step does (a chain's lock is held until commit).
// Then verifies the chain. Drops the database after.
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { withDemoDatabase } from "./database/portal-database";

const MODES = ["baseline", "one chain", "chains", "one chain+work", "chains+work"] as const;
type Mode = (typeof MODES)[number];
type WorkerResult = { latencies: number[]; errors: number; firstError?: string };

const WRITERS = Number(process.env.BENCH_WRITERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PROCESSES = 2;

async function writer(mode: Mode, concurrency: number, seconds: number): Promise<WorkerResult> {
  const { db, disconnectShared } = await import("@/lib/db/client");
  const { appendAudit } = await import("@/lib/audit/record");
  const { randomUUID, randomBytes } = await import("node:crypto");
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const until = performance.now() + seconds * 1000;
  const one = async () => {
    const entityId = mode.startsWith("one chain") ? "one-case" : randomUUID();
    if (mode === "baseline") {
      // The same row into a copy of the table (the real one refuses anything but the chain's appends' order).
      await db.$transaction(async (tx) => {
        const hash = randomBytes(32).toString("hex");
        await tx.$executeRaw`INSERT INTO bench_event ("entityType", "entityId", action, data, "prevHash", hash) VALUES ('Bench', ${entityId}, 'bench.write', '{}'::jsonb, ${hash}, ${hash})`;
      });
      return;
    }
    await db.$transaction(async (tx) => {
      await appendAudit(tx, { actorId: null, entityType: "Bench", entityId, action: "auth.signed_out", data: {} });
      if (mode.endsWith("+work")) await tx.$executeRaw`SELECT pg_sleep(0.002)`;
    });
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        try {
          await one();
          latencies.push(performance.now() - start);
        } catch (error) {
          errors += 1;
          firstError ??= String(error).slice(0, 300);
        }
      }
    }),
  );
  await disconnectShared();
  return { latencies, errors, firstError };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

async function runMode(mode: Mode, url: string): Promise<{ mode: Mode; tps: number; p50: number; p95: number; p99: number; errors: number; firstError?: string }> {
  const self = fileURLToPath(import.meta.url);
  const results = await Promise.all(
    Array.from({ length: PROCESSES }, () =>
      new Promise<WorkerResult>((resolve, reject) => {
        const child = fork(self, ["worker", mode, String(WRITERS / PROCESSES), String(SECONDS)], {
          env: { ...process.env, DATABASE_URL: url },
          execArgv: process.execArgv,
        });
        child.once("message", (m) => resolve(m as WorkerResult));
        child.once("error", reject);
        child.once("exit", (code) => code !== 0 && reject(new Error(`writer exited ${code}`)));
      }),
    ),
  );
  const all = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    mode,
    tps: all.length / SECONDS,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    errors: results.reduce((n, r) => n + r.errors, 0),
    firstError: results.find((r) => r.firstError)?.firstError,
  };
}

if (process.argv[2] === "worker") {
  const [, , , mode, concurrency, seconds] = process.argv;
  const result = await writer(mode as Mode, Number(concurrency), Number(seconds));
  process.send!(result, () => process.exit(0));
} else {
  await withDemoDatabase("ncd_bench_audit", { seed: false }, async ({ db, sql, url }) => {
    const rows = [];
    await (await sql()).exec(`CREATE TABLE bench_event (LIKE "AuditEvent" INCLUDING ALL)`);
    for (const mode of MODES) rows.push(await runMode(mode, url));
    const { verifyAuditChain } = await import("@/lib/audit/verify");
    const report = await verifyAuditChain(db);
    console.log(`\naudit chain: ${WRITERS} concurrent writers in ${PROCESSES} processes, ${SECONDS} s each`);
    console.log("mode".padEnd(15), "tx/s".padStart(8), "vs base".padStart(8), "p50 ms".padStart(8), "p95 ms".padStart(8), "p99 ms".padStart(8), "errors".padStart(7));
    const base = rows[0]!.tps;
    for (const r of rows) {
      console.log(r.mode.padEnd(15), r.tps.toFixed(0).padStart(8), `${(r.tps / base).toFixed(2)}×`.padStart(8), r.p50.toFixed(1).padStart(8), r.p95.toFixed(1).padStart(8), r.p99.toFixed(1).padStart(8), String(r.errors).padStart(7));
    }
    for (const r of rows) if (r.firstError) console.log(`${r.mode}: first error: ${r.firstError}`);
    console.log(`chain verified: ${report.ok ? `${report.checked} events, intact` : `BROKEN at ${report.brokenAtId}: ${report.reason}`}`);
  });
}
