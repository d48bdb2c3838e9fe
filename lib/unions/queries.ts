import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { coveredDaysBetween } from "@/lib/subsidies/rules";
import { dayOfDateColumn } from "@/lib/calendar/beijing";
import { quarterBounds, type QuarterRef } from "@/lib/subsidies/periods";
import { daysBetween } from "@/lib/loans/schedule";

export type StandingRow = {
  id: string;
  enterpriseName: string;
  creditCode: string;
  unionName: string;
  memberCardNo: string | null;
  validFrom: string;
  validTo: string | null;
  recordedBy: string | null;
  createdAt: Date;
  superseded: boolean;
};


/** The latest union-standing records (a district union sees its own; the centre, all), newest first. */
export async function recentStandings(actor: Actor, take = 50): Promise<StandingRow[]> {
  assertCan(actor, "union.read");
  const own = actor.kind === "STAFF" && actor.role === "DISTRICT_AGENT" ? { organisationId: actor.organisationId } : {};
  const rows = await db.unionStanding.findMany({
    where: own,
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true, unionName: true, memberCardNo: true, validFrom: true, validTo: true, createdAt: true, supersededAt: true, recordedById: true,
      enterprise: { select: { name: true, creditCode: true } },
    },
  });
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.recordedById ? [r.recordedById] : [])) } }, select: { id: true, displayName: true } }))
      .map((u) => [u.id, u.displayName]),
  );
  return rows.map((r) => ({
    id: r.id, enterpriseName: r.enterprise.name, creditCode: r.enterprise.creditCode, unionName: r.unionName, memberCardNo: r.memberCardNo,
    validFrom: dayOfDateColumn(r.validFrom), validTo: r.validTo ? dayOfDateColumn(r.validTo) : null, recordedBy: r.recordedById ? (names.get(r.recordedById) ?? null) : null,
    createdAt: r.createdAt, superseded: r.supersededAt !== null,
  }));
}

export type StandingGap = {
  loanId: string;
  contractNo: string;
  enterpriseName: string;
  creditCode: string;
  /** Days of the loan's part of the quarter (up to today) that no current record covers. */
  uncoveredDays: number;
  days: number;
  /** Whom to ask: the district union that took the case in, if any. */
  intakeOrganisation: string | null;
};

export type UncoveredLoan = StandingGap & { applicationId: string; applicantId: string; intakeOrgId: string | null; from: string; to: string };

/**
 * The disbursed loans (not historical) whose enterprise lacks current union standing for some of
 * the quarter up to `until`: the loan's days in that span that no current record covers. No actor:
 * callers authorise (the centre's page below, the reminder job).
 */
export async function loansLackingStanding(quarter: QuarterRef, until: string): Promise<UncoveredLoan[]> {
  const { start: qStart, end: qEnd } = quarterBounds(quarter);
  const end = qEnd < until ? qEnd : until;
  if (end < qStart) return [];
  const loans = await db.loan.findMany({
    where: {
      historical: false,
      disbursedOn: { not: null, lte: new Date(`${end}T00:00:00Z`) },
      OR: [{ closedOn: null }, { closedOn: { gte: new Date(`${qStart}T00:00:00Z`) } }],
      AND: [{ OR: [{ maturityOn: null }, { maturityOn: { gte: new Date(`${qStart}T00:00:00Z`) } }] }],
    },
    orderBy: { contractNo: "asc" },
    select: {
      id: true, contractNo: true, disbursedOn: true, maturityOn: true, closedOn: true,
      enterprise: { select: { name: true, creditCode: true, unionStandings: { where: { supersededAt: null }, select: { validFrom: true, validTo: true } } } },
      application: { select: { id: true, applicantId: true, intakeOrgId: true, intakeOrg: { select: { nameZh: true } } } },
    },
  });
  const gaps: UncoveredLoan[] = [];
  for (const loan of loans) {
    const from = [qStart, dayOfDateColumn(loan.disbursedOn!)].sort().at(-1)!;
    const to = [end, ...(loan.maturityOn ? [dayOfDateColumn(loan.maturityOn)] : []), ...(loan.closedOn ? [dayOfDateColumn(loan.closedOn)] : [])].sort()[0]!;
    if (to < from) continue;
    const standing = loan.enterprise.unionStandings.map((s) => ({ validFrom: dayOfDateColumn(s.validFrom), validTo: s.validTo ? dayOfDateColumn(s.validTo) : null }));
    const days = daysBetween(from, to) + 1;
    const uncoveredDays = days - coveredDaysBetween(from, to, standing);
    if (uncoveredDays > 0) {
      gaps.push({
        loanId: loan.id, contractNo: loan.contractNo, enterpriseName: loan.enterprise.name, creditCode: loan.enterprise.creditCode,
        uncoveredDays, days, intakeOrganisation: loan.application.intakeOrg?.nameZh ?? null,
        applicationId: loan.application.id, applicantId: loan.application.applicantId, intakeOrgId: loan.application.intakeOrgId, from, to,
      });
    }
  }
  return gaps;
}

/**
 * Before a quarter's subsidy batch: the disbursed loans whose enterprise lacks union standing for
 * some of the quarter (so far), with whom to ask. The centre sees every loan.
 */
export async function standingGaps(actor: Actor, quarter: QuarterRef, today: string): Promise<StandingGap[]> {
  assertCan(actor, "subsidy.verify");
  const gaps = await loansLackingStanding(quarter, today);
  return gaps.map(({ loanId, contractNo, enterpriseName, creditCode, uncoveredDays, days, intakeOrganisation }) =>
    ({ loanId, contractNo, enterpriseName, creditCode, uncoveredDays, days, intakeOrganisation }));
}

export type OwnStanding = { unionName: string; memberCardNo: string | null; validFrom: string; validTo: string | null };

/**
 * An applicant's own view of a loan's union standing: the current records of the loan's
 * enterprise, and whether one covers today (the subsidy needs it). Only the applicant's own loans.
 */
export async function standingOfOwnLoan(actor: Actor, loanId: string, today: string): Promise<{ records: OwnStanding[]; coversToday: boolean } | null> {
  if (actor.kind !== "APPLICANT") return null;
  const loan = await db.loan.findFirst({
    where: { id: loanId, application: { applicantId: actor.userId } },
    select: { enterprise: { select: { unionStandings: { where: { supersededAt: null }, orderBy: { validFrom: "asc" }, select: { unionName: true, memberCardNo: true, validFrom: true, validTo: true } } } } },
  });
  if (!loan) return null;
  const records = loan.enterprise.unionStandings.map((s) => ({ unionName: s.unionName, memberCardNo: s.memberCardNo, validFrom: dayOfDateColumn(s.validFrom), validTo: s.validTo ? dayOfDateColumn(s.validTo) : null }));
  return { records, coversToday: records.some((r) => r.validFrom <= today && (r.validTo === null || r.validTo >= today)) };
}
