import "server-only";
import { partnerChoices } from "@/lib/routing/queries";
import { routeOf, type PartnerRoute } from "@/lib/routing/rules";
import { timelineOf, type TimelineEntry } from "@/lib/applications/timeline";
import { db } from "@/lib/db/client";
import { CASE_WORKER_ROLES, type StaffActor } from "@/lib/auth/roles";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applicationScope, scopedApplication } from "@/lib/applications/scope";
import { isUuid } from "@/lib/ids";
import { maskBankAccount } from "@/lib/validation/identity";
import { availableActions } from "@/lib/reviews/available";
import { SUMMARY_SELECT, type ApplicationSummary } from "@/lib/applications/queries";
import { unseal } from "@/lib/personal-data/sealed";
import { caseSnapshotView } from "@/lib/reviews/snapshot-queries";
import { CASE_FACTS_SELECT, caseFactsOf } from "@/lib/applications/snapshot-store";
import { WAIVER_SELECT, WAIVER_WHERE } from "@/lib/applications/required-documents";
import { SERVICING_ORDER, SERVICING_SELECT, servicingOfLoans } from "@/lib/loans/servicing-queries";

/** The statuses each organisation type works on, the first being its default tab. */
export const QUEUE_STATUSES = {
  SUPPORT_CENTER: ["CENTER_REVIEW", "RETURNED", "EXPIRED"],
  GUARANTOR: ["GUARANTOR_REVIEW"],
  BANK: ["BANK_REVIEW", "CONTRACTING", "ACTIVE"],
  DISTRICT_UNION: ["DRAFT", "CENTER_REVIEW", "RETURNED"],
} as const satisfies Record<StaffActor["organisationType"], readonly ApplicationStatus[]>;

export type QueuePage = { rows: ApplicationSummary[]; nextCursor: string | null };

/** Narrowing a queue tab: green channel only, past its deadline, assigned to me, a search. */
export type QueueFilters = { green?: boolean; overdue?: boolean; mine?: boolean; q?: string };

/** The search box matches a name fragment, or a whole credit code or application number. */
function queueFilterWhere(actor: StaffActor, status: ApplicationStatus, filters: QueueFilters, now: Date): Prisma.LoanApplicationWhereInput[] {
  const where: Prisma.LoanApplicationWhereInput[] = [];
  if (filters.green) where.push({ greenChannel: true });
  // A returned case's clock is the applicant's answer deadline; the table marks the same one.
  if (filters.overdue) where.push(status === "RETURNED" ? { returnDueAt: { lt: now } } : { stageDueAt: { lt: now } });
  if (filters.mine) where.push({ assigneeId: actor.userId });
  const q = filters.q?.trim().slice(0, 100);
  if (q) {
    where.push({
      OR: [
        { enterprise: { name: { contains: q, mode: "insensitive" } } },
        { enterprise: { creditCode: { equals: q, mode: "insensitive" } } },
        { number: { equals: q, mode: "insensitive" } },
      ],
    });
  }
  return where;
}

// The queue's order is green channel first, then the nearest deadline (none last), then id. It is
// read as four segments, each one range of the (status, greenChannel, stageDueAt, id) index, so
// a page deep in a queue of a million cases costs what the first page costs.
const SEGMENTS = [
  { green: true, due: true },
  { green: true, due: false },
  { green: false, due: true },
  { green: false, due: false },
] as const;

/** One queue tab: green channel first, then the nearest deadline; keyset paging on that order. */
/** How many cases a queue tab holds under its filters (an export's size, before it starts). */
export async function countQueue(actor: StaffActor, options: { status?: ApplicationStatus; filters?: QueueFilters } = {}): Promise<number> {
  const statuses: readonly ApplicationStatus[] = QUEUE_STATUSES[actor.organisationType];
  const status = options.status && statuses.includes(options.status) ? options.status : statuses[0]!;
  return db.loanApplication.count({ where: { AND: [applicationScope(actor), { status }, ...queueFilterWhere(actor, status, options.filters ?? {}, new Date())] } });
}

export async function listQueue(
  actor: StaffActor,
  options: { status?: ApplicationStatus; cursor?: string | null; pageSize?: number; filters?: QueueFilters } = {},
): Promise<QueuePage> {
  const statuses: readonly ApplicationStatus[] = QUEUE_STATUSES[actor.organisationType];
  const status = options.status && statuses.includes(options.status) ? options.status : statuses[0]!;
  const pageSize = options.pageSize ?? 50;
  const base: Prisma.LoanApplicationWhereInput[] = [
    applicationScope(actor),
    { status },
    ...queueFilterWhere(actor, status, options.filters ?? {}, new Date()),
  ];
  const after = options.cursor && isUuid(options.cursor)
    ? await db.loanApplication.findFirst({ where: { AND: [...base, { id: options.cursor }] }, select: { id: true, greenChannel: true, stageDueAt: true } })
    : null;
  const rows: Prisma.LoanApplicationGetPayload<{ select: typeof SUMMARY_SELECT }>[] = [];
  if (!after) {
    // The first page is one range of the index in its own order (NULLS LAST is ascending's
    // default): one statement, where the segments would take up to four.
    rows.push(...(await db.loanApplication.findMany({
      where: { AND: base },
      orderBy: [{ greenChannel: "desc" }, { stageDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: pageSize + 1,
      select: SUMMARY_SELECT,
    })));
  }
  let first = after ? SEGMENTS.findIndex((g) => g.green === after.greenChannel && g.due === (after.stageDueAt !== null)) : SEGMENTS.length;
  if (first < 0) first = 0;

  for (let i = first; i < SEGMENTS.length && rows.length <= pageSize; i += 1) {
    const seg = SEGMENTS[i]!;
    const where: Prisma.LoanApplicationWhereInput[] = [...base, { greenChannel: seg.green }, { stageDueAt: seg.due ? { not: null } : null }];
    if (after && i === first) {
      where.push(
        seg.due
          ? // The redundant lower bound lets PostgreSQL start the index scan at the cursor.
            { stageDueAt: { gte: after.stageDueAt! }, OR: [{ stageDueAt: { gt: after.stageDueAt! } }, { stageDueAt: after.stageDueAt!, id: { gt: after.id } }] }
          : { id: { gt: after.id } },
      );
    }
    rows.push(
      ...(await db.loanApplication.findMany({
        where: { AND: where },
        // By the index's own columns in both segments (in the one without deadlines every
        // stageDueAt is null, so the order is the id's): PostgreSQL does not take "IS NULL" for an
        // equality, and ordered by id alone it sorted the whole segment for each page (130 ms for
        // a district union's drafts at 1,000,000 cases; under 1 ms read in index order).
        orderBy: [{ stageDueAt: "asc" }, { id: "asc" }],
        take: pageSize + 1 - rows.length,
        select: SUMMARY_SELECT,
      })),
    );
  }
  const page = rows.slice(0, pageSize).map(({ enterprise, ...r }) => ({ ...r, enterpriseName: enterprise.name }));
  return { rows: page, nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null };
}

/**
 * One case as a staff member sees it: personal data masked (revealing it is a separate, logged
 * act), earlier loans of the same enterprise, decisions and what the viewer may do now.
 */
export async function caseForStaff(actor: StaffActor, id: string) {
  if (!isUuid(id)) return null;
  // One statement (Prisma joins the relations): the case with what the page shows of it, the
  // live facts the snapshots are compared with, its snapshots, the enterprise's other loans and a
  // renewal's earlier case. The case worker choices are the actor's organisation's, read beside it.
  const [app, colleagues] = await Promise.all([
    db.loanApplication.findFirst({
      where: scopedApplication(actor, id),
      include: {
        enterprise: {
          select: {
            ...CASE_FACTS_SELECT.enterprise.select,
            // Every loan of the enterprise with its servicing: the earlier loans, and the case's
            // own once it has one (the servicing panels).
            loans: { orderBy: SERVICING_ORDER, select: SERVICING_SELECT },
          },
        },
        applicant: {
          select: {
            displayName: true,
            profile: { select: { ...CASE_FACTS_SELECT.applicant.select.profile.select, targetGroup: { select: { nameZh: true, nameEn: true } } } },
          },
        },
        documents: CASE_FACTS_SELECT.documents,
        exceptions: { where: WAIVER_WHERE, select: WAIVER_SELECT },
        guarantees: { where: { voidedAt: null }, take: 1, select: { contractNo: true, guaranteedFen: true, termMonths: true, feeFen: true, issuedAt: true } },
        loan: {
          select: {
            contractNo: true, principalFen: true, annualRateMicros: true, lprReference: true, termMonths: true, repaymentMethod: true, status: true,
            signedAt: true, disbursedOn: true, disbursedFen: true, accountNoSealed: true, maturityOn: true,
          },
        },
        policyVersion: {
          select: {
            version: true, effectiveFrom: true, maxLoanFen: true, maxTermMonths: true, recommendNeedsChecker: true, returnAnswerDays: true,
            exceptionMaxLoanFen: true, exceptionMaxTermMonths: true,
          },
        },
        category: { select: { nameZh: true, nameEn: true } },
        guarantorOrg: { select: { nameZh: true } },
        bankOrg: { select: { nameZh: true } },
        intakeOrg: { select: { nameZh: true } },
        intakeAgent: { select: { displayName: true } },
        snapshots: { orderBy: { sequence: "asc" }, select: { sequence: true, reason: true, takenAt: true, payloadSealed: true } },
        previousLoan: {
          select: { application: { select: { number: true, snapshots: { orderBy: { sequence: "desc" }, take: 1, select: { takenAt: true, payloadSealed: true } } } } },
        },
      },
    }),
    caseWorkers(actor),
  ]);
  if (!app) return null;
  const guarantee = app.guarantees[0] ?? null;
  const earlierLoans = app.enterprise.loans.filter((l) => l.applicationId !== app.id)
    .map((l) => ({ id: l.id, contractNo: l.contractNo, principalFen: l.principalFen, status: l.status, disbursedOn: l.disbursedOn, closedOn: l.closedOn }));
  const snapshots = caseSnapshotView({
    rows: app.snapshots,
    live: caseFactsOf(app),
    earlier: app.kind === "RENEWAL" && app.previousLoan ? app.previousLoan.application : null,
  });
  // Reviewers judge the record as (re)submitted: the latest snapshot's values, masked.
  const { applicant: a, enterprise: e } = snapshots.facts;
  // The assignee and a pending recommendation's author (ids on the case, no relations): usually
  // among the case workers just read, else read by id. The target group as frozen in the
  // snapshot: its English name from the list, where it is still there (the profile's own group,
  // read with the case, when the snapshot froze the same one).
  const known = new Map(colleagues.map((c) => [c.id, c.name]));
  const people = [...new Set([app.assigneeId, app.pendingRecommendationById])].filter((u): u is string => u !== null && !known.has(u));
  const liveGroup = app.applicant.profile?.targetGroupCode ? { code: app.applicant.profile.targetGroupCode, nameEn: app.applicant.profile.targetGroup?.nameEn ?? null } : null;
  const [users, group] = await Promise.all([
    people.length ? db.user.findMany({ where: { id: { in: people } }, select: { id: true, displayName: true } }) : [],
    !a?.targetGroupCode ? null
      : liveGroup?.code === a.targetGroupCode ? (liveGroup.nameEn === null ? null : { nameEn: liveGroup.nameEn })
      : db.targetGroup.findUnique({ where: { code: a.targetGroupCode }, select: { nameEn: true } }),
  ]);
  for (const u of users) known.set(u.id, u.displayName);
  const nameOf = (userId: string | null) => (userId ? (known.get(userId) ?? null) : null);
  return {
    id: app.id,
    number: app.number,
    kind: app.kind,
    status: app.status,
    version: app.version,
    greenChannel: app.greenChannel,
    historical: app.historical,
    amountFen: app.amountFen,
    termMonths: app.termMonths,
    purpose: app.purpose,
    repaymentSource: app.repaymentSource,
    category: app.category ? { zh: app.category.nameZh, en: app.category.nameEn } : null,
    submittedAt: app.submittedAt,
    stageEnteredAt: app.stageEnteredAt,
    stageDueAt: app.stageDueAt,
    returnDueAt: app.returnDueAt,
    policy: app.policyVersion,
    guarantorOrg: app.guarantorOrg?.nameZh ?? null,
    bankOrg: app.bankOrg?.nameZh ?? null,
    intake: { orgId: app.intakeOrgId, channel: app.intakeChannel, organisation: app.intakeOrg?.nameZh ?? null, agent: app.intakeAgent?.displayName ?? null },
    pendingRecommendationBy: nameOf(app.pendingRecommendationById),
    assignee: nameOf(app.assigneeId),
    colleagues,
    applicant: {
      name: a?.fullName ?? app.applicant.displayName,
      idNumberMasked: a?.idNumber ?? "",
      mobileMasked: a?.mobile ?? "",
      unionName: a?.unionName ?? "",
      memberCardNo: a?.memberCardNo ?? "",
      targetGroup: a?.targetGroupCode ? { zh: a.targetGroupName ?? a.targetGroupCode, en: group?.nameEn ?? a.targetGroupName ?? a.targetGroupCode } : null,
    },
    enterprise: {
      name: e.name, creditCode: e.creditCode, legalRepName: e.legalRepName, address: e.address, industry: e.industry,
      foundedOn: new Date(`${e.foundedOn}T00:00:00Z`), employees: e.employees, annualRevenueFen: BigInt(e.annualRevenueFen),
      hasUnion: e.hasUnion, unionMemberCount: e.unionMemberCount,
    },
    snapshots: { latest: snapshots.latest, sinceSnapshot: snapshots.sinceSnapshot, history: snapshots.history, renewal: snapshots.renewal },
    guarantee: guarantee && { contractNo: guarantee.contractNo, guaranteedFen: guarantee.guaranteedFen, termMonths: guarantee.termMonths, feeFen: guarantee.feeFen, issuedAt: guarantee.issuedAt },
    loan: app.loan && {
      contractNo: app.loan.contractNo, principalFen: app.loan.principalFen, annualRateMicros: app.loan.annualRateMicros,
      lprReference: app.loan.lprReference, termMonths: app.loan.termMonths, repaymentMethod: app.loan.repaymentMethod,
      status: app.loan.status, signedAt: app.loan.signedAt, disbursedOn: app.loan.disbursedOn, disbursedFen: app.loan.disbursedFen,
      accountNoMasked: app.loan.accountNoSealed ? maskBankAccount(unseal(app.loan.accountNoSealed, "Loan.accountNo")) : null, maturityOn: app.loan.maturityOn,
    },
    earlierLoans,
    servicing: servicingOfLoans(app.id, app.enterprise.loans),
    actions: availableActions(actor, { ...app, loanSigned: app.loan ? app.loan.signedAt !== null : null }),
    // What the case page's other reads need of the case, read here already through the actor's scope.
    scoped: {
      id: app.id, enterpriseId: app.enterpriseId, categoryCode: app.categoryCode, requiredDocuments: app.requiredDocuments, intakeAgentId: app.intakeAgentId,
      // The checklist's current documents and the waivers that may take one off it.
      documents: app.documents, waivers: app.exceptions,
    },
  };
}

export type CaseForStaff = NonNullable<Awaited<ReturnType<typeof caseForStaff>>>;

/**
 * A case's history as the staff of the organisations on it see it: decision comments and internal
 * notes included. Outside the actor's scope the case has no history for them (null).
 */
export async function staffTimeline(actor: StaffActor, id: string): Promise<TimelineEntry[] | null> {
  if (!isUuid(id)) return null;
  const app = await db.loanApplication.findFirst({ where: scopedApplication(actor, id), select: { id: true } });
  return app ? timelineOf(app.id, { internal: true }) : null;
}

/** Organisations a case can be routed to next, and where each partner type's rule sends it (one statement). */
export async function routingTargets(intakeOrgId: string | null) {
  const { partners: orgs, rules: { GUARANTOR: guarantorRule, BANK: bankRule } } = await partnerChoices(intakeOrgId);
  const name = new Map(orgs.map((o) => [o.id, o.nameZh]));
  // A rule's partner that has since been disabled shows as "no partner": the step would refuse it.
  const route = (rule: typeof guarantorRule): PartnerRoute => {
    const routed = routeOf(rule, intakeOrgId);
    return routed.by === "choice" ? routed : { by: "rule", name: routed.orgId ? (name.get(routed.orgId) ?? null) : null };
  };
  return {
    guarantors: orgs.filter((o) => o.type === "GUARANTOR"),
    banks: orgs.filter((o) => o.type === "BANK"),
    routes: { GUARANTOR: route(guarantorRule), BANK: route(bankRule) },
  };
}

/** The people of the actor's organisation who work cases (the choices when assigning). */
export async function caseWorkers(actor: StaffActor): Promise<{ id: string; name: string }[]> {
  const members = await db.membership.findMany({
    where: { organisationId: actor.organisationId, role: { in: [...CASE_WORKER_ROLES] } },
    select: { userId: true, user: { select: { displayName: true } } },
  });
  return members.map((m) => ({ id: m.userId, name: m.user.displayName }));
}
