import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";

/**
 * A clock's due date after the calendar changed: the clock keeps the working days it was given
 * (the pinned policy's days for a stage entered afresh, what was left for a stage resumed after a
 * return), counted again from its start on the new calendar. A clock already past due at its start
 * (a case resumed late) has no working days to recount and keeps its date.
 */
export function recountedDue(start: Date, due: Date, before: WorkingCalendar, after: WorkingCalendar): Date {
  const given = workingDaysBetween(start, due, before);
  return given < 0 ? due : addWorkingDays(start, given, after);
}
