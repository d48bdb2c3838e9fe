import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import type { CalendarDayKind } from "@/lib/calendar/calendar-days";
import type { MovedDue } from "@/lib/calendar/calendar-write";
import { readAuditData } from "@/lib/audit/read";
import { CALENDAR_AUDIT_ACTIONS } from "@/lib/audit/events/configuration";
import { beijingToday } from "@/lib/calendar/beijing";

export type CalendarDayRow = { day: string; kind: CalendarDayKind; name: string; version: number };

export type CalendarChangeSummary = {
  at: Date;
  action: string;
  actorName: string | null;
  moved: MovedDue[];
};

/** The marked days of a year, in date order. */
export async function calendarYear(actor: Actor, year: number): Promise<CalendarDayRow[]> {
  assertCan(actor, "admin.read");
  const rows = await db.holiday.findMany({
    where: { day: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    orderBy: { day: "asc" },
  });
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), kind: r.kind, name: r.name, version: r.version }));
}

/** Years with marked days, and this year and the next (always offered), newest first. */
export async function calendarYears(actor: Actor, today: string = beijingToday()): Promise<number[]> {
  assertCan(actor, "admin.read");
  const rows = await db.$queryRaw<{ year: number }[]>`SELECT DISTINCT extract(year FROM day)::int AS year FROM "Holiday"`;
  const thisYear = Number(today.slice(0, 4));
  return [...new Set([...rows.map((r) => r.year), thisYear, thisYear + 1])].sort((a, b) => b - a);
}

/** The year's latest calendar change: who, when, and the open cases whose due dates it moved. */
export async function latestCalendarChange(actor: Actor, year: number): Promise<CalendarChangeSummary | null> {
  assertCan(actor, "admin.read");
  const event = await db.auditEvent.findFirst({
    where: { entityType: "WorkingCalendar", entityId: String(year) },
    orderBy: { id: "desc" },
    select: { at: true, action: true, actorId: true, data: true },
  });
  if (!event) return null;
  const actorName = event.actorId ? (await db.user.findUnique({ where: { id: event.actorId }, select: { displayName: true } }))?.displayName ?? null : null;
  const moved: MovedDue[] = (readAuditData(CALENDAR_AUDIT_ACTIONS, event)?.moved ?? []).slice(0, 500);
  return { at: event.at, action: event.action, actorName, moved };
}
