import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { dayOfDateColumn } from "@/lib/calendar/beijing";
import { isUuid } from "@/lib/ids";

export type FoundingRow = {
  id: string;
  enterpriseName: string;
  creditCode: string;
  unionName: string;
  foundedOn: string;
  memberCount: number;
  recordedBy: string | null;
  createdAt: Date;
  superseded: boolean;
  historical: boolean;
};

const SELECT = {
  id: true, unionName: true, foundedOn: true, memberCount: true, createdAt: true, supersededAt: true, recordedById: true, historyImportId: true,
  enterprise: { select: { name: true, creditCode: true } },
} as const;

/**
 * Union founding records, newest first (a district union sees those it recorded; the centre, all),
 * and the one a correction starts from when `correct` names a current record in the actor's view.
 */
export async function foundingPage(actor: Actor, correct?: string, take = 50): Promise<{ rows: FoundingRow[]; correcting: FoundingRow | null }> {
  assertCan(actor, "union.read");
  const own = actor.kind === "STAFF" && actor.role === "DISTRICT_AGENT" ? { organisationId: actor.organisationId } : {};
  const [rows, target] = await Promise.all([
    db.unionFounding.findMany({ where: own, orderBy: { createdAt: "desc" }, take, select: SELECT }),
    correct && isUuid(correct) ? db.unionFounding.findFirst({ where: { ...own, id: correct, supersededAt: null }, select: SELECT }) : null,
  ]);
  const all = target ? [...rows, target] : rows;
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: all.flatMap((r) => (r.recordedById ? [r.recordedById] : [])) } }, select: { id: true, displayName: true } }))
      .map((u) => [u.id, u.displayName]),
  );
  const dto = (r: (typeof rows)[number]): FoundingRow => ({
    id: r.id, enterpriseName: r.enterprise.name, creditCode: r.enterprise.creditCode, unionName: r.unionName, foundedOn: dayOfDateColumn(r.foundedOn),
    memberCount: r.memberCount, recordedBy: r.recordedById ? (names.get(r.recordedById) ?? null) : null, createdAt: r.createdAt,
    superseded: r.supersededAt !== null, historical: r.historyImportId !== null,
  });
  return { rows: rows.map(dto), correcting: target ? dto(target) : null };
}
