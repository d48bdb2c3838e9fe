import "server-only";
import { db } from "@/lib/db/client";
import type { ApplicationStatus, HotlineOutcome, HotlineTopic } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { blindIndex, unseal } from "@/lib/personal-data/sealed";
import { beijingToday, dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import { maskMobile } from "@/lib/validation/identity";
import { isFollowUpDue, isHotlineOperator } from "@/lib/hotline/policy";

export type HotlineCallRow = {
  id: string;
  createdAt: Date;
  callerName: string;
  /** Masked in lists; the call's own page shows the number to call back. */
  callerMobileMasked: string;
  topic: HotlineTopic;
  outcome: HotlineOutcome;
  followUpOn: string | null;
  followUpDone: boolean;
  followUpDue: boolean;
  operatorName: string;
  application: { id: string; number: string; status: ApplicationStatus } | null;
};

const ROW_SELECT = {
  id: true, createdAt: true, callerName: true, callerMobileSealed: true, topic: true, outcome: true,
  followUpOn: true, followUpDoneAt: true, notes: true, version: true,
  operator: { select: { displayName: true } },
  application: { select: { id: true, number: true, status: true } },
} as const;

type Selected = {
  id: string; createdAt: Date; callerName: string; callerMobileSealed: string; topic: HotlineTopic; outcome: HotlineOutcome;
  followUpOn: Date | null; followUpDoneAt: Date | null; operator: { displayName: string };
  application: { id: string; number: string; status: ApplicationStatus } | null;
};

function rowOf(c: Selected, today: string): HotlineCallRow & { callerMobile: string } {
  const callerMobile = unseal(c.callerMobileSealed, "HotlineCall.callerMobile");
  const followUpOn = c.followUpOn ? dayOfDateColumn(c.followUpOn) : null;
  return {
    id: c.id, createdAt: c.createdAt, callerName: c.callerName, callerMobile, callerMobileMasked: maskMobile(callerMobile),
    topic: c.topic, outcome: c.outcome, followUpOn, followUpDone: c.followUpDoneAt !== null,
    followUpDue: isFollowUpDue({ followUpOn, followUpDoneAt: c.followUpDoneAt }, today),
    operatorName: c.operator.displayName, application: c.application,
  };
}

const listRow = (c: Selected, today: string): HotlineCallRow => {
  const { callerMobile: _plain, ...row } = rowOf(c, today);
  void _plain;
  return row;
};

/** The desk's most recent calls, newest first (a call exists only for hotline operators). */
export async function recentHotlineCalls(actor: Actor, today: string = beijingToday(), take = 50): Promise<HotlineCallRow[]> {
  return (await hotlineCallPage(actor, { pageSize: take }, today)).rows;
}

export type HotlineCallPage = { rows: HotlineCallRow[]; nextCursor: string | null };

/**
 * The call log, newest first, keyset-paged on (createdAt, id) (the cursor is the last row's id).
 * `mobile`, an exact 11-digit number already validated, finds the calls from that number through
 * its blind index; the rows show it masked.
 */
export async function hotlineCallPage(
  actor: Actor,
  options: { cursor?: string | null; mobile?: string | null; pageSize?: number } = {},
  today: string = beijingToday(),
): Promise<HotlineCallPage> {
  if (!isHotlineOperator(actor)) return { rows: [], nextCursor: null };
  const pageSize = options.pageSize ?? 50;
  const base: Prisma.HotlineCallWhereInput = options.mobile ? { callerMobileIndex: blindIndex(options.mobile, "HotlineCall.callerMobile") } : {};
  const after = options.cursor && isUuid(options.cursor)
    ? await db.hotlineCall.findFirst({ where: { ...base, id: options.cursor }, select: { id: true, createdAt: true } })
    : null;
  const calls = await db.hotlineCall.findMany({
    where: {
      ...base,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: ROW_SELECT,
  });
  const page = calls.slice(0, pageSize);
  return { rows: page.map((c) => listRow(c, today)), nextCursor: calls.length > pageSize ? page[page.length - 1]!.id : null };
}

/** Due for a call back (dai huifang): follow-ups due today or earlier and not yet done, the oldest first. */
export async function dueFollowUps(actor: Actor, today: string = beijingToday()): Promise<HotlineCallRow[]> {
  if (!isHotlineOperator(actor)) return [];
  const calls = await db.hotlineCall.findMany({
    where: { followUpOn: { lte: dateColumnOf(today) }, followUpDoneAt: null },
    orderBy: [{ followUpOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: ROW_SELECT,
  });
  return calls.map((c) => listRow(c, today));
}

/** One call, with the caller's number to call back; null outside the hotline desk. */
export async function hotlineCall(actor: Actor, id: string, today: string = beijingToday()) {
  if (!isHotlineOperator(actor) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const c = await db.hotlineCall.findUnique({ where: { id }, select: ROW_SELECT });
  if (!c) return null;
  return { ...rowOf(c, today), notes: c.notes, version: c.version };
}
export type HotlineCallDetail = NonNullable<Awaited<ReturnType<typeof hotlineCall>>>;
