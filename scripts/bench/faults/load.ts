// The mixed load of the fault run: readers loading signed-in pages, and writers making real
// changes through the portal's server actions. Every change the server acknowledged is written
// down with what it should have left in the database, for the check afterwards.
import type pg from "pg";
import { callAction, type Outcome } from "./actions";
import type { BrowserSession } from "./session";

export type Acknowledged =
  | { kind: "note"; applicationId: string; note: string }
  | { kind: "step"; applicationId: string; event: "returned" | "resubmitted"; version: number };

export type Tally = { sent: number; done: number; tryAgain: number; unreachable: number; cut: number; failed: number; why: Map<string, number> };
export const emptyTally = (): Tally => ({ sent: 0, done: 0, tryAgain: 0, unreachable: 0, cut: 0, failed: 0, why: new Map() });

export type Reader = { session: BrowserSession; path: string };
/** A case whose review goes round: the centre returns it, the applicant resubmits it, again and again. */
export type RoundCase = { applicationId: string; staff: BrowserSession; applicant: BrowserSession };

export type LoadPlan = {
  base: string;
  readers: Reader[];
  readerWorkers: number;
  noteCases: string[];
  noteSession: BrowserSession;
  roundCases: RoundCase[];
  actions: { note: string; returnStep: string; resubmit: string };
  /** The database, to learn where a case stands after a step whose answer never came. */
  sql: pg.Client;
  connectSql: () => Promise<pg.Client>;
};

export type LoadResult = {
  reads: Tally;
  writes: Tally;
  acknowledged: Acknowledged[];
  /** When each read that succeeded finished (ms since the start), for the recovery times. */
  readTimes: { at: number; ok: boolean }[];
  stoppedRounds: string[];
};

function count(tally: Tally, outcome: Outcome): void {
  tally.sent += 1;
  if (outcome.kind === "done") tally.done += 1;
  else if (outcome.kind === "try-again") tally.tryAgain += 1;
  else if (outcome.kind === "unreachable") tally.unreachable += 1;
  else if (outcome.kind === "cut") tally.cut += 1;
  else {
    tally.failed += 1;
    tally.why.set(outcome.why, (tally.why.get(outcome.why) ?? 0) + 1);
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function read(base: string, reader: Reader): Promise<Outcome> {
  try {
    const res = await fetch(`${base}${reader.path}`, { headers: { cookie: reader.session.header() }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    reader.session.keep(res);
    const body = await res.text();
    if (res.headers.get("x-balancer") === "unreachable") return { kind: "unreachable" };
    if (res.status === 200 && body.length > 0) return { kind: "done" };
    if (res.status === 503) return { kind: "try-again" };
    return { kind: "failed", why: `page HTTP ${res.status}` };
  } catch (error) {
    return (error as Error).name === "TimeoutError" ? { kind: "failed", why: "page: no answer in 30 s" } : { kind: "cut" };
  }
}

export async function runLoad(plan: LoadPlan, seconds: number): Promise<LoadResult> {
  const started = Date.now();
  const until = started + seconds * 1000;
  const result: LoadResult = { reads: emptyTally(), writes: emptyTally(), acknowledged: [], readTimes: [], stoppedRounds: [] };
  let sql = plan.sql;
  // Where a case stands, from the database. The run's own connection dies with the database
  // restart too: a fresh one after a failure, until the database answers.
  const look = async (applicationId: string): Promise<{ status: string; version: number } | null> => {
    while (Date.now() < until + 30_000) {
      try {
        const { rows } = await sql.query<{ status: string; version: number }>(`SELECT status::text, version FROM "LoanApplication" WHERE id = $1`, [applicationId]);
        return rows[0] ?? null;
      } catch {
        await pause(500);
        sql = await plan.connectSql().catch(() => sql);
      }
    }
    return null;
  };

  const readerLoop = async (worker: number) => {
    for (let i = worker; Date.now() < until; i += plan.readerWorkers) {
      const outcome = await read(plan.base, plan.readers[i % plan.readers.length]!);
      count(result.reads, outcome);
      result.readTimes.push({ at: Date.now() - started, ok: outcome.kind === "done" });
      if (outcome.kind !== "done") await pause(100);
    }
  };

  const noteLoop = async (worker: number) => {
    for (let n = 0; Date.now() < until; n += 1) {
      const applicationId = plan.noteCases[(worker + n) % plan.noteCases.length]!;
      const note = `fault-run note ${worker}-${n} ${started}`;
      const outcome = await callAction(plan.base, plan.actions.note, plan.noteSession, `/center/cases/${applicationId}`, { applicationId, note });
      count(result.writes, outcome);
      if (outcome.kind === "done") result.acknowledged.push({ kind: "note", applicationId, note });
      else await pause(100);
    }
  };

  const roundLoop = async (round: RoundCase) => {
    let at = await look(round.applicationId);
    let failures = 0;
    while (at && Date.now() < until) {
      const returning = at.status === "CENTER_REVIEW";
      if (!returning && at.status !== "RETURNED") {
        result.stoppedRounds.push(`${round.applicationId}: ${at.status}`);
        return;
      }
      const outcome = returning
        ? await callAction(plan.base, plan.actions.returnStep, round.staff, `/center/cases/${round.applicationId}`, {
          applicationId: round.applicationId, version: String(at.version), comment: "材料需补充", applicantMessage: "",
          missingItems: "2025 年度财务报表（加盖公章）",
        })
        : await callAction(plan.base, plan.actions.resubmit, round.applicant, `/applicant/applications/${round.applicationId}`, {
          applicationId: round.applicationId, version: String(at.version),
        });
      count(result.writes, outcome);
      if (outcome.kind === "done") {
        failures = 0;
        result.acknowledged.push({ kind: "step", applicationId: round.applicationId, event: returning ? "returned" : "resubmitted", version: at.version + 1 });
        at = { status: returning ? "RETURNED" : "CENTER_REVIEW", version: at.version + 1 };
      } else {
        // No answer, or "try again": the step may or may not have been made; the database says which.
        failures += 1;
        if (failures >= 20) {
          result.stoppedRounds.push(`${round.applicationId}: ${outcome.kind === "failed" ? outcome.why : outcome.kind}`);
          return;
        }
        await pause(100);
        at = await look(round.applicationId);
      }
    }
  };

  await Promise.all([
    ...Array.from({ length: plan.readerWorkers }, (_, w) => readerLoop(w)),
    ...[0, 1].map((w) => noteLoop(w)),
    ...plan.roundCases.map((r) => roundLoop(r)),
  ]);
  return result;
}
