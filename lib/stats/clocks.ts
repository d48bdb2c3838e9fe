import "server-only";
import { db, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeFilterSql, type InsightScope } from "@/lib/stats/scope";

// Time in each stage against its deadline, in working days on the Beijing calendar (weekends and
// the `Holiday` table's holidays skipped, its tiaoxiu working weekends counted; the day a case
// arrives does not count), exactly as
// lib/calendar/working-days.ts counts them. A stage spell starts at the record that moved the case
// into the stage (its submission, or the review decision) and ends at the decision that moved it
// out (on, back for information, or rejected); spells that ended in the period count. The deadline
// is the case's pinned PolicyVersion (green channel: the shorter of the stage's days and
// greenChannelDays); a spell is late when it ended after the end of its n-th working day.

export const CLOCK_STAGES = ["CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW", "CONTRACTING"] as const;
export type ClockStage = (typeof CLOCK_STAGES)[number];

export type StageClock = {
  stage: ClockStage;
  orgCode: string;
  orgNameZh: string;
  orgNameEn: string;
  spells: number;
  /** The policy's working days for the stage (the largest, if the spells' policies differ). */
  deadlineDays: number | null;
  medianDays: number;
  p90Days: number;
  late: number;
  /** late / spells, 0–1, four decimals. */
  lateShare: number;
};

export type Turnaround = { channel: "green" | "normal"; loans: number; medianDays: number; p90Days: number };

type Numeric = number | bigint | string | boolean | null | undefined;
const n = (v: Numeric): number => Number(v ?? 0);

// A working day: a weekday that is not a public holiday, or a tiaoxiu working weekend day (the
// `Holiday` table's two kinds); a holiday wins, as in lib/calendar/working-days.ts.
const isWorkingDaySql = (d: Prisma.Sql) => Prisma.sql`(
  NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h.day = (${d})::date AND h.kind = 'HOLIDAY')
  AND (extract(isodow FROM ${d}) < 6 OR EXISTS (SELECT 1 FROM "Holiday" h WHERE h.day = (${d})::date AND h.kind = 'WORKDAY')))`;

// Working days in (a, b], days as `date`.
const workingDaysSql = (a: Prisma.Sql, b: Prisma.Sql) => Prisma.sql`
  (SELECT count(*) FROM generate_series((${a}) + 1, (${b}), interval '1 day') AS g(d)
   WHERE ${isWorkingDaySql(Prisma.sql`g.d`)})`;

export async function stageClocks(s: InsightScope, client: Db = db): Promise<StageClock[]> {
  const rows = await client.$queryRaw<Record<string, Numeric>[]>`
    WITH apps AS (
      SELECT a.id, a."submittedAt", a."greenChannel", a."policyVersionId" FROM "LoanApplication" a
      WHERE a."submittedAt" IS NOT NULL AND ${scopeFilterSql(s)}
    ), events AS (
      SELECT id AS app, "submittedAt" AS at, NULL::text AS from_s, 'CENTER_REVIEW'::text AS to_s, NULL::uuid AS org, 0 AS ord FROM apps
      UNION ALL
      SELECT d."applicationId", d."createdAt", d."fromStatus"::text, d."toStatus"::text, d."organisationId", 1
      FROM "ReviewDecision" d JOIN apps ON apps.id = d."applicationId"
      WHERE d."fromStatus" <> d."toStatus"
    ), seq AS (
      SELECT e.*, lag(e.to_s) OVER w AS prev_to, lag(e.at) OVER w AS prev_at
      FROM events e WINDOW w AS (PARTITION BY e.app ORDER BY e.at, e.ord)
    ), spells AS (
      SELECT q.app, q.from_s AS stage, q.org,
        (q.prev_at + interval '8 hours')::date AS start_day, (q.at + interval '8 hours')::date AS end_day
      FROM seq q
      WHERE q.from_s = q.prev_to AND q.from_s IN ('CENTER_REVIEW', 'GUARANTOR_REVIEW', 'BANK_REVIEW', 'CONTRACTING')
        AND q.at >= ${s.fromUtc}::timestamp AND q.at < ${s.beforeUtc}::timestamp
    ), allowed AS (
      SELECT sp.*,
        ${workingDaysSql(Prisma.sql`sp.start_day`, Prisma.sql`sp.end_day`)}::int AS days,
        CASE WHEN p.id IS NULL THEN NULL ELSE
          CASE WHEN apps."greenChannel" THEN least(base.days, p."greenChannelDays") ELSE base.days END END AS allowed
      FROM spells sp
      JOIN apps ON apps.id = sp.app
      LEFT JOIN "PolicyVersion" p ON p.id = apps."policyVersionId"
      CROSS JOIN LATERAL (SELECT CASE sp.stage WHEN 'CENTER_REVIEW' THEN p."centerReviewDays"
        WHEN 'GUARANTOR_REVIEW' THEN p."guarantorReviewDays" WHEN 'BANK_REVIEW' THEN p."bankReviewDays"
        ELSE p."disbursementDays" END AS days) AS base
    ), judged AS (
      SELECT al.*, al.end_day > (
        CASE WHEN al.allowed = 0 THEN al.start_day ELSE
          (SELECT g.d::date FROM generate_series(al.start_day + 1, al.start_day + 3 * al.allowed + 30, interval '1 day') AS g(d)
           WHERE ${isWorkingDaySql(Prisma.sql`g.d`)}
           ORDER BY g.d OFFSET al.allowed - 1 LIMIT 1) END) AS late
      FROM allowed al
    )
    SELECT j.stage, o.code AS "orgCode", o."nameZh" AS "orgNameZh", o."nameEn" AS "orgNameEn",
      count(*)::int AS spells, max(j.allowed)::int AS "deadlineDays",
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY j.days)::numeric, 2)::text AS "medianDays",
      round(percentile_cont(0.9) WITHIN GROUP (ORDER BY j.days)::numeric, 2)::text AS "p90Days",
      (count(*) FILTER (WHERE j.late))::int AS late,
      round((count(*) FILTER (WHERE j.late))::numeric / count(*), 4)::text AS "lateShare"
    FROM judged j JOIN "Organisation" o ON o.id = j.org
    GROUP BY j.stage, o.code, o."nameZh", o."nameEn"
    ORDER BY array_position(ARRAY['CENTER_REVIEW', 'GUARANTOR_REVIEW', 'BANK_REVIEW', 'CONTRACTING'], j.stage), o.code`;
  return rows.map((r) => ({
    stage: String(r.stage) as ClockStage,
    orgCode: String(r.orgCode), orgNameZh: String(r.orgNameZh), orgNameEn: String(r.orgNameEn),
    spells: n(r.spells), deadlineDays: r.deadlineDays === null ? null : n(r.deadlineDays),
    medianDays: n(r.medianDays), p90Days: n(r.p90Days), late: n(r.late), lateShare: n(r.lateShare),
  }));
}

/**
 * Green channel (ji shen ji ban) against normal: working days from submission to the loan's
 * disbursement day, for the loans disbursed in the period.
 */
export async function turnaround(s: InsightScope, client: Db = db): Promise<Turnaround[]> {
  const rows = await client.$queryRaw<Record<string, Numeric>[]>`
    WITH done AS (
      SELECT a."greenChannel" AS green,
        ${workingDaysSql(Prisma.sql`(a."submittedAt" + interval '8 hours')::date`, Prisma.sql`l."disbursedOn"`)}::int AS days
      FROM "Loan" l JOIN "LoanApplication" a ON a.id = l."applicationId"
      WHERE l."disbursedOn" BETWEEN ${s.from}::date AND ${s.to}::date AND a."submittedAt" IS NOT NULL AND ${scopeFilterSql(s)}
    )
    SELECT c.green, count(done.days)::int AS loans,
      coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY done.days)::numeric, 2), 0)::text AS "medianDays",
      coalesce(round(percentile_cont(0.9) WITHIN GROUP (ORDER BY done.days)::numeric, 2), 0)::text AS "p90Days"
    FROM (VALUES (true), (false)) AS c(green) LEFT JOIN done ON done.green = c.green
    GROUP BY c.green ORDER BY c.green DESC`;
  return rows.map((r) => ({ channel: r.green === true ? "green" : "normal", loans: n(r.loans), medianDays: n(r.medianDays), p90Days: n(r.p90Days) }));
}
