// npm run bench [-- --cases 1000,100000,1000000] [--seconds 10] [--connections 10] [--skip-build]
//   [--only 'queue|statistics|action'] [--cpu-prof DIR] [--action-requests 200]
// (or BENCH_CASES=1000000). The portal's pages against a bare Next page, in one run: builds both,
// fills a fresh PostgreSQL database with the demo data and N generated cases per size, serves each
// build pinned to core 0 and loads it from core 1 (autocannon). Prints Markdown tables: throughput,
// p50/p95/p99, each row as a ratio to its baseline with PASS/FAIL against the goals
// (report/goals.ts), the queue query through Prisma and through pg, and the server's memory (RSS,
// and V8's heap after a forced GC through the server's inspector on BENCH_PORT + 5). The
// action rows (action-rows.ts) replay a submit and a review against a no-op action, beside two
// actions of the bare app that write one row (the floor under any writing action).
import type { ChildProcess } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDemoDatabase } from "./database/portal-database";
import { GOALS, judge, type PageRow, type RowKind } from "./report/goals";
import { firstLoadTable, memoryTable, pageTable, queueQueryTable, type FirstLoadJudged, type MemoryRow, type QueueQueryRow } from "./report/table";
import { firstLoadJs } from "./web/first-load-js";
import { heapAfterGc, openInspector } from "./web/inspector";
import { deepQueuePage, loadPage, type LoadOptions } from "./web/load";
import { bareAppDir, prepareBareApp } from "./web/bare-app";
import { build, rssMb, servedEnv, startServer, stopServer } from "./web/server";
import { signIn } from "./web/sign-in";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: process.env.BENCH_CASES ?? "1000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    "skip-build": { type: "boolean", default: false },
    // Rows whose label matches (the baselines always run), and a V8 CPU profile of the portal server.
    only: { type: "string" },
    "cpu-prof": { type: "string" },
    // Requests per replayed action and size: each consumes a case prepared for it.
    "action-requests": { type: "string", default: "200" },
  },
});
const sizes = values.cases.split(",").map(Number).sort((a, b) => a - b);
const load: LoadOptions = { seconds: Number(values.seconds), connections: Number(values.connections) };
const DEEP_PAGES = 20;
const root = process.cwd();

// The servers and this process share the database and its keys.
const database = await openDemoDatabase("ncd_bench");
const { db } = database;
const { demoStaffActor } = await import("@/lib/demo/actors");
const { DEMO_PASSWORD } = await import("@/lib/demo/reference-data");
const { addBulkCases } = await import("./database/bulk-cases");
const { ACTION_ROWS, bareWriteRows, databaseNotes, noopActionRow, portalActionRows } = await import("./action-rows");
const { timeQueueQuery } = await import("./database/queue-query");
const { storeStatistics } = await import("@/lib/stats/services/refresh-statistics");
const { CURRENT } = await import("@/lib/stats/snapshot");

// The form PDF's goal is its render time, so it is asked for one at a time, not behind nine others.
// `key` names the row across sizes where the label does not (the deep page reached depends on N).
type Page = { label: string; key?: string; kind: RowKind; path: string; as?: string; connections?: number };

const APPLICANT = "13800000001";
// BENCH_PORT moves both servers (bare page on it, portal on the next port), so two runs can share a machine.
const BARE_PORT = Number(process.env.BENCH_PORT ?? 3701);
const APP_PORT = BARE_PORT + 1;
// The portal server's inspector, for its heap after a forced GC once each size's load is over.
const APP_INSPECT_PORT = BARE_PORT + 5;
const STAFF = { centre: "reviewer@center.demo", guarantor: "officer@guarantor.demo", bank: "officer@bank.demo", agent: "agent@district.demo" };
const QUEUES = [["centre", "/center"], ["guarantor", "/guarantor"], ["bank", "/bank"], ["district agent", "/agent"]] as const;
const AS_OF: Record<(typeof QUEUES)[number][0], string> = { centre: STAFF.centre, guarantor: STAFF.guarantor, bank: STAFF.bank, "district agent": STAFF.agent };

async function pagesAt(base: string, cookies: Map<string, string>, caseId: string): Promise<Page[]> {
  const pages: Page[] = [
    { label: "lightest page (/forgot-password)", kind: "lightest", path: "/forgot-password" },
    { label: "public home", kind: "public", path: "/" },
    { label: "login", kind: "public", path: "/login" },
    { label: "applicant dashboard", kind: "signed-in", path: "/applicant", as: APPLICANT },
    { label: "applicant case page", kind: "signed-in", path: `/applicant/applications/${caseId}`, as: APPLICANT },
  ];
  for (const [queue, queuePath] of QUEUES) {
    const as = AS_OF[queue];
    pages.push({ label: `${queue} queue, first page`, kind: "signed-in", path: queuePath, as });
    const deep = await deepQueuePage(base, queuePath, cookies.get(as)!, DEEP_PAGES);
    if (deep.page > 1) pages.push({ label: `${queue} queue, page ${deep.page}`, key: `${queue} queue, deep page`, kind: "signed-in", path: deep.path, as });
  }
  pages.push(
    { label: "centre case page", kind: "signed-in", path: `/center/cases/${caseId}`, as: STAFF.centre },
    { label: "centre statistics", kind: "signed-in", path: "/center/stats", as: STAFF.centre },
    { label: "form PDF (1 connection)", kind: "pdf", path: `/api/applications/${caseId}/form-pdf`, as: APPLICANT, connections: 1 },
  );
  return pages.filter((p) => p.kind === "lightest" || selected(p.label));
}

const onlyRows = values.only ? new RegExp(values.only) : null;
const selected = (label: string) => !onlyRows || onlyRows.test(label);
// The no-op action is the actions' baseline: it runs when either portal action does.
const actionsSelected = selected(ACTION_ROWS.submit) || selected(ACTION_ROWS.review);

/** The applicant's routes (and the public home, for comparison), judged against the first-load goal. */
async function applicantFirstLoad(base: string, cookie: string, caseId: string): Promise<FirstLoadJudged[]> {
  const routes = [
    { label: "public home", path: "/" },
    { label: "applicant dashboard", path: "/applicant", cookie },
    { label: "applicant case page", path: `/applicant/applications/${caseId}`, cookie },
    { label: "applicant profile", path: "/applicant/profile", cookie },
    { label: "applicant inbox", path: "/applicant/inbox", cookie },
    { label: "new enterprise form", path: "/applicant/enterprises/new", cookie },
  ];
  return (await firstLoadJs(base, routes)).map((r) => {
    const applicant = r.path.startsWith("/applicant");
    return { ...r, goal: applicant ? `≤ ${GOALS.applicantFirstLoadKb} kB` : "—", result: applicant ? (r.kB <= GOALS.applicantFirstLoadKb ? "PASS" : "FAIL") : "—" };
  });
}

/**
 * After a bulk load: vacuum, analyse and checkpoint, so that the rows of a size are not measured
 * while PostgreSQL's autovacuum and checkpointer work through the millions of rows just written.
 */
async function settle(client: pg.Client): Promise<void> {
  await client.query("VACUUM ANALYZE");
  await client.query("CHECKPOINT");
}

async function measure(server: ChildProcess, base: string, page: Page, cases: number, cookie?: string): Promise<PageRow> {
  console.error(`${cases} cases: ${page.label}`);
  const loaded = await loadPage(server, base, page.path, cookie, { ...load, connections: page.connections ?? load.connections });
  return { label: page.label, key: page.key ?? page.label, kind: page.kind, cases, ...loaded };
}

let bareApp = bareAppDir(root, BARE_PORT);
if (!values["skip-build"]) {
  build(root, [], "the portal");
  const prepared = prepareBareApp(root, BARE_PORT);
  bareApp = prepared.app;
  build(bareApp.dir, prepared.buildArgs, "the bare page");
}
// Other work on the machine skews the figures: the load average before and after says how much.
const loadBefore = loadavg()[0]!;
const rows: PageRow[] = [];
const queueQuery: QueueQueryRow[] = [];
const memory: MemoryRow[] = [];
const firstLoad: FirstLoadJudged[] = [];
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const caseId = await database.caseId();
  const reviewer = await demoStaffActor(db, STAFF.centre);

  // Both servers stay up for the whole run (one idle while the other is loaded): the baselines
  // are measured again at every size, so each ratio compares rows measured minutes apart, not a
  // page at 1,000,000 cases with a bare page measured before the machine's load changed.
  const bareServer = await startServer(bareApp.dir, BARE_PORT, servedEnv());
  const bareBase = `http://localhost:${BARE_PORT}`;
  const app = await startServer(root, APP_PORT, servedEnv(values["cpu-prof"], { inspectPort: APP_INSPECT_PORT, inspectOnSignal: true }));
  const base = `http://localhost:${APP_PORT}`;
  try {
    const [bareJs] = await firstLoadJs(bareBase, [{ label: "bare Next page (baseline)", path: "/" }]);
    firstLoad.push({ ...bareJs!, goal: "—", result: "—" });
    let have = 0;
    for (const [sizeIndex, cases] of sizes.entries()) {
      console.error(`adding cases up to ${cases} …`);
      await addBulkCases(client, have, cases);
      have = cases;
      await settle(client);
      // The statistics pages read the snapshot the refresh-statistics job stores (no scheduler runs here).
      const computing = performance.now();
      await storeStatistics(CURRENT, db);
      console.error(`statistics snapshot at ${cases} cases: ${Math.round(performance.now() - computing)} ms`);
      rows.push(await measure(bareServer, bareBase, { label: "bare Next page (baseline)", kind: "bare", path: "/" }, cases));
      if (actionsSelected) rows.push(await noopActionRow(bareServer, bareBase, bareApp.dir, cases, load), ...(await bareWriteRows(bareServer, bareBase, bareApp.dir, cases, load)));
      queueQuery.push({ cases, ...(await timeQueueQuery(reviewer, client)) });
      const cookies = new Map<string, string>();
      for (const account of [APPLICANT, ...Object.values(STAFF)]) cookies.set(account, await signIn(base, account, DEMO_PASSWORD));
      const idleMb = rssMb(app);
      const measured: PageRow[] = [];
      // A fresh session per row: a browser keeps the cookie the server renews once a minute
      // (lib/auth/session-token.ts), the load driver cannot, so an old cookie would be renewed on
      // every request.
      for (const page of await pagesAt(base, cookies, caseId)) measured.push(await measure(app, base, page, cases, page.as && (await signIn(base, page.as, DEMO_PASSWORD))));
      if (actionsSelected) {
        measured.push(...(await portalActionRows(app, base, cases, load, {
          root, demoApplicant: APPLICANT, reviewer: STAFF.centre,
          first: sizeIndex * 100_000, requests: Number(values["action-requests"]), only: selected,
        })));
      }
      rows.push(...measured);
      if (cases === sizes[0]) firstLoad.push(...(await applicantFirstLoad(base, cookies.get(APPLICANT)!, caseId)));
      await new Promise((r) => setTimeout(r, 5000));
      const afterMb = rssMb(app);
      // The inspector opens for this reading only: no load is measured with it listening.
      await openInspector(app, APP_INSPECT_PORT);
      const heap = await heapAfterGc(APP_INSPECT_PORT, { close: true });
      memory.push({
        cases, idleMb, peakMb: Math.max(...measured.map((r) => r.peakRssMb)), afterMb,
        heapUsedMb: heap?.heapUsedMb ?? null, heapUsedAfterGcMb: heap?.heapUsedAfterGcMb ?? null, rssAfterGcMb: heap?.rssAfterGcMb ?? null,
      });
    }
  } finally {
    await Promise.all([stopServer(app), stopServer(bareServer)]);
  }
} finally {
  await client.end();
  await database.close();
}

const at = (kind: RowKind, cases: number) => rows.find((o) => o.kind === kind && o.cases === cases);
const sameRow = (r: PageRow, cases: number) => rows.find((o) => o.cases === cases && o.key === r.key);
const judged = rows.map((r) =>
  judge(r, {
    bare: at("bare", r.cases)!, lightest: at("lightest", r.cases), noop: at("noop", r.cases),
    smallest: sameRow(r, sizes[0]!), smallestBare: at("bare", sizes[0]!),
  }),
);
console.log(`\n${load.seconds} s per row, ${load.connections} connections, server on core 0, load on core 1; demo data + generated cases`);
console.log(`load average (1 min) ${loadBefore.toFixed(1)} before the run, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores\n`);
console.log(pageTable(judged));
for (const r of judged.filter((j) => j.kind === "noop" || j.kind === "floor" || j.kind === "action")) {
  const moved = r.kind === "action" ? `, ${r.notDone ?? 0} of the cases not moved on (checked in the database)`
    : r.kind === "floor" ? ` (for ${load.seconds} s), ${r.notDone ?? 0} calls without their row (checked in the database)` : ` (for ${load.seconds} s)`;
  console.log(`${r.label}: ${r.responses} requests at ${load.connections} connections, ${r.failures} not a success of the action${moved}`);
}
for (const note of databaseNotes) console.log(note);
console.log(`\nQueue query, centre, first page of 50 (median of 30)\n`);
console.log(queueQueryTable(queueQuery));
console.log(`\nFirst-load JavaScript per route, Chromium at 390×844, gzip as served (bare page built with ${bareApp.bundler})\n`);
console.log(firstLoadTable(firstLoad));
console.log(`\nPortal server memory (RSS of next start and its workers; V8's heap through its inspector)\n`);
console.log(memoryTable(memory));
const failed = judged.filter((r) => r.result === "FAIL").length + firstLoad.filter((r) => r.result === "FAIL").length;
const passed = judged.filter((r) => r.result === "PASS").length + firstLoad.filter((r) => r.result === "PASS").length;
console.log(`\n${passed} rows pass, ${failed} fail their goals`);
