import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { checkNewDays, type CalendarDayKind, type CalendarProblem, type NewCalendarDay } from "@/lib/calendar/calendar-days";
import { recountedDue } from "@/lib/calendar/recount";
import { makeWorkingCalendar, sameCalendar, type WorkingCalendar } from "@/lib/calendar/working-days";
import { REVIEW_STATUSES } from "@/lib/applications/workflow";
import { addDays, dateColumnOf, startOfBeijingDay } from "@/lib/calendar/beijing";

// The one write of the working calendar, inside the transaction it opens on the client it is
// given (like lib/audit/record.ts it needs nothing else): the administrators' service
// (services/change-calendar.ts, which authorises first), `npm run setup` and the demo seed all
// write through it. Every change runs under the calendar's exclusive lock (steps that set deadlines
// take it shared), is checked against what is marked under that lock, recounts the due dates of the
// open cases the change reaches in the same transaction, and is one audit event naming the days
// before and after and every case whose due date moved.

type Client = Prisma.TransactionClient | PrismaClient;

/** The calendar every deadline clock counts on: public holidays and tiaoxiu working weekends. */
export async function readWorkingCalendar(client: Client, options: { from?: string } = {}): Promise<WorkingCalendar> {
  // `from` (YYYY-MM-DD): only the days from then on, for a clock that counts forward from that day.
  const rows = await client.holiday.findMany({ where: options.from ? { day: { gte: dateColumnOf(options.from) } } : {}, select: { day: true, kind: true } });
  const iso = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.day.toISOString().slice(0, 10));
  return makeWorkingCalendar(iso("HOLIDAY"), iso("WORKDAY"));
}

// Calendar changes take this lock exclusively; every step that sets a deadline takes it shared, so
// a change and a step never interleave: the change recounts the deadlines the step has written.
const CALENDAR_LOCK = 1_100_020_031;

/**
 * `then`: more locks a step judges under (keys of `hashtext`), taken right after the calendar's
 * shared lock in the same statement, in the order given (its select list is evaluated in order).
 */
export async function lockCalendar(tx: Prisma.TransactionClient, mode: "shared" | "exclusive", then: readonly string[] = []): Promise<void> {
  if (mode === "shared" && then.length) {
    const more = Prisma.join(then.map((key) => Prisma.sql`pg_advisory_xact_lock(hashtext(${key}))`), ", ");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK}), ${more}`;
  } else if (mode === "shared") await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`;
}

export type CalendarEntry = { day: string; kind: CalendarDayKind; name: string };

export type CalendarEdit =
  | { op: "add"; days: NewCalendarDay[]; source: "form" | "import" | "setup" }
  | { op: "remove"; day: string; version: number }
  | { op: "rename"; day: string; version: number; name: string };

export type MovedDue = { applicationId: string; number: string; field: "stageDueAt" | "returnDueAt"; from: string; to: string };

/** The change was refused; nothing was stored. */
export class CalendarRefused extends AppError {
  constructor(readonly problems: CalendarProblem[]) {
    super("VALIDATION");
    this.name = "CalendarRefused";
  }
}

export const isCalendarRefused = (e: unknown): e is CalendarRefused => e instanceof CalendarRefused;

// The statuses with a running clock (lib/policy/deadlines.ts): the reviews, contracting, and a
// return (its answer deadline, and the review's paused one).
const CLOCKED = [...REVIEW_STATUSES, "CONTRACTING", "RETURNED"] as const;
const ACTIONS = { add: "calendar.days_added", remove: "calendar.day_removed", rename: "calendar.day_renamed" } as const;
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The one write of the calendar, for the administrators' page and import (changeCalendar, which
 * authorises first) and for the base data every installation starts from (`by` is nobody then).
 */
export async function recordCalendarChange(
  client: PrismaClient,
  by: { actorId: string | null; organisationId: string | null },
  year: number,
  edit: CalendarEdit,
): Promise<{ moved: MovedDue[] }> {
  return client.$transaction(async (tx) => {
    await lockCalendar(tx, "exclusive");
    const before = await readWorkingCalendar(tx);
    const { removed, added } = await applyEdit(tx, year, edit);
    const after = await readWorkingCalendar(tx);
    const moved = await recountOpenCases(tx, before, after, [...removed, ...added].map((d) => d.day));
    await appendAudit(tx, {
      actorId: by.actorId,
      organisationId: by.organisationId,
      entityType: "WorkingCalendar",
      entityId: String(year),
      action: ACTIONS[edit.op],
      data: { year, source: edit.op === "add" ? edit.source : "form", before: removed, after: added, moved },
    });
    return { moved };
  }, { timeout: 60_000 });
}

async function applyEdit(tx: Prisma.TransactionClient, year: number, edit: CalendarEdit): Promise<{ removed: CalendarEntry[]; added: CalendarEntry[] }> {
  if (edit.op === "add") {
    const marked = new Set((await tx.holiday.findMany({ select: { day: true } })).map((h) => isoOf(h.day)));
    const problems = checkNewDays(year, edit.days, marked);
    if (problems.length) throw new CalendarRefused(problems);
    await tx.holiday.createMany({ data: edit.days.map((d) => ({ day: dateColumnOf(d.day), kind: d.kind, name: d.name })) });
    return { removed: [], added: edit.days.map(({ day, kind, name }) => ({ day, kind, name })) };
  }
  if (!edit.day.startsWith(`${year}-`)) throw new AppError("NOT_FOUND");
  const row = await tx.holiday.findUnique({ where: { day: dateColumnOf(edit.day) } });
  if (!row) throw new AppError("NOT_FOUND");
  const was: CalendarEntry = { day: edit.day, kind: row.kind, name: row.name };
  // Compare-and-set on what the administrator saw: another administrator's change in between wins.
  const where = { day: dateColumnOf(edit.day), version: edit.version };
  if (edit.op === "remove") {
    if ((await tx.holiday.deleteMany({ where })).count !== 1) throw new AppError("CONFLICT");
    return { removed: [was], added: [] };
  }
  const updated = await tx.holiday.updateMany({ where, data: { name: edit.name.trim(), version: { increment: 1 } } });
  if (updated.count !== 1) throw new AppError("CONFLICT");
  return { removed: [was], added: [{ ...was, name: edit.name.trim() }] };
}

/**
 * The open cases whose clock a changed day can reach (started before the day ended, due on or
 * after it) get their due dates recounted on the new calendar (lib/calendar/recount.ts). The
 * case's version is left alone: nobody's decision changed, and a reviewer's open form stays valid.
 * The update names the stage spell (status and entry), so a case that moved on is not touched.
 */
async function recountOpenCases(tx: Prisma.TransactionClient, before: WorkingCalendar, after: WorkingCalendar, days: string[]): Promise<MovedDue[]> {
  if (days.length === 0 || sameCalendar(before, after)) return [];
  const sorted = [...days].sort();
  const from = startOfBeijingDay(sorted[0]!);
  const until = startOfBeijingDay(addDays(sorted.at(-1)!, 1));
  const cases = await tx.loanApplication.findMany({
    where: {
      historical: false,
      status: { in: [...CLOCKED] },
      stageEnteredAt: { not: null, lt: until },
      OR: [{ stageDueAt: { gte: from } }, { returnDueAt: { gte: from } }],
    },
    select: { id: true, number: true, status: true, stageEnteredAt: true, stageDueAt: true, returnDueAt: true },
    orderBy: { id: "asc" },
  });
  const moved: MovedDue[] = [];
  for (const c of cases) {
    const entered = c.stageEnteredAt!;
    const recount = (due: Date | null) => (due ? recountedDue(entered, due, before, after) : null);
    const stageDueAt = recount(c.stageDueAt);
    const returnDueAt = c.status === "RETURNED" ? recount(c.returnDueAt) : c.returnDueAt;
    const changes: MovedDue[] = [];
    if (stageDueAt && c.stageDueAt && stageDueAt.getTime() !== c.stageDueAt.getTime()) {
      changes.push({ applicationId: c.id, number: c.number, field: "stageDueAt", from: c.stageDueAt.toISOString(), to: stageDueAt.toISOString() });
    }
    if (returnDueAt && c.returnDueAt && returnDueAt.getTime() !== c.returnDueAt.getTime()) {
      changes.push({ applicationId: c.id, number: c.number, field: "returnDueAt", from: c.returnDueAt.toISOString(), to: returnDueAt.toISOString() });
    }
    if (changes.length === 0) continue;
    await tx.loanApplication.updateMany({ where: { id: c.id, status: c.status, stageEnteredAt: entered }, data: { stageDueAt, returnDueAt } });
    moved.push(...changes);
  }
  return moved;
}
