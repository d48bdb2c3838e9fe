// npm run bench:statements [-- --cases 1000,100000] [--top 3]
// The SQL statements each signed-in page sends, counted and timed: a fresh PostgreSQL database
// with the demo data and N generated cases per size, then each page's server reads in the order
// the page makes them (its session check, its layout's and links' counts, its view), through the
// portal's own Prisma client with Prisma's query events switched on; then the work of the submit
// and review actions the bench replays (session check and service, each on a case of its own).
// Prints, per page and size, the statements, their summed database time, and the slowest statements.
import { parseArgs } from "node:util";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { openDemoDatabase } from "./database/portal-database";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000" },
    top: { type: "string", default: "3" },
    // Prints every statement of the pages whose label matches.
    show: { type: "string" },
    // Leaves the database in place (its name is printed) for EXPLAIN by hand; drop it afterwards.
    keep: { type: "boolean", default: false },
    runs: { type: "string", default: "5" },
  },
});
const sizes = values.cases.split(",").map(Number).sort((a, b) => a - b);
const runs = Number(values.runs);

const { PrismaClient } = await import("@/lib/generated/prisma/client");
const { PrismaPg } = await import("@prisma/adapter-pg");

type Statement = { query: string; ms: number };
let recorded: Statement[] | null = null;
// The shared client the portal's modules use, made here with Prisma's query events on.
const database = await openDemoDatabase(process.env.BENCH_DB_PREFIX ?? "ncd_statements", {
  keep: values.keep,
  client: (url) => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
    client.$on("query", (e) => recorded?.push({ query: e.query, ms: e.duration }));
    return client as unknown as Db;
  },
});
const { db } = database;
const { demoStaffActor } = await import("@/lib/demo/actors");
const { addBulkCases } = await import("./database/bulk-cases");
const { loadSessionState } = await import("@/lib/auth/session-state");
const { unreadCount } = await import("@/lib/notifications/inbox-queries");
const { lateCaseCount } = await import("@/lib/oversight/queries");
const { listQueue, caseWorkers } = await import("@/lib/reviews/queries");
const { staffCaseView } = await import("@/lib/reviews/case-view");
const { applicantDashboardView } = await import("@/lib/applications/dashboard-view");
const { applicantCaseView } = await import("@/lib/applications/case-view");
const { can } = await import("@/lib/auth/permissions");
const { prepareDrafts, prepareCentreCases } = await import("./database/action-cases");
const { submitApplication } = await import("@/lib/applications/services/submit-application");
const { recommendApplication } = await import("@/lib/reviews/services/center-review");

/** A page's reads; `prepare` (not counted) makes what one call consumes, such as a case an action moves on. */
type Measured = [string, (prepared?: unknown) => Promise<unknown>, (() => Promise<unknown>)?];

async function counted([, run, prepare]: Measured): Promise<{ statements: Statement[]; wallMs: number }> {
  await run(await prepare?.()); // warm: the first call pays for connections and Prisma's plan cache
  let best: { statements: Statement[]; wallMs: number } | null = null;
  for (let i = 0; i < runs; i += 1) {
    const prepared = await prepare?.();
    recorded = [];
    const start = performance.now();
    await run(prepared);
    const wallMs = performance.now() - start;
    const statements = recorded;
    recorded = null;
    if (!best || wallMs < best.wallMs) best = { statements, wallMs };
  }
  return best!;
}

const client = new pg.Client({ connectionString: database.url });
await client.connect();
const rows: string[] = [];
try {
  const caseId = await database.caseId();
  const centre = await demoStaffActor(db, "reviewer@center.demo");
  const { applicantId } = await db.loanApplication.findUniqueOrThrow({ where: { id: caseId }, select: { applicantId: true } });
  const applicant = (await loadSessionState(applicantId))!.actor;
  // The second demo applicant: three enterprises, and SQ-2026-0002 returned to them (its page opens at the review step).
  const returned = await db.loanApplication.findUniqueOrThrow({ where: { number: "SQ-2026-0002" }, select: { id: true, applicantId: true } });
  const second = (await loadSessionState(returned.applicantId))!.actor;

  // Generated applicant 4 holds cases 13 to 16 (bulk-cases.ts): a draft, then three closed.
  let drafter = applicant;
  const findDrafter = async () => {
    const user = await db.user.findFirstOrThrow({ where: { displayName: "申请人4" }, select: { id: true } });
    drafter = (await loadSessionState(user.id))!.actor;
  };
  // Each page's reads, in the order the page makes them; the session check is the page's own
  // (the proxy's look-up, when it makes one, is one more of the same statement).
  const pages: Measured[] = [
    ["session check (loadSessionState)", () => loadSessionState(applicant.userId)],
    ["applicant dashboard", async () => {
      await loadSessionState(applicant.userId);
      await Promise.all([applicantDashboardView(applicant), unreadCount(applicant)]);
    }],
    // A generated applicant whose one enterprise has only a draft: the dashboard judges its eligibility.
    ["generated applicant's dashboard (a draft)", async () => {
      await loadSessionState(drafter.userId);
      await Promise.all([applicantDashboardView(drafter), unreadCount(drafter)]);
    }],
    ["applicant case page", async () => {
      await loadSessionState(applicant.userId);
      await applicantCaseView(applicant, caseId, undefined);
    }],
    ["second applicant's dashboard (three enterprises)", async () => {
      await loadSessionState(second.userId);
      await Promise.all([applicantDashboardView(second), unreadCount(second)]);
    }],
    ["second applicant's returned case page (review step)", async () => {
      await loadSessionState(second.userId);
      await applicantCaseView(second, returned.id, undefined);
    }],
    ["centre queue, first page", async () => {
      await loadSessionState(centre.userId);
      const [page] = await Promise.all([listQueue(centre, { status: "CENTER_REVIEW" }), lateCaseCount(centre), unreadCount(centre)]);
      if (can(centre, "application.assign") && page.rows.length) await caseWorkers(centre);
    }],
    ["centre case page", async () => {
      await loadSessionState(centre.userId);
      await staffCaseView(centre, caseId);
    }],
  ];
  // The services of the two replayed actions (the bench's submit and review rows) with the
  // action's session check, without the page rendered after them. Each call consumes a prepared
  // case of its own, made before the count starts.
  let benchApplicant = 900_000;
  type Prepared = { applicationId: string; version: number; applicantId: string };
  const prepareOne = (prepare: typeof prepareDrafts) => async (): Promise<Prepared> => {
    const [c] = await prepare(db, (benchApplicant += 1), 1, "13800000001");
    const { applicantId } = await db.loanApplication.findUniqueOrThrow({ where: { id: c!.applicationId }, select: { applicantId: true } });
    return { ...c!, applicantId };
  };
  pages.push(
    ["submit action's work (session check + service)", async (p) => {
      const c = p as Prepared;
      const actor = (await loadSessionState(c.applicantId))!.actor;
      if (actor.kind !== "APPLICANT") throw new Error("not an applicant");
      await submitApplication(actor, c.applicationId, c.version);
    }, prepareOne(prepareDrafts)],
    ["review action's work (session check + recommend)", async (p) => {
      const c = p as Prepared;
      await loadSessionState(centre.userId);
      await recommendApplication(centre, { applicationId: c.applicationId, version: c.version, comment: "ok", checklist: { member: true, targetGroup: true, documents: true } });
    }, prepareOne(prepareCentreCases)],
  );
  let have = 0;
  for (const cases of sizes) {
    console.error(`adding cases up to ${cases} …`);
    await addBulkCases(client, have, cases);
    have = cases;
    await client.query("ANALYZE");
    await findDrafter();
    for (const page of pages) {
      const [label] = page;
      const { statements, wallMs } = await counted(page);
      if (values.show && new RegExp(values.show).test(label)) console.error(statements.map((q) => `${q.ms.toFixed(1)}\t${q.query.replace(/\s+/g, " ").slice(0, 160)}`).join("\n"));
      const dbMs = statements.reduce((s, q) => s + q.ms, 0);
      const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, Number(values.top));
      rows.push(`| ${label} | ${cases.toLocaleString("en")} | ${statements.length} | ${dbMs.toFixed(0)} | ${wallMs.toFixed(1)} | ${slowest.map((q) => `${q.ms.toFixed(1)} ms: ${q.query.replace(/\s+/g, " ").slice(0, 90)}`).join("<br>")} |`);
    }
  }
} finally {
  await client.end();
  await database.close();
}

console.log(`\nStatements per page (fastest of ${runs} runs after one warm-up; database ms as Prisma reports them, whole ms)\n`);
console.log("| page | cases | statements | db ms | wall ms | slowest |");
console.log("|---|---|---|---|---|---|");
console.log(rows.join("\n"));
