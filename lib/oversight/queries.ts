import "server-only";
import { db } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { workingCalendar } from "@/lib/policy/queries";
import { CLOCKED_STATUSES } from "@/lib/jobs/reminders";

export const OVERSIGHT_STAGES = CLOCKED_STATUSES;
export type OversightStage = (typeof OVERSIGHT_STAGES)[number];
export const isOversightStage = (v: unknown): v is OversightStage => (OVERSIGHT_STAGES as readonly unknown[]).includes(v);

const ORG_NAMES = { nameZh: true, nameEn: true } as const;
type OrgNames = { nameZh: string; nameEn: string };

export type OversightFilters = { stage?: OversightStage; org?: string; lateOnly?: boolean };

export type OversightRow = {
  id: string; number: string; enterpriseName: string; status: ApplicationStatus; holder: OrgNames | null;
  greenChannel: boolean; stageEnteredAt: Date | null; stageDueAt: Date | null;
  late: boolean; daysLate: number; reminded: boolean; escalated: boolean;
};

export type OversightPage = { rows: OversightRow[]; nextCursor: string | null; lateTotal: number };

/** The partner organisations the centre may filter by (and "the centre" itself, `center`). */
export async function oversightOrganisations(actor: StaffActor) {
  assertCan(actor, "oversight.read");
  return db.organisation.findMany({ where: { type: { in: ["GUARANTOR", "BANK"] } }, select: { id: true, nameZh: true, nameEn: true, type: true }, orderBy: [{ type: "asc" }, { code: "asc" }] });
}

function filterWhere(filters: OversightFilters, now: Date): Prisma.LoanApplicationWhereInput[] {
  const where: Prisma.LoanApplicationWhereInput[] = [
    { status: filters.stage ? filters.stage : { in: [...OVERSIGHT_STAGES] } },
    { historical: false },
  ];
  if (filters.org === "center") where.push({ status: "CENTER_REVIEW" });
  else if (filters.org && isUuid(filters.org)) {
    // The organisation holding the case now, not every case it once saw.
    where.push({ OR: [{ status: "GUARANTOR_REVIEW", guarantorOrgId: filters.org }, { status: { in: ["BANK_REVIEW", "CONTRACTING"] }, bankOrgId: filters.org }] });
  }
  if (filters.lateOnly) where.push({ stageDueAt: { lt: now } });
  return where;
}

/**
 * The centre's view of every case in a clocked stage, wherever it sits: nearest (or most overdue)
 * deadline first, keyset-paged on (stageDueAt, id), cases without a clock last (by id). Each row
 * says how many working days it is late and whether the reminder and the escalation went out.
 */
export async function listOversight(
  actor: StaffActor,
  options: { filters?: OversightFilters; cursor?: string | null; pageSize?: number; now?: Date } = {},
): Promise<OversightPage> {
  assertCan(actor, "oversight.read");
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? 50;
  const base = filterWhere(options.filters ?? {}, now);
  const after = options.cursor && isUuid(options.cursor)
    ? await db.loanApplication.findFirst({ where: { AND: [...base, { id: options.cursor }] }, select: { id: true, stageDueAt: true } })
    : null;
  const select = {
    id: true, number: true, status: true, greenChannel: true, stageEnteredAt: true, stageDueAt: true,
    enterprise: { select: { name: true } }, guarantorOrg: { select: ORG_NAMES }, bankOrg: { select: ORG_NAMES },
  } as const;
  type Row = Prisma.LoanApplicationGetPayload<{ select: typeof select }>;
  const rows: Row[] = [];
  if (!after || after.stageDueAt) {
    const keyset: Prisma.LoanApplicationWhereInput[] = after
      ? [{ stageDueAt: { gte: after.stageDueAt! }, OR: [{ stageDueAt: { gt: after.stageDueAt! } }, { stageDueAt: after.stageDueAt!, id: { gt: after.id } }] }]
      : [];
    rows.push(...(await db.loanApplication.findMany({
      where: { AND: [...base, { stageDueAt: { not: null } }, ...keyset] },
      orderBy: [{ stageDueAt: "asc" }, { id: "asc" }], take: pageSize + 1, select,
    })));
  }
  if (rows.length <= pageSize) {
    rows.push(...(await db.loanApplication.findMany({
      where: { AND: [...base, { stageDueAt: null }, ...(after && !after.stageDueAt ? [{ id: { gt: after.id } }] : [])] },
      orderBy: { id: "asc" }, take: pageSize + 1 - rows.length, select,
    })));
  }
  const page = rows.slice(0, pageSize);
  const [calendar, sent, lateTotal, centre] = await Promise.all([
    workingCalendar(),
    db.sentReminder.findMany({ where: { applicationId: { in: page.map((r) => r.id) }, kind: { in: ["STAGE_OVERDUE", "STAGE_ESCALATED"] } }, select: { applicationId: true, kind: true, subjectKey: true } }),
    db.loanApplication.count({ where: { AND: [...base, { stageDueAt: { lt: now } }] } }),
    db.organisation.findFirst({ where: { type: "SUPPORT_CENTER" }, select: ORG_NAMES }),
  ]);
  const spell = (r: Row) => `${r.id}|${r.status}|${(r.stageEnteredAt ?? r.stageDueAt)?.toISOString()}`;
  const sentFor = (r: Row, kind: string) => sent.some((s) => s.kind === kind && s.subjectKey === spell(r));
  return {
    lateTotal,
    nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null,
    rows: page.map((r) => {
      const late = r.stageDueAt !== null && r.stageDueAt < now;
      return {
        id: r.id, number: r.number, enterpriseName: r.enterprise.name, status: r.status, greenChannel: r.greenChannel,
        holder: r.status === "GUARANTOR_REVIEW" ? r.guarantorOrg : r.status === "CENTER_REVIEW" ? centre : r.bankOrg,
        stageEnteredAt: r.stageEnteredAt, stageDueAt: r.stageDueAt, late,
        daysLate: late ? workingDaysBetween(r.stageDueAt!, now, calendar) : 0,
        reminded: sentFor(r, "STAGE_OVERDUE"), escalated: sentFor(r, "STAGE_ESCALATED"),
      };
    }),
  };
}

/** The late count stops here: the centre's home shows "99+" beyond it, and never counts further. */
export const LATE_COUNT_CAP = 100;

/**
 * How many cases in a clocked stage are past their deadline, up to LATE_COUNT_CAP (the centre's
 * home shows it on every visit, so it reads at most that many index entries, however many cases
 * there are; the oversight page lists them all).
 */
export async function lateCaseCount(actor: StaffActor, now: Date = new Date()): Promise<number> {
  assertCan(actor, "oversight.read");
  return db.loanApplication.count({ where: { AND: filterWhere({ lateOnly: true }, now) }, take: LATE_COUNT_CAP });
}
