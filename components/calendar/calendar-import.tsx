"use client";
import { importCalendarAction } from "@/lib/calendar/actions";
import { FileImport, type FileImportLabels } from "@/components/ui/file-import";

/** The notice's file for the year on screen and, for a refused file, its per-line report. */
export function CalendarImport({ year, labels }: { year: number; labels: FileImportLabels }) {
  return (
    <FileImport id="calendar" action={importCalendarAction} templateHref={`/api/calendar/template?year=${year}`} problemsTestId="calendar-problems" labels={labels}>
      <input type="hidden" name="year" value={year} />
    </FileImport>
  );
}
