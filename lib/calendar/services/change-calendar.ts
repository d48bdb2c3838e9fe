import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { isCalendarYear, NAME_MAX } from "@/lib/calendar/calendar-days";
import { CalendarRefused, recordCalendarChange, type CalendarEdit, type MovedDue } from "@/lib/calendar/calendar-write";
import { beijingToday } from "@/lib/calendar/beijing";

// Administrators keep the working calendar a year at a time on /admin/calendar: add a day (a
// public holiday or a tiaoxiu working weekend), remove one, rename one, or import the State Council
// notice's lines. Authorised here; judged, written and recounted by lib/calendar/calendar-write.ts.

export async function changeCalendar(
  actor: Actor,
  year: number,
  edit: CalendarEdit,
  today: string = beijingToday(),
): Promise<{ moved: MovedDue[] }> {
  assertCan(actor, "admin.write");
  if (!isCalendarYear(year, today)) throw new CalendarRefused([{ line: 0, code: "YEAR", params: { year } }]);
  if (edit.op === "add" && edit.days.length === 0) throw new CalendarRefused([{ line: 0, code: "EMPTY" }]);
  if (edit.op === "rename" && (edit.name.trim().length === 0 || edit.name.trim().length > NAME_MAX)) {
    throw new CalendarRefused([{ line: 0, code: "NAME", params: { max: NAME_MAX } }]);
  }
  return recordCalendarChange(db, { actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null }, year, edit);
}
