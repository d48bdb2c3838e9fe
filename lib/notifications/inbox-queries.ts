import "server-only";
import { db } from "@/lib/db/client";
import type { Actor, StaffActor } from "@/lib/auth/roles";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { applicationScope } from "@/lib/applications/scope";
import { HOLDER, OPEN_STATUSES } from "@/lib/applications/workflow";
import { isUuid } from "@/lib/ids";
import { isNoticeCode, NOTICE_GROUP, type NoticeCode, type NoticeGroup, type NoticeParams } from "@/lib/notifications/codes";

export type InboxItem = {
  id: string; applicationId: string | null; createdAt: Date; unread: boolean;
  /** A coded message (rendered in the reader's language) or an older worded one. */
  notice: { code: NoticeCode; params: NoticeParams; group: NoticeGroup } | { title: string; body: string };
};

export type Inbox = { items: InboxItem[]; nextCursor: string | null; unread: number };

const asParams = (value: unknown): NoticeParams =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
    : {};

/** The signed-in user's own messages, newest first, keyset-paged on (createdAt, id). */
export async function myInbox(actor: Actor, options: { cursor?: string | null; pageSize?: number } = {}): Promise<Inbox> {
  const pageSize = options.pageSize ?? 50;
  const after = options.cursor && isUuid(options.cursor)
    ? await db.notification.findFirst({ where: { id: options.cursor, userId: actor.userId }, select: { id: true, createdAt: true } })
    : null;
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: {
        userId: actor.userId,
        ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: { id: true, title: true, body: true, code: true, params: true, createdAt: true, readAt: true, applicationId: true },
    }),
    unreadCount(actor),
  ]);
  const page = rows.slice(0, pageSize);
  return {
    unread,
    nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null,
    items: page.map((n) => ({
      id: n.id, applicationId: n.applicationId, createdAt: n.createdAt, unread: n.readAt === null,
      notice: isNoticeCode(n.code) ? { code: n.code, params: asParams(n.params), group: NOTICE_GROUP[n.code] } : { title: n.title, body: n.body },
    })),
  };
}

export async function unreadCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}

export type AssignedCase = { id: string; number: string; enterpriseName: string; status: ApplicationStatus; stageDueAt: Date | null; late: boolean };

/**
 * The open cases assigned to this staff member that their organisation holds now, within its
 * scope (a case that has moved on to the next organisation drops out), nearest deadline first.
 * A district union holds no stage: its agents see the open cases of their intake assigned to them.
 */
export async function myAssignedCases(actor: StaffActor, now: Date = new Date()): Promise<AssignedCase[]> {
  const held = OPEN_STATUSES.filter((s) => HOLDER[s] === actor.organisationType);
  const rows = await db.loanApplication.findMany({
    where: { AND: [applicationScope(actor), { assigneeId: actor.userId, status: { in: held.length ? held : [...OPEN_STATUSES] }, historical: false }] },
    orderBy: [{ stageDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: 100,
    select: { id: true, number: true, status: true, stageDueAt: true, enterprise: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id, number: r.number, enterpriseName: r.enterprise.name, status: r.status, stageDueAt: r.stageDueAt,
    late: r.stageDueAt !== null && r.stageDueAt < now,
  }));
}
