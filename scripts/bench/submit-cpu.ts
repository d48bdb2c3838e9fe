// npx tsx --conditions=react-server scripts/bench/submit-cpu.ts [--calls 150] [--rounds 3] [--cpu-prof FILE]
// The submit action's work without Next: the session check and the submit service, called one
// after the other on complete drafts prepared before (a fresh database with the demo data and
// 1,000 generated cases), with this process's CPU time (process.cpuUsage) around each round.
// Run from a checkout's root, the portal's modules are that checkout's ("@/lib" resolves through
// the tsconfig of the working directory), so one copy of this script measures two checkouts in
// turns: `cd /path/to/other/checkout && npx tsx --conditions=react-server /path/to/scripts/bench/submit-cpu.ts`.
// --cpu-prof writes a V8 CPU profile of the rounds (read it with scripts/bench/profile-summary.ts).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDemoDatabase } from "./database/portal-database";

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "150" },
    rounds: { type: "string", default: "3" },
    "cpu-prof": { type: "string" },
  },
});
const calls = Number(values.calls);
const rounds = Number(values.rounds);

const database = await openDemoDatabase(process.env.BENCH_DB_PREFIX ?? "ncd_submit_cpu");
const { db, url } = database;
const { addBulkCases } = await import("./database/bulk-cases");
const { prepareDrafts } = await import("./database/action-cases");
const { loadSessionState } = await import("@/lib/auth/session-state");
const { submitApplication } = await import("@/lib/applications/services/submit-application");

const client = new pg.Client({ connectionString: url });
await client.connect();
const session = values["cpu-prof"] ? new Session() : null;
try {
  await addBulkCases(client, 0, 1000);
  await client.query("ANALYZE");
  console.error(`checkout ${process.cwd()}: preparing ${(rounds + 1) * calls} drafts …`);
  const drafts = await prepareDrafts(db, 900_000, (rounds + 1) * calls, "13800000001");
  const owners = await db.loanApplication.findMany({ where: { id: { in: drafts.map((d) => d.applicationId) } }, select: { id: true, applicantId: true } });
  const ownerOf = new Map(owners.map((o) => [o.id, o.applicantId]));
  const submit = async (d: (typeof drafts)[number]) => {
    const actor = (await loadSessionState(ownerOf.get(d.applicationId)!))!.actor;
    if (actor.kind !== "APPLICANT") throw new Error("not an applicant");
    await submitApplication(actor, d.applicationId, d.version);
  };
  // The first `calls` warm the process (Prisma's plans, the JIT); the rounds after are measured.
  for (const d of drafts.slice(0, calls)) await submit(d);
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const perCall: number[] = [];
  for (let r = 1; r <= rounds; r += 1) {
    const batch = drafts.slice(r * calls, (r + 1) * calls);
    const before = process.cpuUsage();
    const start = performance.now();
    for (const d of batch) await submit(d);
    const used = process.cpuUsage(before);
    const wall = performance.now() - start;
    const ms = (used.user + used.system) / 1000 / batch.length;
    perCall.push(ms);
    console.log(`round ${r}: ${ms.toFixed(2)} ms CPU per call (user ${(used.user / 1000 / batch.length).toFixed(2)}), ${(wall / batch.length).toFixed(2)} ms wall per call`);
  }
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(values["cpu-prof"]!, JSON.stringify(profile));
  }
  const done = await db.loanApplication.count({ where: { id: { in: drafts.map((d) => d.applicationId) }, status: "CENTER_REVIEW" } });
  if (done !== drafts.length) throw new Error(`${drafts.length - done} drafts not submitted`);
  const sorted = [...perCall].sort((a, b) => a - b);
  console.log(`median of ${rounds} rounds of ${calls} calls: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} ms CPU per call`);
} finally {
  session?.disconnect();
  await client.end();
  await database.close();
}
