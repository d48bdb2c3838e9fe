import "server-only";
import { db } from "@/lib/db/client";
import type { IntakeChannel } from "@/lib/generated/prisma/enums";
import { beijingNoon } from "@/lib/stats/as-of";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";

export type IntakeChannelRow = {
  channel: IntakeChannel;
  /** The district union that took the cases in (null for online cases). */
  organisationId: string | null;
  organisationName: string | null;
  /** Cases created (drafts included) up to the day. */
  applications: number;
  /** Of those, submitted to the centre by the applicant up to the day. */
  submitted: number;
};

/**
 * Cases per intake channel and district union, created up to the end of `asOfDay` (Beijing).
 * Imported historical cases carry no channel of their own and are left out.
 */
export async function intakeChannelCounts(actor: Actor | null, asOfDay?: string): Promise<IntakeChannelRow[]> {
  assertCan(actor, "stats.read");
  const until = asOfDay ? new Date(beijingNoon(asOfDay).getTime() + 12 * 3_600_000) : undefined;
  const where = { historical: false, ...(until ? { createdAt: { lt: until } } : {}) };
  const [created, submitted] = await Promise.all([
    db.loanApplication.groupBy({ by: ["intakeChannel", "intakeOrgId"], where, _count: { _all: true } }),
    db.loanApplication.groupBy({
      by: ["intakeChannel", "intakeOrgId"],
      where: { ...where, submittedAt: until ? { not: null, lt: until } : { not: null } },
      _count: { _all: true },
    }),
  ]);
  const orgIds = created.map((r) => r.intakeOrgId).filter((x): x is string => !!x);
  const names = new Map((await db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, nameZh: true } })).map((o) => [o.id, o.nameZh]));
  const key = (r: { intakeChannel: IntakeChannel; intakeOrgId: string | null }) => `${r.intakeChannel}:${r.intakeOrgId ?? ""}`;
  const submittedBy = new Map(submitted.map((r) => [key(r), r._count._all]));
  return created
    .map((r) => ({
      channel: r.intakeChannel,
      organisationId: r.intakeOrgId,
      organisationName: r.intakeOrgId ? (names.get(r.intakeOrgId) ?? null) : null,
      applications: r._count._all,
      submitted: submittedBy.get(key(r)) ?? 0,
    }))
    .sort((a, b) => a.channel.localeCompare(b.channel) || (a.organisationName ?? "").localeCompare(b.organisationName ?? ""));
}
