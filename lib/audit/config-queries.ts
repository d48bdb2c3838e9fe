import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { beforeAndAfter, CONFIG_ACTIONS, CONFIG_KINDS, dayRange, describeValue, kindOfAction, type ConfigFilters, type ConfigKind, type Wording } from "@/lib/audit/config-changes";
import { csvFile, csvLine } from "@/lib/http/csv";
import { readAuditEvent } from "@/lib/audit/read";

// Reference entries are named by their code (lib/reference): shown whole.
const REFERENCE_ENTITIES = new Set(["LoanCategory", "TargetGroup", "NumberingPattern"]);

export type ConfigChangeRow = {
  id: string;
  at: Date;
  kind: ConfigKind;
  action: string;
  actorName: string | null;
  subject: string;
  before: string;
  after: string;
  /** For a calendar change: how many open cases' due dates it moved. */
  movedCases: number | null;
  /** The payload did not match its kind's schema (reported): before and after stay empty. */
  unreadable: boolean;
};

export type ConfigChangePage = { rows: ConfigChangeRow[]; nextCursor: string | null };

function whereOf(filters: ConfigFilters, cursor: string | null): Prisma.AuditEventWhereInput {
  const range = dayRange(filters);
  return {
    action: { in: filters.kind ? [...CONFIG_KINDS[filters.kind]] : [...CONFIG_ACTIONS] },
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(range.gte || range.lt ? { at: range } : {}),
    ...(cursor && /^\d+$/.test(cursor) ? { id: { lt: BigInt(cursor) } } : {}),
  };
}

/**
 * Every configuration change, newest first, keyset-paged on the event id (a page deep in the log
 * costs what the first costs): who, when, the subject, before and after. Administrators and
 * auditors read it; nobody changes it.
 */
export async function listConfigChanges(
  actor: Actor,
  options: { filters: ConfigFilters; cursor?: string | null; pageSize?: number; words?: Wording },
): Promise<ConfigChangePage> {
  assertCan(actor, "audit.read");
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 500);
  const events = await db.auditEvent.findMany({
    where: whereOf(options.filters, options.cursor ?? null),
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: { id: true, at: true, action: true, actorId: true, entityType: true, entityId: true, data: true },
  });
  const page = events.slice(0, pageSize);
  const userIds = [...new Set(page.flatMap((e) => [e.actorId, e.entityType === "User" ? e.entityId : null]).filter((v): v is string => v !== null))];
  const orgIds = [...new Set(page.filter((e) => e.entityType === "Organisation").map((e) => e.entityId))];
  const [users, orgs] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true, email: true } }),
    db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, nameZh: true, code: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.email ? `${u.displayName} <${u.email}>` : u.displayName]));
  const orgName = new Map(orgs.map((o) => [o.id, `${o.nameZh} (${o.code})`]));
  const subjectOf = (e: (typeof page)[number]) =>
    e.entityType === "User" ? (userName.get(e.entityId) ?? e.entityId)
      : e.entityType === "Organisation" ? (orgName.get(e.entityId) ?? e.entityId)
        : e.entityType === "WorkingCalendar" || e.entityType === "PartnerRouting" ? e.entityId
          : REFERENCE_ENTITIES.has(e.entityType) ? `${e.entityType} ${e.entityId}`
          : `${e.entityType} ${e.entityId.slice(0, 8)}`;
  const rows = page.map((e) => {
    const reading = readAuditEvent(e);
    // Shown whole once it parses, as stored: the schema's output would reorder the fields.
    const { before, after } = reading.readable ? beforeAndAfter(e.action, e.data) : { before: null, after: null };
    const moved = reading.readable && "moved" in reading.data ? reading.data.moved : undefined;
    return {
      id: String(e.id),
      at: e.at,
      kind: kindOfAction(e.action)!,
      action: e.action,
      actorName: e.actorId ? (userName.get(e.actorId) ?? e.actorId) : null,
      subject: subjectOf(e),
      before: describeValue(before, options.words),
      after: describeValue(after, options.words),
      movedCases: Array.isArray(moved) ? moved.length : null,
      unreadable: !reading.readable,
    };
  });
  return { rows, nextCursor: events.length > pageSize ? String(page.at(-1)!.id) : null };
}

/** The people who made configuration changes, for the person filter. */
export async function configChangeActors(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "audit.read");
  const ids = await db.auditEvent.findMany({ where: { action: { in: [...CONFIG_ACTIONS] }, actorId: { not: null } }, distinct: ["actorId"], select: { actorId: true } });
  const users = await db.user.findMany({ where: { id: { in: ids.map((i) => i.actorId!) } }, select: { id: true, displayName: true, email: true }, orderBy: { displayName: "asc" } });
  return users.map((u) => ({ id: u.id, name: u.email ? `${u.displayName} <${u.email}>` : u.displayName }));
}

const MAX_EXPORT_ROWS = 50_000;

/** The filtered changes as CSV (UTF-8 with BOM), walking the same keyset pages; `header` is worded by the caller. */
export async function configChangesCsv(actor: Actor, filters: ConfigFilters, header: readonly string[], words?: Wording): Promise<string> {
  const lines = [csvLine(header)];
  let cursor: string | null = null;
  do {
    const page: ConfigChangePage = await listConfigChanges(actor, { filters, cursor, pageSize: 500, words });
    for (const r of page.rows) {
      lines.push(csvLine([r.at.toISOString(), r.kind, r.action, r.actorName ?? "", r.subject, r.before, r.after, r.movedCases === null ? "" : String(r.movedCases)]));
    }
    cursor = lines.length > MAX_EXPORT_ROWS ? null : page.nextCursor;
  } while (cursor);
  return csvFile(lines);
}
