import { afterAll, beforeAll, describe, expect, it } from "vitest";
import PgBoss from "pg-boss";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { beijingNoon } from "@/lib/calendar/beijing";
import { JOBS, startScheduler } from "@/lib/jobs/scheduler";
import { computeProgrammeFigures } from "@/lib/stats/queries";
import { computeStatistics, refreshStatistics, storeStatistics } from "@/lib/stats/services/refresh-statistics";
import { CURRENT, decodeStatistics, defaultView, pageRequest, viewKey, viewOfKey } from "@/lib/stats/snapshot";
import { requestStatistics, setStatisticsRequester } from "@/lib/stats/snapshot-dispatch";
import { statisticsPage } from "@/lib/stats/snapshot-queries";
import { db, itOnPostgres, onPostgres } from "../support/db";
import { outcome } from "../support/outcome";
import { createApplicant, createReadyDraft, ensureReferenceData, staffActor } from "../support/factories";
import { dataStatements, loggingClient } from "../support/statements";

// The statistics pages read a stored snapshot; the refresh-statistics job computes it from the
// records with the functions the downloads use. These tests hold the snapshot to a fresh
// computation, the page to one read of one row, and the job to its schedule.

const stored = async (key: string) => {
  const row = await db.statisticsSnapshot.findUniqueOrThrow({ where: { key } });
  return { ...row, body: decodeStatistics(row.body) };
};

beforeAll(() => ensureReferenceData());

describe("the statistics snapshot", () => {
  it("the demo seed leaves the default view's snapshot, as the job computes it", async () => {
    const current = await stored(CURRENT);
    expect(current.body.view).toEqual(defaultView(current.computedAt));
    expect(current.body.programme.applications).toBeGreaterThanOrEqual(7);
    expect(current.body.programme.lentFen).toBeGreaterThan(0n);
  });

  it("after transitions the job recomputes, and the snapshot equals a fresh computation; with nothing new it does nothing", async () => {
    // Other files wrote records around the services; start from figures that count them.
    await storeStatistics(CURRENT, db, new Date());
    const before = await stored(CURRENT);

    const applicant = await createApplicant();
    await submitApplication(applicant, (await createReadyDraft(applicant)).id, 0);
    // Stale now: the audit log moved on.
    const t1 = new Date();
    expect(await refreshStatistics(t1)).toBeGreaterThanOrEqual(1);
    const after = await stored(CURRENT);
    expect(after.computedAt).toEqual(t1);
    expect(after.auditMark).toBeGreaterThan(before.auditMark);
    expect(after.body).toEqual(await computeStatistics(defaultView(t1), db, t1));
    expect(after.body.programme.applications).toBe(before.body.programme.applications + 1);
    expect(after.body.insight.figures.funnel.steps.applied).toBe(before.body.insight.figures.funnel.steps.applied + 1);

    // Nothing recorded since: no recomputation, the row is the same.
    expect(await refreshStatistics(new Date(t1.getTime() + 1000))).toBe(0);
    expect((await stored(CURRENT)).computedAt).toEqual(t1);
    // At the latest after a quarter of an hour it is recomputed anyway.
    expect(await refreshStatistics(new Date(t1.getTime() + 15 * 60_000))).toBe(1);
  });

  it("the page reads one row of the snapshot table and nothing else", async () => {
    if (!onPostgres) return;
    const now = new Date();
    await storeStatistics(CURRENT, db, now);
    const statements: string[] = [];
    const logged = loggingClient(statements);
    try {
      const reviewer = await staffActor("reviewer@center.demo");
      const page = await statisticsPage(reviewer, {}, now, logged);
      expect(page.state).toBe("ready");
      if (page.state !== "ready") return;
      expect(page.body).toEqual(await computeStatistics(defaultView(now), db, now));
      expect(page.computedAt).toEqual(now);
      // One statement, on StatisticsSnapshot only: no table of records is read, nothing is aggregated.
      const data = dataStatements(statements);
      expect(data).toHaveLength(1);
      expect(data[0]).toMatch(/FROM "public"\."StatisticsSnapshot"/);
      expect(data[0]).not.toMatch(/count\(|sum\(|"LoanApplication"|"Loan"|"StatementLine"/i);
    } finally {
      await logged.$disconnect();
    }
  });

  it("a view nobody asked for yet: the page says it is being prepared and asks for it; then it reads it", async () => {
    const asked: string[] = [];
    setStatisticsRequester(async (key) => void asked.push(key));
    try {
      const auditor = await staffActor("auditor@center.demo");
      const params = { asOf: "2025-06-30", from: "2025-01-01", to: "2025-06-30", channel: "green" };
      const key = pageRequest(params).key;
      await db.statisticsSnapshot.deleteMany({ where: { key } });
      expect(await statisticsPage(auditor, params)).toMatchObject({ state: "preparing" });
      expect(asked).toEqual([key]);
      expect(viewOfKey(key)).toEqual({ asOf: "2025-06-30", period: { from: "2025-01-01", to: "2025-06-30" }, filters: { channel: "green", org: null } });

      expect(await storeStatistics(key)).toBe(true);
      const page = await statisticsPage(auditor, params);
      if (page.state !== "ready") throw new Error("still preparing");
      expect(page.body.view).toEqual(viewOfKey(key));
      expect(page.body.programme).toEqual(await computeProgrammeFigures(beijingNoon("2025-06-30")));
      expect(page.body.insight.error).toBeNull();
      // The job keeps it up to date with the rest.
      const applicant = await createApplicant();
      await submitApplication(applicant, (await createReadyDraft(applicant)).id, 0);
      expect(await refreshStatistics()).toBe(2);
    } finally {
      setStatisticsRequester(undefined);
    }
  });

  it("a process without a scheduler computes a missing view once, on the spot", async () => {
    const reviewer = await staffActor("reviewer@center.demo");
    const params = { asOf: "2023-12-31", channel: "normal" };
    const key = pageRequest(params).key;
    await db.statisticsSnapshot.deleteMany({ where: { key } });
    const page = await statisticsPage(reviewer, params);
    if (page.state !== "ready") throw new Error("a process without a scheduler left the page preparing");
    expect(page.body).toEqual(decodeStatistics((await db.statisticsSnapshot.findUniqueOrThrow({ where: { key } })).body));
    expect(page.body.programme).toEqual(await computeProgrammeFigures(beijingNoon("2023-12-31")));
    await db.statisticsSnapshot.deleteMany({ where: { key } });
  });

  it("a period the data refuses is stored with its reason and this year so far", async () => {
    const params = { from: "2001-01-01", to: "2001-12-31" };
    const request = pageRequest(params);
    expect(request.key).toBe(viewKey(request.view));
    await storeStatistics(request.key);
    const { body } = await stored(request.key);
    expect(body.insight.error).toBe("BEFORE_PROGRAMME");
    expect(body.insight.figures.period).toEqual(defaultView().period);
    // Malformed input is refused before any read, and the page shows the default view's snapshot.
    expect(pageRequest({ from: "" })).toMatchObject({ key: CURRENT, periodError: "EMPTY_DATE" });
    expect(pageRequest({ asOf: "yesterday" })).toMatchObject({ key: CURRENT, invalidDate: true });
  });

  it("only the statistics roles may read it", async () => {
    expect(await outcome(statisticsPage(await staffActor("officer@bank.demo"), {}))).toBe("NOT_FOUND");
    expect(await outcome(statisticsPage(await createApplicant(), {}))).toBe("NOT_FOUND");
    expect(await outcome(statisticsPage(null, {}))).toBe("UNAUTHENTICATED");
    expect(await outcome(statisticsPage(await staffActor("auditor@center.demo"), {}))).toBe("OK");
  });
});

describe("the refresh-statistics job", () => {
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
  });

  it("is scheduled every minute", () => {
    expect(JOBS["refresh-statistics"].cron).toBe("* * * * *");
  });

  itOnPostgres("runs once per tick through pg-boss, and computes the views pages ask for", async () => {
    await db.statisticsSnapshot.deleteMany({});
    stop = await startScheduler();
    const [schedule] = await db.$queryRaw<{ cron: string }[]>`SELECT cron FROM pgboss.schedule WHERE name = 'refresh-statistics'`;
    expect(schedule?.cron).toBe("* * * * *");

    // A tick, as pg-boss's cron sends it.
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", supervise: false, schedule: false });
    await boss.start();
    try {
      const started = new Date();
      const id = await boss.send("refresh-statistics", {});
      await until(async () => (await boss.getJobById("refresh-statistics", id!))?.state === "completed");
      const [ran] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'refresh-statistics' AND id = ${id}::uuid AND state = 'completed'`;
      expect(ran?.n).toBe(1);
      expect((await stored(CURRENT)).computedAt.getTime()).toBeGreaterThanOrEqual(started.getTime());

      // A page's request goes through the queue; asked three times, computed once.
      const key = viewKey({ asOf: "2024-12-31", period: { from: "2024-01-01", to: "2024-12-31" }, filters: { channel: "all", org: null } });
      for (let i = 0; i < 3; i += 1) await requestStatistics(key);
      await until(async () => (await db.statisticsSnapshot.count({ where: { key } })) === 1);
      const [jobs] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'compute-statistics' AND singleton_key = ${key}`;
      expect(jobs?.n).toBeGreaterThanOrEqual(1);
      expect(jobs?.n).toBeLessThanOrEqual(2);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 90_000);
});

async function until(check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 250));
  }
}
