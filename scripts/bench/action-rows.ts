// The action rows of `npm run bench`: a no-op action in the bare app (the baseline), two actions
// of the bare app that write one row (the floor under any action that writes: alone, and followed
// by the redirect a submit answers with), and two of the portal's actions replayed as the browser
// calls them, with the build's action ids, the page's Origin and a real session: the applicant's
// submit of a complete draft and the centre reviewer's recommendation of a case waiting for the
// centre. A transition consumes its case, so each request gets a case of its own
// (database/action-cases.ts), and after the run the database must show every one of them moved on.
import type { ChildProcess } from "node:child_process";
import { IDLE } from "@/lib/actions/state";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD } from "@/lib/demo/reference-data";
import { countDone, prepareCentreCases, prepareDrafts, type PreparedCase } from "./database/action-cases";
import type { PageRow } from "./report/goals";
import { formActionBody, routerStateHeader, routerStateOf } from "./web/action-body";
import { actionIdIn, readActionManifest } from "./web/action-ids";
import { actionHeaders, type ActionReplay, type ActionSuccess } from "./web/action-replay";
import { cpuMs } from "./web/cpu-time";
import { loadAction, type LoadOptions } from "./web/load";
import { get, signIn } from "./web/sign-in";

export const ACTION_ROWS = {
  noop: "no-op action (baseline)", insert: "one-row insert action (bare app)", insertRedirect: "one-row insert + redirect (bare app)",
  submit: "submit action", review: "review action",
} as const;
const WARM_UP = 10;

/** The page's router state as the browser holds it after loading the page (its Flight answer). */
async function pageRouterState(base: string, path: string, cookie?: string): Promise<unknown> {
  const init: RequestInit = { headers: { rsc: "1", ...(cookie ? { cookie } : {}) }, redirect: "manual" };
  let res = await get(`${base}${path}`, init);
  // Next sends a Flight request without its cache-busting `_rsc` parameter to the same page with one.
  const location = res.headers.get("location");
  if (res.status === 307 && location && new URL(location, base).pathname === path && new URL(location, base).searchParams.has("_rsc")) {
    res = await get(new URL(location, base).href, init);
  }
  if (res.status !== 200) throw new Error(`${path} answered ${res.status} to a Flight request`);
  return routerStateOf(res.body!);
}

/** A bare-app action called again and again for the time budget, with the server's CPU per call noted. */
async function bareActionRow(server: ChildProcess, base: string, bareApp: string, name: string, row: { label: string; kind: "noop" | "floor"; success: ActionSuccess }, cases: number, load: LoadOptions) {
  console.error(`${cases} cases: ${row.label}`);
  const id = actionIdIn(readActionManifest(bareApp), "app/action/actions.ts", name);
  const { body, contentType } = await formActionBody(id, IDLE, {});
  const routerState = routerStateHeader(await pageRouterState(base, "/action"));
  const replay: ActionReplay = { path: "/action", headers: actionHeaders({ actionId: id, origin: base, contentType, routerState }), body };
  const cpuBefore = cpuMs(server.pid!);
  const loaded = await loadAction(server, base, { warmUp: Array(WARM_UP).fill(replay), replays: [replay], repeat: true, success: row.success }, load);
  const calls = WARM_UP + loaded.responses;
  databaseNotes.push(`${row.label}, per call: ${((cpuMs(server.pid!) - cpuBefore) / calls).toFixed(1)} ms of server CPU (/proc)`);
  return { row: { label: row.label, key: row.label, kind: row.kind, cases, ...loaded } satisfies PageRow, calls };
}

export async function noopActionRow(server: ChildProcess, base: string, bareApp: string, cases: number, load: LoadOptions): Promise<PageRow> {
  const { row } = await bareActionRow(server, base, bareApp, "noopAction", { label: ACTION_ROWS.noop, kind: "noop", success: { kind: "answered" } }, cases, load);
  return row;
}

/**
 * The floor rows: what a server action that writes one row costs in a bare Next app, alone and
 * followed by a redirect to the bare page. Every call must have written its row.
 */
export async function bareWriteRows(server: ChildProcess, base: string, bareApp: string, cases: number, load: LoadOptions): Promise<PageRow[]> {
  await db.$executeRawUnsafe("CREATE TABLE IF NOT EXISTS bare_app_writes (id bigserial PRIMARY KEY, note text NOT NULL)");
  const rows: PageRow[] = [];
  const floors = [
    { name: "insertAction", label: ACTION_ROWS.insert, success: { kind: "answered" } },
    { name: "insertThenRedirectAction", label: ACTION_ROWS.insertRedirect, success: { kind: "redirect", to: "/" } },
  ] as const;
  for (const floor of floors) {
    await db.$executeRawUnsafe("TRUNCATE bare_app_writes");
    const { row, calls } = await bareActionRow(server, base, bareApp, floor.name, { label: floor.label, kind: "floor", success: floor.success }, cases, load);
    const [written] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM bare_app_writes`;
    // In-flight calls at the end of the budget write rows whose answers were not counted: only fewer rows is a failure.
    rows.push({ ...row, notDone: Math.max(0, calls - Number(written!.count)) });
  }
  return rows;
}

type PortalActions = {
  root: string;
  demoApplicant: string;
  /** The centre reviewer's account (signed in afresh: the pages before may have outlasted an idle session). */
  reviewer: string;
  /** Numbers the prepared applicants, so every size gets fresh ones. */
  first: number;
  /** Replayed requests per action (after the warm-up's). */
  requests: number;
  only: (label: string) => boolean;
};

/**
 * One replay per prepared case, posted to the page its form is on. The pages of two cases differ
 * in their router state only by the case's id, so the first case's page gives every case's.
 */
async function replaysOf(actionId: string, base: string, prepared: PreparedCase[], call: (c: PreparedCase) => Promise<{ path: string; cookie: string; fields: Record<string, string> }>): Promise<ActionReplay[]> {
  const replays: ActionReplay[] = [];
  let model: { id: string; tree: string } | undefined;
  for (const c of prepared) {
    const { path, cookie, fields } = await call(c);
    model ??= { id: c.applicationId, tree: JSON.stringify(await pageRouterState(base, path, cookie)) };
    const routerState = routerStateHeader(JSON.parse(model.tree.replaceAll(model.id, c.applicationId)));
    const { body, contentType } = await formActionBody(actionId, IDLE, fields);
    replays.push({ path, headers: actionHeaders({ actionId, origin: base, contentType, routerState, cookie }), body });
  }
  if (model) console.error(`router state of ${prepared[0]!.applicationId}'s page: ${decodeURIComponent(routerStateHeader(JSON.parse(model.tree)))}`);
  return replays;
}

type Activity = { transactions: bigint; inserted: bigint; updated: bigint };

/** The database's own counters; a server's connections report theirs at the latest after 10 s idle. */
async function activity(): Promise<Activity> {
  await new Promise((r) => setTimeout(r, 11_000));
  const [row] = await db.$queryRaw<Activity[]>`SELECT xact_commit + xact_rollback AS transactions, tup_inserted AS inserted, tup_updated AS updated
    FROM pg_stat_database WHERE datname = current_database()`;
  return row!;
}

/** What each call cost the database, for the report: transactions (a statement outside one is one) and rows written. */
export const databaseNotes: string[] = [];

async function actionRow(server: ChildProcess, base: string, label: string, cases: number, replays: ActionReplay[], success: Parameters<typeof loadAction>[2]["success"], load: LoadOptions, done: () => Promise<number>): Promise<PageRow> {
  console.error(`${cases} cases: ${label} (${replays.length - WARM_UP} requests)`);
  const before = await activity();
  const cpuBefore = cpuMs(server.pid!);
  const loaded = await loadAction(server, base, { warmUp: replays.slice(0, WARM_UP), replays: replays.slice(WARM_UP), repeat: false, success }, load);
  const cpu = (cpuMs(server.pid!) - cpuBefore) / replays.length;
  const after = await activity();
  const per = (k: keyof Activity) => (Number(after[k] - before[k]) / replays.length).toFixed(1);
  // The two readings' own transactions are counted too (2 in all): noise next to a call's.
  databaseNotes.push(`${label} at ${cases.toLocaleString("en")} cases, per call: ${per("transactions")} transactions, ${per("inserted")} rows inserted, ${per("updated")} rows updated (pg_stat_database); ${cpu.toFixed(1)} ms of server CPU (/proc)`);
  const notDone = replays.length - (await done());
  return { label, key: label, kind: "action", cases, ...loaded, notDone };
}

export async function portalActionRows(server: ChildProcess, base: string, cases: number, load: LoadOptions, options: PortalActions): Promise<PageRow[]> {
  const manifest = readActionManifest(options.root);
  // The submit's applicants are numbered from `first`, the review's right after them.
  if (options.requests + WARM_UP > 50_000) throw new Error("at most 49,990 requests per action");
  const count = options.requests + WARM_UP;
  const rows: PageRow[] = [];
  if (options.only(ACTION_ROWS.submit)) {
    const id = actionIdIn(manifest, "lib/applications/actions.ts", "submitApplicationAction");
    console.error(`preparing ${count} complete drafts, one applicant each …`);
    const drafts = await prepareDrafts(db, options.first, count, options.demoApplicant);
    // Each applicant signs in for real (Auth.js's credentials flow), so each replay carries its own session.
    const replays = await replaysOf(id, base, drafts, async (c) => ({
      path: `/applicant/applications/${c.applicationId}`,
      cookie: await signIn(base, c.mobile, DEMO_PASSWORD),
      fields: { applicationId: c.applicationId, version: String(c.version) },
    }));
    const ids = drafts.map((d) => d.applicationId);
    rows.push(await actionRow(server, base, ACTION_ROWS.submit, cases, replays, { kind: "redirect", to: "/applicant/applications/" }, load, () => countDone(db, "submit", ids)));
  }
  if (options.only(ACTION_ROWS.review)) {
    const id = actionIdIn(manifest, "lib/reviews/actions.ts", "recommendAction");
    console.error(`preparing ${count} cases waiting for the centre …`);
    const waiting = await prepareCentreCases(db, options.first + count, count, options.demoApplicant);
    const reviewer = await db.user.findUniqueOrThrow({ where: { email: options.reviewer }, select: { id: true } });
    const cookie = await signIn(base, options.reviewer, DEMO_PASSWORD);
    const replays = await replaysOf(id, base, waiting, async (c) => ({
      path: `/center/cases/${c.applicationId}`,
      cookie,
      fields: {
        applicationId: c.applicationId, version: String(c.version), comment: "符合条件，建议担保", applicantMessage: "",
        checkMember: "on", checkTargetGroup: "on", checkDocuments: "on",
      },
    }));
    const ids = waiting.map((w) => w.applicationId);
    rows.push(await actionRow(server, base, ACTION_ROWS.review, cases, replays, { kind: "state" }, load, () => countDone(db, "recommend", ids, reviewer.id)));
  }
  return rows;
}
