import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import type { BatchStatus, SubsidyExclusion } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { batchScope } from "@/lib/subsidies/scope";
import { availableBatchActions, LINES_EDITABLE_IN, SPENT_STATUSES, type BatchAction } from "@/lib/subsidies/batch-workflow";
import { beijingToday, dayOfDateColumn } from "@/lib/calendar/beijing";
import { quarterLabel } from "@/lib/subsidies/periods";
import type { Message } from "@/lib/i18n/words";
import type { UnionEvidence } from "@/lib/subsidies/subsidy-context";
import type { VerificationChecklist } from "@/lib/subsidies/verification";
import { readAuditData } from "@/lib/audit/read";
import type { AuditData } from "@/lib/audit/events/table";
import { BATCH_AUDIT_ACTIONS } from "@/lib/audit/events/subsidy";
import { backgroundJobFor, latestBackgroundJobs } from "@/lib/background/queries";
import type { BackgroundJobDto } from "@/lib/background/dto";

// Reads of the subsidy ledger, as plain DTOs. Each authorises and scopes on its own: a bank sees
// its own batches, imports and queried lines; the centre sees every batch and the budget.

export type BatchRow = {
  id: string;
  quarter: string;
  quarterLabel: Message;
  bankName: string;
  status: BatchStatus;
  version: number;
  totalFen: bigint;
  lineCount: number;
  openQueries: number;
  paidOn: string | null;
  paymentRef: string | null;
};

function scopeOrDeny(actor: Actor) {
  assertCan(actor, "subsidy.read");
  const scope = batchScope(actor);
  if (!scope) throw new Error("unreachable: subsidy.read without a batch scope");
  return scope;
}

export async function listBatches(actor: Actor, options: { status?: BatchStatus } = {}): Promise<BatchRow[]> {
  const scope = scopeOrDeny(actor);
  const batches = await db.subsidyBatch.findMany({
    where: { AND: [scope, options.status ? { status: options.status } : {}] },
    orderBy: [{ quarter: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true, quarter: true, status: true, version: true, totalFen: true, paidOn: true, paymentRef: true,
      bankOrg: { select: { nameZh: true } },
      _count: { select: { lines: { where: { current: true } } } },
    },
  });
  const open = await db.statementLine.groupBy({
    by: ["batchId"],
    where: { batchId: { in: batches.map((b) => b.id) }, current: true, query: { not: null }, queryAnswer: null },
    _count: { _all: true },
  });
  const openBy = new Map(open.map((o) => [o.batchId, o._count._all]));
  return batches.map((b) => ({
    id: b.id, quarter: b.quarter, quarterLabel: quarterLabel(b.quarter), bankName: b.bankOrg.nameZh, status: b.status,
    version: b.version, totalFen: b.totalFen, lineCount: b._count.lines, openQueries: openBy.get(b.id) ?? 0,
    paidOn: b.paidOn ? dayOfDateColumn(b.paidOn) : null, paymentRef: b.paymentRef,
  }));
}

export type LineRow = {
  id: string;
  lineKey: string;
  lineVersion: number;
  contractNo: string;
  enterpriseName: string;
  periodStart: string;
  periodEnd: string;
  balanceFen: bigint;
  annualRateMicros: number;
  interestDueFen: bigint;
  interestPaidFen: bigint;
  penaltyFen: bigint;
  paidOn: string | null;
  overdue: boolean;
  extended: boolean;
  subsidyFen: bigint;
  excludedReason: SubsidyExclusion | null;
  unionNote: UnionNote | null;
  query: string | null;
  queryAnswer: string | null;
  previous: { lineVersion: number; interestPaidFen: bigint; subsidyFen: bigint; excludedReason: SubsidyExclusion | null }[];
};

const lineSelect = {
  id: true, lineKey: true, lineVersion: true, periodStart: true, periodEnd: true, balanceFen: true, annualRateMicros: true,
  interestDueFen: true, interestPaidFen: true, penaltyFen: true, paidOn: true, overdue: true, extended: true, subsidyFen: true,
  excludedReason: true, unionEvidence: true, query: true, queryAnswer: true, batchId: true, loanId: true,
  loan: { select: { contractNo: true, enterprise: { select: { name: true } } } },
} as const;

type SelectedLine = {
  id: string; lineKey: string; lineVersion: number; periodStart: Date; periodEnd: Date; balanceFen: bigint; annualRateMicros: number;
  interestDueFen: bigint; interestPaidFen: bigint; penaltyFen: bigint; paidOn: Date | null; overdue: boolean; extended: boolean;
  subsidyFen: bigint; excludedReason: SubsidyExclusion | null; unionEvidence: unknown; query: string | null; queryAnswer: string | null;
  loan: { contractNo: string; enterprise: { name: string } };
};

/** What the union-standing check found (the page words it in one line): the periods it saw, and the day it looked. */
export type UnionNote = { checkedOn: string | null; periods: { from: string; to: string | null }[] };

function unionNote(evidence: unknown): UnionNote | null {
  const e = evidence as UnionEvidence | null;
  if (!e?.standing) return null;
  return { checkedOn: e.checkedOn ?? null, periods: e.standing.map((s) => ({ from: s.validFrom, to: s.validTo ?? null })) };
}

export function toLineRow(l: SelectedLine, previous: LineRow["previous"] = []): LineRow {
  return {
    id: l.id, lineKey: l.lineKey, lineVersion: l.lineVersion, contractNo: l.loan.contractNo, enterpriseName: l.loan.enterprise.name,
    periodStart: dayOfDateColumn(l.periodStart), periodEnd: dayOfDateColumn(l.periodEnd), balanceFen: l.balanceFen, annualRateMicros: l.annualRateMicros,
    interestDueFen: l.interestDueFen, interestPaidFen: l.interestPaidFen, penaltyFen: l.penaltyFen, paidOn: l.paidOn ? dayOfDateColumn(l.paidOn) : null,
    overdue: l.overdue, extended: l.extended, subsidyFen: l.subsidyFen, excludedReason: l.excludedReason, unionNote: unionNote(l.unionEvidence),
    query: l.query, queryAnswer: l.queryAnswer, previous,
  };
}

/**
 * One step of a batch's history: `actorName` null for the system; `texts` are what people wrote,
 * `paymentRef` and `added` the step's facts; `unreadable`: the event's payload did not match its
 * kind's schema (reported).
 */
export type BatchEvent = { at: Date; action: string; actorName: string | null; texts: string[]; paymentRef: string | null; added: number | null; unreadable: boolean };

export type BatchDetail = BatchRow & {
  bankOrgId: string;
  createdAt: Date;
  makerName: string | null;
  checkerName: string | null;
  payerAccount: string | null;
  interestPaidFen: bigint;
  excludedCount: number;
  lines: LineRow[];
  page: number;
  pageCount: number;
  checklist: VerificationChecklist | null;
  events: BatchEvent[];
  actions: BatchAction[];
  mayQuery: boolean;
  linesEditable: boolean;
};

const PAGE_SIZE = 200;

/** One batch with a page of its current lines (queried ones first), earlier versions, checklist and history. */
export async function batchDetail(actor: Actor, id: string, options: { page?: number } = {}): Promise<BatchDetail | null> {
  const scope = scopeOrDeny(actor);
  if (!isUuid(id)) return null;
  const batch = await db.subsidyBatch.findFirst({
    where: { AND: [{ id }, scope] },
    include: { bankOrg: { select: { nameZh: true } } },
  });
  if (!batch) return null;
  const [sums, excludedCount, openQueries, lineCount] = await Promise.all([
    db.statementLine.aggregate({ where: { batchId: id, current: true }, _sum: { interestPaidFen: true } }),
    db.statementLine.count({ where: { batchId: id, current: true, excludedReason: { not: null } } }),
    db.statementLine.count({ where: { batchId: id, current: true, query: { not: null }, queryAnswer: null } }),
    db.statementLine.count({ where: { batchId: id, current: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(lineCount / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  const lines = await db.statementLine.findMany({
    where: { batchId: id, current: true },
    orderBy: [{ query: { sort: "asc", nulls: "last" } }, { loan: { contractNo: "asc" } }, { periodStart: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: lineSelect,
  });
  const older = await db.statementLine.findMany({
    where: { batchId: id, current: false, OR: lines.map((l) => ({ loanId: l.loanId, lineKey: l.lineKey })) },
    orderBy: { lineVersion: "desc" },
    select: { loanId: true, lineKey: true, lineVersion: true, interestPaidFen: true, subsidyFen: true, excludedReason: true },
  });
  const people = await namesOf([batch.makerId, batch.checkerId]);
  const events = await batchEvents(id);
  const verified = await db.auditEvent.findFirst({
    where: { entityType: "SubsidyBatch", entityId: id, action: "subsidy.batch_verified" },
    orderBy: { id: "desc" },
    select: { id: true, action: true, data: true },
  });
  const rawChecklist = verified ? readAuditData("subsidy.batch_verified", verified)?.checklist : undefined;
  return {
    id: batch.id, quarter: batch.quarter, quarterLabel: quarterLabel(batch.quarter), bankName: batch.bankOrg.nameZh, bankOrgId: batch.bankOrgId,
    status: batch.status, version: batch.version, totalFen: batch.totalFen, lineCount, openQueries,
    paidOn: batch.paidOn ? dayOfDateColumn(batch.paidOn) : null, paymentRef: batch.paymentRef, payerAccount: batch.payerAccount, createdAt: batch.createdAt,
    makerName: batch.makerId ? (people.get(batch.makerId) ?? "—") : null,
    checkerName: batch.checkerId ? (people.get(batch.checkerId) ?? "—") : null,
    interestPaidFen: sums._sum.interestPaidFen ?? 0n, excludedCount,
    lines: lines.map((l) => toLineRow(l, older.filter((o) => o.loanId === l.loanId && o.lineKey === l.lineKey))),
    page, pageCount,
    checklist: rawChecklist && batch.status !== "OPEN" ? checklistFromAudit(rawChecklist) : null,
    events,
    // Verifying needs every query answered; the page says so instead of offering a form that must fail.
    actions: availableBatchActions(actor, batch).filter((a) => a !== "verify" || openQueries === 0),
    mayQuery: actor.kind === "STAFF" && actor.organisationType === "SUPPORT_CENTER" && LINES_EDITABLE_IN.includes(batch.status),
    linesEditable: LINES_EDITABLE_IN.includes(batch.status),
  };
}

/** The audit stores bigints as strings; the checklist DTO has them back as bigints. */
function checklistFromAudit(c: StoredChecklist): VerificationChecklist {
  return { ...c, totalFen: BigInt(c.totalFen), sumOfLinesFen: BigInt(c.sumOfLinesFen) };
}

async function namesOf(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

// The batch events' fields its history shows, as the kinds' schemas give them (lib/audit/events/subsidy.ts).
type BatchNoteFields = { [field: string]: unknown; question?: string; answer?: string; comment?: string | null; paymentRef?: string; added?: number };
type StoredChecklist = NonNullable<AuditData<"subsidy.batch_verified">["checklist"]>;

async function batchEvents(batchId: string): Promise<BatchEvent[]> {
  const rows = await db.auditEvent.findMany({
    where: { entityType: "SubsidyBatch", entityId: batchId },
    orderBy: { id: "asc" },
    select: { id: true, at: true, action: true, actorId: true, data: true },
  });
  const names = await namesOf(rows.map((r) => r.actorId));
  return rows.map((r) => {
    const read = readAuditData(BATCH_AUDIT_ACTIONS, r);
    const d: BatchNoteFields = read ?? {};
    const texts = [d.question, d.answer, d.comment].filter((x): x is string => typeof x === "string" && x !== "");
    return {
      at: r.at, action: r.action, actorName: r.actorId ? (names.get(r.actorId) ?? "—") : null, texts,
      paymentRef: d.paymentRef ? String(d.paymentRef) : null, added: d.added !== undefined ? Number(d.added) : null, unreadable: read === null,
    };
  });
}

export type ImportRow = { id: string; fileName: string; lineCount: number; createdAt: Date; importedBy: string };

/** The bank's own imports, newest first. */
export async function listImports(actor: Actor): Promise<ImportRow[]> {
  assertCan(actor, "subsidy.import");
  if (actor.kind !== "STAFF") return [];
  const rows = await db.statementImport.findMany({
    where: { bankOrgId: actor.organisationId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, fileName: true, lineCount: true, createdAt: true, importedById: true },
  });
  const names = await namesOf(rows.map((r) => r.importedById));
  return rows.map((r) => ({ id: r.id, fileName: r.fileName, lineCount: r.lineCount, createdAt: r.createdAt, importedBy: names.get(r.importedById) ?? "—" }));
}

const RECENT_JOBS_MS = 24 * 3600_000;

/** The bank's statement uploads of the last day as jobs (queued, under way, or their outcome), newest first. */
export async function recentImportJobs(actor: Actor, now = new Date()): Promise<BackgroundJobDto[]> {
  assertCan(actor, "subsidy.import");
  const jobs = await latestBackgroundJobs(actor, "STATEMENT_IMPORT", 5);
  return jobs.filter((j) => now.getTime() - j.queuedAt.getTime() < RECENT_JOBS_MS || !j.finishedAt);
}

/** One statement import job of the actor's own bank, or null. */
export async function importJob(actor: Actor, id: string): Promise<BackgroundJobDto | null> {
  assertCan(actor, "subsidy.import");
  return backgroundJobFor(actor, id, "STATEMENT_IMPORT");
}

export type QueriedLine = LineRow & { batchId: string; batchVersion: number; quarterLabel: Message };

/** Lines the centre has queried and the bank has not answered yet, in the bank's open batches. */
export async function queriedLines(actor: Actor): Promise<QueriedLine[]> {
  assertCan(actor, "subsidy.answer");
  if (actor.kind !== "STAFF") return [];
  const rows = await db.statementLine.findMany({
    where: { current: true, query: { not: null }, queryAnswer: null, batch: { bankOrgId: actor.organisationId, status: { in: [...LINES_EDITABLE_IN] } } },
    orderBy: [{ loan: { contractNo: "asc" } }, { periodStart: "asc" }],
    take: 100,
    select: { ...lineSelect, batch: { select: { id: true, version: true, quarter: true } } },
  });
  return rows.map((r) => ({ ...toLineRow(r), batchId: r.batch!.id, batchVersion: r.batch!.version, quarterLabel: quarterLabel(r.batch!.quarter) }));
}

export type BudgetYear = {
  year: number;
  budgetFen: bigint | null;
  /** The union's guarantee deposit the administrator noted for the year (information). */
  guaranteeDepositFen: bigint | null;
  spentFen: bigint;
  /** The part of the spend paid before the portal (imported history). */
  importedFen: bigint;
  remainingFen: bigint | null;
  paidBatches: number;
  current: boolean;
};

/** Spend (paid and reconciled batches, and imported payments of earlier years, by the year of payment) against each year's budget. */
export async function budgetOverview(actor: Actor): Promise<BudgetYear[]> {
  assertCan(actor, "budget.read");
  const [budgets, paid, imported] = await Promise.all([
    db.subsidyBudget.findMany({ select: { year: true, amountFen: true, guaranteeDepositFen: true } }),
    db.subsidyBatch.findMany({ where: { status: { in: [...SPENT_STATUSES] }, paidOn: { not: null } }, select: { paidOn: true, totalFen: true } }),
    // The years before the portal paid too (lib/history): their payments count against their year.
    db.$queryRaw<{ year: number; fen: bigint }[]>`
      SELECT extract(year FROM "paidOn")::int AS year, sum("amountFen")::bigint AS fen FROM "HistoricalSubsidyPayment" GROUP BY 1`,
  ]);
  const thisYear = Number(beijingToday().slice(0, 4));
  const years = new Map<number, BudgetYear>();
  const yearOf = (year: number) => {
    const existing = years.get(year);
    if (existing) return existing;
    const created: BudgetYear = { year, budgetFen: null, guaranteeDepositFen: null, spentFen: 0n, importedFen: 0n, remainingFen: null, paidBatches: 0, current: year === thisYear };
    years.set(year, created);
    return created;
  };
  yearOf(thisYear);
  for (const b of budgets) Object.assign(yearOf(b.year), { budgetFen: b.amountFen, guaranteeDepositFen: b.guaranteeDepositFen });
  for (const h of imported) {
    const y = yearOf(h.year);
    y.spentFen += h.fen;
    y.importedFen += h.fen;
  }
  for (const p of paid) {
    const y = yearOf(p.paidOn!.getUTCFullYear());
    y.spentFen += p.totalFen;
    y.paidBatches += 1;
  }
  for (const y of years.values()) y.remainingFen = y.budgetFen === null ? null : y.budgetFen - y.spentFen;
  return [...years.values()].sort((a, b) => b.year - a.year);
}
