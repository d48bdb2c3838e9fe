// npm run bench:faults [-- --seconds 60] [--restart-at 15] [--kill-at 30] [--skip-build]
// Two app servers of one build behind a round-robin balancer, on a PostgreSQL cluster of the run's
// own (port 55432, a temporary directory; the shared server is never touched), under a mixed load
// of signed-in page loads and acknowledged writes through the portal's server actions. During the
// load PostgreSQL restarts (pg_ctl restart -m fast) and one app server is killed (SIGKILL). Then:
// every acknowledged write is in the database, every case agrees with its records, the audit
// chain verifies, the surviving server answers without a restart, and the job queue runs again.
// Exits 1 when any of those does not hold. The cluster is stopped and removed on every way out.
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { actionIds } from "./faults/actions";
import { startBalancer, type Balancer } from "./faults/balancer";
import { createCluster } from "./faults/cluster";
import { openDemoDatabase } from "./database/portal-database";
import { runLoad, type Tally } from "./faults/load";
import { waitForHttp } from "../../tests/e2e/support/servers";
import { build, startAppServer, type AppServer } from "./faults/servers";
import { lostWrites, mailJobsSince } from "./faults/verify";
import { browserSession, type BrowserSession } from "./faults/session";
import { signIn } from "./web/sign-in";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    "restart-at": { type: "string", default: "15" },
    "kill-at": { type: "string", default: "30" },
    "skip-build": { type: "boolean", default: false },
  },
});
const SECONDS = Number(values.seconds);
const PG_PORT = 55432;
const [PORT_A, PORT_B, PORT_BALANCER] = [3741, 3742, 3743];
const BASE = `http://127.0.0.1:${PORT_BALANCER}`;
const DIST_DIR = ".next";
const APPLICANTS = ["13800000001", "13800000002"] as const;
const REVIEWER = "reviewer@center.demo";

const cluster = createCluster(PG_PORT);
const servers: AppServer[] = [];
let balancer: Balancer | undefined;
const cleanUp = () => {
  for (const s of servers) s.kill("SIGKILL");
  cluster.destroy();
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => {
  cleanUp();
  process.exit(130);
});

const connect = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined); // a restart cuts it; the next query says so
  await client.connect();
  return client;
};

try {
  const admin = await connect(cluster.url("postgres"));
  await admin.query("CREATE DATABASE ncd_faults");
  await admin.end();
  const url = cluster.url("ncd_faults");
  // This process and both servers share the database and its keys; its pool closes before the faults.
  await (await openDemoDatabase({ name: "ncd_faults", url })).close();
  const { createPrismaClient } = await import("@/lib/db/client");
  const { DEMO_PASSWORD } = await import("@/lib/demo/reference-data");
  const { caseDisagreements } = await import("@/lib/audit/case-consistency");
  const { verifyAuditChain } = await import("@/lib/audit/verify");

  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR,
    AUTH_SECRET: randomBytes(48).toString("base64"), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true", DEMO_MODE: "true", STAFF_TWO_FACTOR: "optional", SMS_PROVIDER: "log", SCHEDULER: "on", LOG_LEVEL: "warn",
  };
  if (!values["skip-build"]) build(env);
  const ids = actionIds(DIST_DIR, [
    { file: "lib/reviews/actions.ts", name: "noteAction" },
    { file: "lib/reviews/actions.ts", name: "returnAction" },
    { file: "lib/applications/actions.ts", name: "resubmitApplicationAction" },
  ]);
  for (const port of [PORT_A, PORT_B]) servers.push(startAppServer(port, env, path.join(tmpdir(), `ncd-faults-${port}.log`)));
  await Promise.all(servers.map((s) => waitForHttp(`http://127.0.0.1:${s.port}/login`, 150_000)));
  balancer = await startBalancer(PORT_BALANCER, [PORT_A, PORT_B]);

  // One browser per account; its tabs (the load's workers) share its cookies.
  const browsers = new Map<string, BrowserSession>();
  for (const account of [...APPLICANTS, REVIEWER]) browsers.set(account, browserSession(account, await signIn(BASE, account, DEMO_PASSWORD)));
  const as = (account: string) => browsers.get(account)!;
  const sql = await connect(url);
  const { rows: cases } = await sql.query<{ id: string; number: string }>(
    `SELECT id, number FROM "LoanApplication" WHERE number LIKE 'SQ-2026-%' ORDER BY number`,
  );
  const caseId = (number: string) => cases.find((c) => c.number === number)!.id;
  const [own, returned] = [caseId("SQ-2026-0001"), caseId("SQ-2026-0002")];
  // The demo's cases list their documents without the files; the review rounds resubmit these two,
  // which the portal allows only with every document there: a row of each kind, from the applicant.
  await sql.query(
    `INSERT INTO "Document" (id, "applicationId", kind, version, "storageKey", "fileName", "mimeType", "sizeBytes", sha256, "uploadedById")
     SELECT gen_random_uuid(), a.id, k.kind, 100, 'faults/' || a.id || '/' || k.kind, k.kind || '.pdf', 'application/pdf', 100, repeat('0', 64), a."applicantId"
       FROM "LoanApplication" a CROSS JOIN unnest(enum_range(NULL::"DocumentKind")) AS k(kind) WHERE a.id = ANY($1::uuid[])`,
    [[own, returned]],
  );

  // The faults, at their times into the load.
  const started = Date.now();
  const marks: Record<string, number> = {};
  const faults = [
    new Promise<void>((resolve) => setTimeout(() => {
      marks.restartBegan = Date.now() - started;
      cluster.restart().then(() => (marks.restartEnded = Date.now() - started)).catch((e: unknown) => console.error(`restart failed: ${String(e)}`)).finally(resolve);
    }, Number(values["restart-at"]) * 1000)),
    new Promise<void>((resolve) => setTimeout(() => {
      marks.killed = Date.now() - started;
      servers[0]!.kill("SIGKILL");
      resolve();
    }, Number(values["kill-at"]) * 1000)),
  ];
  console.error(`load for ${SECONDS} s: PostgreSQL restarts at ${values["restart-at"]} s, the server on ${PORT_A} is killed at ${values["kill-at"]} s …`);
  const load = await runLoad({
    base: BASE,
    readers: [
      { session: as(APPLICANTS[0]), path: "/applicant" },
      { session: as(APPLICANTS[0]), path: `/applicant/applications/${own}` },
      { session: as(REVIEWER), path: "/center" },
      { session: as(REVIEWER), path: `/center/cases/${own}` },
      { session: as(APPLICANTS[1]), path: "/applicant" },
    ],
    readerWorkers: 4,
    noteCases: cases.map((c) => c.id),
    noteSession: as(REVIEWER),
    roundCases: [
      { applicationId: own, staff: as(REVIEWER), applicant: as(APPLICANTS[0]) },
      { applicationId: returned, staff: as(REVIEWER), applicant: as(APPLICANTS[1]) },
    ],
    actions: { note: ids.noteAction, returnStep: ids.returnAction, resubmit: ids.resubmitApplicationAction },
    sql,
    connectSql: () => connect(url),
  }, SECONDS);
  await Promise.all(faults);
  const loadEnded = Date.now();

  // The survivor, asked directly: it must answer a signed-in page from the restarted database.
  const survivor = await fetch(`http://127.0.0.1:${PORT_B}/center`, { headers: { cookie: as(REVIEWER).header() }, redirect: "manual" });
  const signedOut = [...browsers.values()].filter((b) => b.ended()).map((b) => b.account);
  const firstReadAfterRestart = load.readTimes.find((r) => r.ok && r.at > (marks.restartEnded ?? Infinity))?.at;
  const lastFailedRead = load.readTimes.filter((r) => !r.ok).at(-1)?.at;

  // The job queue after both faults: a tick of the every-minute mail job sent and run since the kill.
  const check = await connect(url);
  const jobsSince = new Date(started + (marks.killed ?? 0));
  let jobs = await mailJobsSince(check, jobsSince);
  while ((jobs.ticksAfter < 1 || jobs.completedAfter < 1) && Date.now() < loadEnded + 130_000) {
    await new Promise((r) => setTimeout(r, 3000));
    jobs = await mailJobsSince(check, jobsSince);
  }

  const lost = await lostWrites(check, load.acknowledged);
  await check.end();
  await sql.end().catch(() => undefined);
  const { prisma } = createPrismaClient({ url });
  const disagreements = await caseDisagreements(prisma);
  const chain = await verifyAuditChain(prisma);
  await prisma.$disconnect();

  const counts = balancer.counts();
  const row = (label: string, t: Tally) => `| ${label} | ${t.sent} | ${t.done} | ${t.tryAgain} | ${t.unreachable} | ${t.cut} | ${t.failed} |`;
  const whys = [...load.reads.why, ...load.writes.why].map(([why, n]) => `${n}× ${why}`).join("; ");
  console.log(`\n${SECONDS} s of load through the balancer on ${PORT_BALANCER} (servers ${PORT_A}, ${PORT_B}); PostgreSQL restart from ${ms(marks.restartBegan)} to ${ms(marks.restartEnded)}, server ${PORT_A} killed at ${ms(marks.killed)}\n`);
  console.log("| requests | sent | succeeded | refused: try again | no server reachable (502) | connection cut | failed otherwise |\n|---|---|---|---|---|---|---|");
  console.log(row("page loads (signed in)", load.reads));
  console.log(row("writes (server actions)", load.writes));
  console.log(`\nfailed otherwise: ${whys || "none"}`);
  console.log(`balancer: ${counts.forwarded} forwarded, ${counts.retried} page loads retried on the other server; connection errors: ${[PORT_A, PORT_B].map((p) => `${counts.unreachable[p]} refused and ${counts.cut[p]} cut off in flight on ${p}`).join(", ")}`);
  console.log(`acknowledged writes: ${load.acknowledged.length} (${load.acknowledged.filter((a) => a.kind === "note").length} case notes, ${load.acknowledged.filter((a) => a.kind === "step").length} review steps); lost: ${lost.length}`);
  if (load.stoppedRounds.length) console.log(`review rounds stopped: ${load.stoppedRounds.join("; ")}`);
  console.log(`first page load after the restart: ${ms(firstReadAfterRestart)}; last failed page load: ${ms(lastFailedRead)}`);
  console.log(`sessions the faults ended (cookie deleted by the server): ${signedOut.length ? signedOut.join(", ") : "none"}`);
  console.log(`surviving server ${PORT_B}, asked directly after the load: HTTP ${survivor.status}`);
  console.log(`jobs since the kill: ${jobs.ticksAfter} ticks of deliver-mail sent, ${jobs.completedAfter} runs completed`);
  console.log(`cases: ${disagreements.length === 0 ? "every case agrees with its step events and loan" : `${disagreements.length} disagree: ${disagreements.map((d) => `${d.number} ${d.why}`).join("; ")}`}`);
  console.log(`audit chain: ${chain.ok ? `intact, ${chain.checked} events` : `BROKEN at ${chain.brokenAtId} (${chain.reason})`}`);
  console.log(`server logs: ${servers.map((s) => s.log).join(", ")}`);
  const ok = lost.length === 0 && disagreements.length === 0 && chain.ok && survivor.status === 200 && signedOut.length === 0 && jobs.ticksAfter > 0 && jobs.completedAfter > 0 && load.acknowledged.length > 0;
  console.log(ok ? "\nPASS: no acknowledged write lost, the records agree, the survivor and the jobs recovered" : "\nFAIL");
  if (!ok) process.exitCode = 1;
} finally {
  await balancer?.close();
  for (const s of servers) {
    s.kill("SIGTERM");
    await Promise.race([s.exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  cleanUp();
}

function ms(at: number | undefined): string {
  return at === undefined ? "—" : `${(at / 1000).toFixed(1)} s`;
}
