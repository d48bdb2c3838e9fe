import "server-only";
import { db } from "@/lib/db/client";
import { computeLineSubsidy, FULL_RATIO_BASIS_POINTS, type LineSubsidy, type SubsidyLine, type UnionStanding } from "@/lib/subsidies/rules";
import { dayOfDateColumn } from "@/lib/calendar/beijing";

// What the subsidy of a line depends on besides the line: the ratio of the policy version the
// loan is pinned to, and the enterprise's union standing. Both are loaded in bulk for an import.

export type StandingRecord = UnionStanding & { evidence: string };

/**
 * What a line's subsidy was computed from, stored with the line: the day of the check, the pinned
 * ratio and the enterprise's union standing records. The outcome is the line's own subsidyFen and
 * excludedReason (UNION_STANDING when no day of the period was covered). Lines of one enterprise
 * checked the same day share the same evidence, so an import stores each distinct one once per line
 * without building it again.
 */
export type UnionEvidence = {
  checkedOn: string;
  ratioBasisPoints: number;
  standing: StandingRecord[];
  /** The loan's compensation day when it had one: no subsidy from it on. */
  compensatedOn?: string;
};

/** The pinned ratio; a loan whose application has no policy version gets the programme's 100 %. */
export const ratioOf = (loan: { application: { policyVersion: { subsidyRatioBp: number } | null } | null }): number =>
  loan.application?.policyVersion?.subsidyRatioBp ?? FULL_RATIO_BASIS_POINTS;

export async function standingByEnterprise(enterpriseIds: readonly string[]): Promise<Map<string, StandingRecord[]>> {
  const rows = await db.unionStanding.findMany({
    where: { enterpriseId: { in: [...new Set(enterpriseIds)] }, supersededAt: null },
    orderBy: { validFrom: "asc" },
    select: { enterpriseId: true, validFrom: true, validTo: true, evidence: true },
  });
  const out = new Map<string, StandingRecord[]>();
  for (const r of rows) {
    const list = out.get(r.enterpriseId) ?? [];
    list.push({ validFrom: dayOfDateColumn(r.validFrom), validTo: r.validTo ? dayOfDateColumn(r.validTo) : null, evidence: r.evidence });
    out.set(r.enterpriseId, list);
  }
  return out;
}

/** The line's subsidy and the evidence it was computed from, stored with the line. */
export function subsidyWithEvidence(
  line: SubsidyLine,
  ratioBasisPoints: number,
  standing: readonly StandingRecord[],
  checkedOn: string,
  compensatedOn: string | null = null,
): { result: LineSubsidy; evidence: UnionEvidence } {
  const result = computeLineSubsidy(line, { ratioBasisPoints, unionStanding: standing, compensatedOn });
  return { result, evidence: evidenceOf(ratioBasisPoints, standing, checkedOn, compensatedOn) };
}

export function evidenceOf(ratioBasisPoints: number, standing: readonly StandingRecord[], checkedOn: string, compensatedOn: string | null = null): UnionEvidence {
  return {
    checkedOn, ratioBasisPoints, standing: standing.map((s) => ({ validFrom: s.validFrom, validTo: s.validTo, evidence: s.evidence })),
    ...(compensatedOn ? { compensatedOn } : {}),
  };
}
