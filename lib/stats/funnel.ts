import "server-only";
import { db, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeFilterSql, type InsightScope } from "@/lib/stats/scope";

// The funnel of the applications submitted in a period, as they stood at the end of its last
// day (Beijing): how far each case got, and why the others stopped. A case's furthest step comes
// from its dated records: the review decisions that moved it on (recommended = it reached the
// guarantor, guaranteed = the bank, approved = contracting), its loan's disbursement day, and a
// paid subsidy line on that loan. Every figure is one SQL aggregate.

export const FUNNEL_STEPS = ["applied", "recommended", "guaranteed", "approved", "disbursed", "subsidised"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const DROP_OUTS = ["rejectedCenter", "rejectedGuarantor", "rejectedBank", "withdrawn", "expired", "inProgress"] as const;
export type DropOut = (typeof DROP_OUTS)[number];

export type Funnel = { steps: Record<FunnelStep, number>; dropOuts: Record<DropOut, number> };

export type PartnerRow = {
  code: string;
  nameZh: string;
  nameEn: string;
  type: "GUARANTOR" | "BANK";
  /** Cases that reached this organisation's review. */
  received: number;
  /** Of those, passed on (guaranteed, or approved by the bank). */
  passed: number;
  rejected: number;
  disbursed: number;
  lentFen: bigint;
};

type Numeric = number | bigint | string | boolean | null | undefined;
const n = (v: Numeric): number => Number(v ?? 0);

// The cohort with each case's furthest step (0 applied … 5 subsidised), how it stopped and its loan.
const levelsSql = (s: InsightScope) => Prisma.sql`
  SELECT c.*,
    greatest(
      coalesce((SELECT max(CASE d."toStatus" WHEN 'GUARANTOR_REVIEW' THEN 1 WHEN 'BANK_REVIEW' THEN 2
                 WHEN 'CONTRACTING' THEN 3 WHEN 'ACTIVE' THEN 3 ELSE 0 END)
               FROM "ReviewDecision" d WHERE d."applicationId" = c.id AND d."createdAt" < ${s.beforeUtc}::timestamp), 0),
      CASE WHEN l."disbursedOn" <= ${s.to}::date THEN 4 ELSE 0 END,
      CASE WHEN EXISTS (
        SELECT 1 FROM "StatementLine" sl JOIN "SubsidyBatch" b ON b.id = sl."batchId"
        WHERE sl."loanId" = l.id AND sl."current" AND sl."subsidyFen" > 0
          AND b.status IN ('PAID', 'RECONCILED') AND b."paidOn" <= ${s.to}::date) THEN 5 ELSE 0 END
    ) AS level,
    (SELECT d."fromStatus"::text FROM "ReviewDecision" d
      WHERE d."applicationId" = c.id AND d."toStatus" = 'REJECTED' AND d."createdAt" < ${s.beforeUtc}::timestamp
      ORDER BY d."createdAt" DESC LIMIT 1) AS rejected_at,
    l."disbursedFen" AS lent
  FROM (
    SELECT a.id, a.status, a."closedAt", a."stageEnteredAt", a."guarantorOrgId", a."bankOrgId"
    FROM "LoanApplication" a
    WHERE a."submittedAt" >= ${s.fromUtc}::timestamp AND a."submittedAt" < ${s.beforeUtc}::timestamp
      AND ${scopeFilterSql(s)}
  ) c LEFT JOIN "Loan" l ON l."applicationId" = c.id`;

export async function funnelFigures(s: InsightScope, client: Db = db): Promise<Funnel> {
  const [row] = await client.$queryRaw<Record<string, Numeric>[]>`
    WITH levels AS (${levelsSql(s)}), judged AS (
      SELECT level, CASE
        WHEN rejected_at IS NOT NULL THEN 'rejected_' || rejected_at
        WHEN status = 'WITHDRAWN' AND "closedAt" < ${s.beforeUtc}::timestamp THEN 'withdrawn'
        WHEN status = 'EXPIRED' AND "stageEnteredAt" < ${s.beforeUtc}::timestamp THEN 'expired'
        WHEN level < 4 THEN 'in_progress'
        ELSE NULL END AS stop
      FROM levels
    )
    SELECT count(*)::int AS applied,
      (count(*) FILTER (WHERE level >= 1))::int AS recommended,
      (count(*) FILTER (WHERE level >= 2))::int AS guaranteed,
      (count(*) FILTER (WHERE level >= 3))::int AS approved,
      (count(*) FILTER (WHERE level >= 4))::int AS disbursed,
      (count(*) FILTER (WHERE level >= 5))::int AS subsidised,
      (count(*) FILTER (WHERE stop = 'rejected_CENTER_REVIEW'))::int AS "rejectedCenter",
      (count(*) FILTER (WHERE stop = 'rejected_GUARANTOR_REVIEW'))::int AS "rejectedGuarantor",
      (count(*) FILTER (WHERE stop = 'rejected_BANK_REVIEW'))::int AS "rejectedBank",
      (count(*) FILTER (WHERE stop = 'withdrawn'))::int AS withdrawn,
      (count(*) FILTER (WHERE stop = 'expired'))::int AS expired,
      (count(*) FILTER (WHERE stop = 'in_progress'))::int AS "inProgress"
    FROM judged`;
  const pick = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, n(row?.[k] ?? 0)])) as Record<K, number>;
  return { steps: pick(FUNNEL_STEPS), dropOuts: pick(DROP_OUTS) };
}

/**
 * Per guarantor and per bank, for the same cohort: cases that reached the organisation's review,
 * passed it, were rejected there, and were disbursed (with the amount lent).
 */
export async function partnerFigures(s: InsightScope, client: Db = db): Promise<PartnerRow[]> {
  const rows = await client.$queryRaw<Record<string, Numeric>[]>`
    WITH levels AS (${levelsSql(s)})
    SELECT o.code, o."nameZh", o."nameEn", o.type::text AS type,
      (count(*) FILTER (WHERE lv.level >= CASE o.type WHEN 'GUARANTOR' THEN 1 ELSE 2 END))::int AS received,
      (count(*) FILTER (WHERE lv.level >= CASE o.type WHEN 'GUARANTOR' THEN 2 ELSE 3 END))::int AS passed,
      (count(*) FILTER (WHERE lv.rejected_at = CASE o.type WHEN 'GUARANTOR' THEN 'GUARANTOR_REVIEW' ELSE 'BANK_REVIEW' END))::int AS rejected,
      (count(*) FILTER (WHERE lv.level >= 4))::int AS disbursed,
      coalesce(sum(lv.lent) FILTER (WHERE lv.level >= 4), 0)::bigint AS "lentFen"
    FROM levels lv
    JOIN "Organisation" o ON o.id IN (lv."guarantorOrgId", lv."bankOrgId")
    WHERE ${s.orgId}::uuid IS NULL OR o.id = ${s.orgId}::uuid
    GROUP BY o.code, o."nameZh", o."nameEn", o.type
    ORDER BY o.type, o.code`;
  return rows.map((r) => ({
    code: String(r.code), nameZh: String(r.nameZh), nameEn: String(r.nameEn), type: r.type === "BANK" ? "BANK" : "GUARANTOR",
    received: n(r.received), passed: n(r.passed), rejected: n(r.rejected), disbursed: n(r.disbursed), lentFen: BigInt(typeof r.lentFen === "boolean" ? 0 : (r.lentFen ?? 0)),
  }));
}
