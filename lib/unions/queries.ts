import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";

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

const iso = (d: Date) => d.toISOString().slice(0, 10);

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
    validFrom: iso(r.validFrom), validTo: r.validTo ? iso(r.validTo) : null, recordedBy: r.recordedById ? (names.get(r.recordedById) ?? null) : null,
    createdAt: r.createdAt, superseded: r.supersededAt !== null,
  }));
}
