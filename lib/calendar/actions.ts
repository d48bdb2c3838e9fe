"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { adminAction, errorState, guardedAction, errorMessage } from "@/lib/actions/safe-action";
import { staffAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { readCalendarLine, type CalendarProblem } from "@/lib/calendar/calendar-days";
import { parseCalendarFile, MAX_CALENDAR_BYTES } from "@/lib/calendar/calendar-file";
import { changeCalendar } from "@/lib/calendar/services/change-calendar";
import { isCalendarRefused, type CalendarEdit } from "@/lib/calendar/calendar-write";
import type { Actor } from "@/lib/auth/roles";

// The administrators' calendar page: add, remove and rename a day, import the notice's CSV. The
// service judges every input (problems are codes); the words are chosen here, in the reader's
// language, on the field they concern.

const FIELD_OF: Record<CalendarProblem["code"], string> = {
  YEAR: "day", FILE: "file", HEADER: "file", EMPTY: "file", DATE: "day", KIND: "kind", NAME: "name",
  OUTSIDE_YEAR: "day", TWICE: "day", NOT_WEEKEND: "day", ALREADY_MARKED: "day",
};

async function problemText(problems: CalendarProblem[]): Promise<string[]> {
  const t = await getTranslations("calendar.problem");
  return problems.map((p) => t(p.code, { ...p.params }));
}

/** A refusal as the form shows it: the first problem on top, each on its field. */
async function refused(problems: CalendarProblem[]): Promise<AppError> {
  const texts = await problemText(problems);
  const fieldErrors: Record<string, string[]> = {};
  problems.forEach((p, i) => (fieldErrors[FIELD_OF[p.code]] ??= []).push(texts[i]!));
  return new AppError("VALIDATION", texts[0], fieldErrors);
}

async function change(actor: Actor, year: number, edit: CalendarEdit) {
  try {
    return await changeCalendar(actor, year, edit);
  } catch (error) {
    if (isCalendarRefused(error)) throw await refused(error.problems);
    throw error;
  }
}

const year = z.coerce.number().int().min(1900).max(2999);
const day = z.string().trim().max(20);
const version = z.coerce.number().int().min(0);
const refresh = () => revalidatePath("/admin/calendar");

async function changedMessage(moved: number): Promise<string> {
  return (await getTranslations("calendar"))("changed", { n: moved });
}

/** A public holiday or a tiaoxiu working weekend day, added to a year. */
export const addCalendarDayAction = adminAction({
  schema: z.object({ year, day, kind: z.string().trim().max(20), name: z.string().max(200) }),
  run: async (input, actor) => {
    const line = readCalendarLine(0, [input.day, input.kind, input.name]);
    if (Array.isArray(line)) throw await refused(line);
    return change(actor, input.year, { op: "add", days: [line], source: "form" });
  },
  success: (r) => changedMessage(r.moved.length),
  after: refresh,
});

/** A day taken off the calendar, as the administrator saw it. */
export const removeCalendarDayAction = adminAction({
  schema: z.object({ year, day, version }),
  run: (input, actor) => change(actor, input.year, { op: "remove", day: input.day, version: input.version }),
  success: (r) => changedMessage(r.moved.length),
  after: refresh,
});

/** A day's name corrected, as the administrator saw it. */
export const renameCalendarDayAction = adminAction({
  schema: z.object({ year, day, version, name: z.string().max(200) }),
  run: (input, actor) => change(actor, input.year, { op: "rename", day: input.day, version: input.version, name: input.name }),
  success: async () => (await getTranslations("calendar"))("renamed"),
  after: refresh,
});

export type CalendarImportState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "rejected"; message: string; problems: { line: number; message: string }[] }
  | { status: "imported"; message: string };

/** The State Council notice's days for a year (CSV or XLSX: date, kind, name), all or nothing. */
export const importCalendarAction = guardedAction(
  staffAudience(["PROGRAM_ADMIN"] as const),
  async (code): Promise<CalendarImportState> => ({ status: "error", message: await errorMessage(code) }),
  async (actor, _prev: CalendarImportState, formData: FormData): Promise<CalendarImportState> => {
    const t = await getTranslations("calendar.import");
    const file = formData.get("file");
    const chosen = year.safeParse(formData.get("year"));
    if (!chosen.success) return { status: "error", message: await errorMessage("VALIDATION") };
    if (!(file instanceof File) || file.size === 0) return { status: "error", message: t("noFile") };
    if (file.size > MAX_CALENDAR_BYTES) return { status: "error", message: t("tooBig") };
    const rejected = async (problems: CalendarProblem[]): Promise<CalendarImportState> => {
      const texts = await problemText(problems);
      return { status: "rejected", message: t("rejected", { n: problems.length }), problems: problems.slice(0, 500).map((p, i) => ({ line: p.line, message: texts[i]! })) };
    };
    const parsed = await parseCalendarFile(new Uint8Array(await file.arrayBuffer()));
    if ("problems" in parsed) return rejected(parsed.problems);
    let moved: number;
    try {
      moved = (await changeCalendar(actor, chosen.data, { op: "add", days: parsed.days, source: "import" })).moved.length;
    } catch (error) {
      if (isCalendarRefused(error)) return rejected(error.problems);
      return { status: "error", message: (await errorState(error)).message };
    }
    refresh();
    return { status: "imported", message: t("imported", { days: parsed.days.length, n: moved }) };
  },
);
