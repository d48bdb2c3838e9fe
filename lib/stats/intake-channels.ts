import "server-only";
import { db, type Db } from "@/lib/db/client";
import type { IntakeChannel } from "@/lib/generated/prisma/enums";
import { addDays, startOfBeijingDay } from "@/lib/calendar/beijing";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";

export type IntakeChannelRow = {
  channel: IntakeChannel;
  /** The organisation that took the cases in: the district union, the centre for hotline cases (null for online cases). */
  organisationId: string | null;
  organisationName: string | null;
  /** Cases created (drafts included) up to the day. */
  applications: number;
  /** Of those, submitted to the centre by the applicant up to the day. */
  submitted: number;
  /** Loans the bank approved for these cases, and those disbursed, up to the day. */
  approved: number;
  disbursed: number;
  /** Amount disbursed up to the day. */
  lentFen: bigint;
};

type LoanCounts = { intakeChannel: IntakeChannel; intakeOrgId: string | null; approved: bigint; disbursed: bigint; lentFen: bigint };

/**
 * Cases per intake channel and district union, created up to the end of `asOfDay` (Beijing), with
 * the loans approved and disbursed for them and the amount lent by then.
 * Imported historical cases carry no channel of their own and are left out.
 */
export async function intakeChannelCounts(actor: Actor | null, asOfDay?: string): Promise<IntakeChannelRow[]> {
  assertCan(actor, "stats.read");
  return computeIntakeChannelCounts(asOfDay);
}

/** The same rows without an actor: for the statistics snapshot's job (lib/stats/services). */
export async function computeIntakeChannelCounts(asOfDay?: string, client: Db = db): Promise<IntakeChannelRow[]> {
  const until = asOfDay ? startOfBeijingDay(addDays(asOfDay, 1)) : undefined;
  const where = { historical: false, ...(until ? { createdAt: { lt: until } } : {}) };
  const untilInstant = until ?? new Date("9999-12-31T00:00:00Z");
  const lastDay = asOfDay ?? "9999-12-31";
  const [created, submitted, loans] = await Promise.all([
    client.loanApplication.groupBy({ by: ["intakeChannel", "intakeOrgId"], where, _count: { _all: true } }),
    client.loanApplication.groupBy({
      by: ["intakeChannel", "intakeOrgId"],
      where: { ...where, submittedAt: until ? { not: null, lt: until } : { not: null } },
      _count: { _all: true },
    }),
    client.$queryRaw<LoanCounts[]>`
      SELECT a."intakeChannel", a."intakeOrgId",
        count(*) FILTER (WHERE l."approvedAt" < ${untilInstant}) AS approved,
        count(*) FILTER (WHERE l."disbursedOn" <= ${lastDay}::date) AS disbursed,
        coalesce(sum(l."disbursedFen") FILTER (WHERE l."disbursedOn" <= ${lastDay}::date), 0)::bigint AS "lentFen"
      FROM "Loan" l JOIN "LoanApplication" a ON a.id = l."applicationId"
      WHERE NOT a.historical AND a."createdAt" < ${untilInstant}
      GROUP BY a."intakeChannel", a."intakeOrgId"`,
  ]);
  const orgIds = created.map((r) => r.intakeOrgId).filter((x): x is string => !!x);
  const names = new Map((await client.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, nameZh: true } })).map((o) => [o.id, o.nameZh]));
  const key = (r: { intakeChannel: IntakeChannel; intakeOrgId: string | null }) => `${r.intakeChannel}:${r.intakeOrgId ?? ""}`;
  const submittedBy = new Map(submitted.map((r) => [key(r), r._count._all]));
  const loansBy = new Map(loans.map((r) => [key(r), r]));
  return created
    .map((r) => ({
      channel: r.intakeChannel,
      organisationId: r.intakeOrgId,
      organisationName: r.intakeOrgId ? (names.get(r.intakeOrgId) ?? null) : null,
      applications: r._count._all,
      submitted: submittedBy.get(key(r)) ?? 0,
      approved: Number(loansBy.get(key(r))?.approved ?? 0n),
      disbursed: Number(loansBy.get(key(r))?.disbursed ?? 0n),
      lentFen: loansBy.get(key(r))?.lentFen ?? 0n,
    }))
    .sort((a, b) => a.channel.localeCompare(b.channel) || (a.organisationName ?? "").localeCompare(b.organisationName ?? ""));
}
