import { afterAll, describe, expect, it } from "vitest";
import { changeCalendar } from "@/lib/calendar/services/change-calendar";
import { CalendarRefused, type MovedDue } from "@/lib/calendar/calendar-write";
import { parseCalendarFile } from "@/lib/calendar/calendar-file";
import { calendarYear, latestCalendarChange } from "@/lib/calendar/queries";
import { addWorkingDays, isWorkingDay, toCstIsoDate } from "@/lib/calendar/working-days";
import { lockCalendar, workingCalendar } from "@/lib/policy/queries";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { returnForInformation } from "@/lib/reviews/services/return-or-reject";
import { stageDueAt } from "@/lib/policy/deadlines";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { beijingToday } from "@/lib/calendar/beijing";
import { outcome } from "../support/outcome";
import { db, itOnPostgres, secondClient } from "../support/db";
import { createApplicant, createReadyDraft, createStaff, ensureReferenceData, staffActor } from "../support/factories";

// The working calendar's service on PostgreSQL: every edit is checked under the calendar's lock,
// recounts the open cases' due dates in the same transaction and is one audit event naming them.
// It works in next year's spring, which no other test's clock reaches, and removes its days after.

const YEAR = Number(beijingToday().slice(0, 4)) + 1;
const cst = (local: string) => new Date(`${local}+08:00`);
const iso = (date: Date) => toCstIsoDate(date);
/** The n-th Monday of March of YEAR as "YYYY-MM-DD", and days after it. */
const MONDAY = (() => {
  const d = new Date(Date.UTC(YEAR, 2, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
})();
const dayAfterMonday = (n: number, weeks = 0) => new Date(MONDAY.getTime() + (n + weeks * 7) * 86_400_000).toISOString().slice(0, 10);
const csv = (text: string) => new TextEncoder().encode(text);

async function openCase(status: ApplicationStatus, entered: Date, days: number, extra: { returnDays?: number } = {}) {
  await ensureReferenceData();
  const draft = await createReadyDraft(await createApplicant());
  const policy = await db.policyVersion.findFirstOrThrow({ orderBy: { version: "asc" } });
  const calendar = await workingCalendar();
  return db.loanApplication.update({
    where: { id: draft.id },
    data: {
      status, version: 3, policyVersionId: policy.id, stageEnteredAt: entered, stageDueAt: addWorkingDays(entered, days, calendar),
      returnDueAt: extra.returnDays === undefined ? null : addWorkingDays(entered, extra.returnDays, calendar),
      ...(status === "RETURNED" ? { returnedFrom: "CENTER_REVIEW" as const } : {}),
    },
  });
}
const reread = (id: string) => db.loanApplication.findUniqueOrThrow({ where: { id }, select: { stageDueAt: true, returnDueAt: true, version: true } });
const eventsOf = (year: number) => db.auditEvent.findMany({ where: { entityType: "WorkingCalendar", entityId: String(year) }, orderBy: { id: "asc" } });

afterAll(async () => {
  await db.holiday.deleteMany({ where: { day: { gte: new Date(Date.UTC(YEAR, 0, 1)), lt: new Date(Date.UTC(YEAR + 1, 0, 1)) } } });
});

describe("the working calendar", () => {
  it("adding a holiday moves the open cases whose clock it falls in, in the same transaction, and records which", async () => {
    const admin = await staffActor("admin@center.demo");
    const entered = cst(`${dayAfterMonday(0)}T10:00:00`);
    const atGuarantor = await openCase("GUARANTOR_REVIEW", entered, 5); // due the next Monday
    const returned = await openCase("RETURNED", entered, 3, { returnDays: 15 });
    const finishedEarlier = await openCase("BANK_REVIEW", cst(`${dayAfterMonday(0, -2)}T10:00:00`), 3);
    const closed = await openCase("REJECTED", entered, 5);
    expect(iso((await reread(atGuarantor.id)).stageDueAt!)).toBe(dayAfterMonday(0, 1));

    const wednesday = dayAfterMonday(2);
    const { moved } = await changeCalendar(admin, YEAR, { op: "add", days: [{ line: 0, day: wednesday, kind: "HOLIDAY", name: "测试假日" }], source: "form" });

    const guarantor = await reread(atGuarantor.id);
    expect(iso(guarantor.stageDueAt!)).toBe(dayAfterMonday(1, 1)); // one working day later
    expect(guarantor.version).toBe(3); // nobody's decision changed: open forms stay valid
    const back = await reread(returned.id);
    expect(iso(back.stageDueAt!)).toBe(dayAfterMonday(4)); // the paused clock keeps its 3 working days
    expect(iso(back.returnDueAt!)).toBe(iso(addWorkingDays(entered, 15, await workingCalendar())));
    expect((await reread(finishedEarlier.id)).stageDueAt).toEqual(finishedEarlier.stageDueAt);
    expect((await reread(closed.id)).stageDueAt).toEqual(closed.stageDueAt);

    const mine = moved.filter((m) => [atGuarantor.id, returned.id, finishedEarlier.id, closed.id].includes(m.applicationId));
    expect(mine.map((m) => [m.number, m.field]).sort()).toEqual(
      [[atGuarantor.number, "stageDueAt"], [returned.number, "returnDueAt"], [returned.number, "stageDueAt"]].sort(),
    );
    const event = (await eventsOf(YEAR)).at(-1)!;
    expect(event.action).toBe("calendar.days_added");
    expect(event.actorId).toBe(admin.userId);
    const data = event.data as { before: unknown[]; after: { day: string }[]; moved: MovedDue[] };
    expect(data.before).toEqual([]);
    expect(data.after).toEqual([{ day: wednesday, kind: "HOLIDAY", name: "测试假日" }]);
    expect(data.moved).toContainEqual({ applicationId: atGuarantor.id, number: atGuarantor.number, field: "stageDueAt", from: atGuarantor.stageDueAt!.toISOString(), to: guarantor.stageDueAt!.toISOString() });
    const latest = await latestCalendarChange(admin, YEAR);
    expect(latest?.moved.map((m) => m.number)).toContain(atGuarantor.number);

    // Removing it puts the due date back; renaming moves nothing and keeps before and after.
    const [row] = (await calendarYear(admin, YEAR)).filter((d) => d.day === wednesday);
    await changeCalendar(admin, YEAR, { op: "rename", day: wednesday, version: row!.version, name: "改名假日" });
    expect(((await eventsOf(YEAR)).at(-1)!.data as { before: { name: string }[]; after: { name: string }[] }).after[0]!.name).toBe("改名假日");
    expect(await outcome(changeCalendar(admin, YEAR, { op: "remove", day: wednesday, version: row!.version }))).toBe("CONFLICT");
    await changeCalendar(admin, YEAR, { op: "remove", day: wednesday, version: row!.version + 1 });
    expect(iso((await reread(atGuarantor.id)).stageDueAt!)).toBe(dayAfterMonday(0, 1));
  });

  it("a working weekend (调休) inside a clock brings the due date forward", async () => {
    const admin = await staffActor("admin@center.demo");
    const app = await openCase("CENTER_REVIEW", cst(`${dayAfterMonday(0, 3)}T09:00:00`), 5);
    const saturday = dayAfterMonday(5, 3);
    await changeCalendar(admin, YEAR, { op: "add", days: [{ line: 0, day: saturday, kind: "WORKDAY", name: "调休上班" }], source: "form" });
    expect(iso((await reread(app.id)).stageDueAt!)).toBe(saturday);
  });

  it("imports the notice's file all or nothing, with every bad line reported and nothing changed", async () => {
    const admin = await staffActor("admin@center.demo");
    const marked = dayAfterMonday(5, 3); // the working Saturday above
    const before = await db.holiday.count();
    const events = (await eventsOf(YEAR)).length;
    const bad = await parseCalendarFile(csv([
      "date,kind,name",
      `${dayAfterMonday(0, 5)},holiday,甲`,
      `${YEAR - 1}-12-31,holiday,去年`,
      `${dayAfterMonday(0, 5)},holiday,重复`,
      `${dayAfterMonday(1, 5)},workday,不是周末`,
      `${marked},holiday,已标记`,
    ].join("\n")));
    expect("days" in bad).toBe(true);
    const refused = await changeCalendar(admin, YEAR, { op: "add", days: "days" in bad ? bad.days : [], source: "import" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CalendarRefused);
    expect((refused as CalendarRefused).problems.map((p) => [p.line, p.code])).toEqual([[3, "OUTSIDE_YEAR"], [4, "TWICE"], [5, "NOT_WEEKEND"], [6, "ALREADY_MARKED"]]);
    const malformed = await parseCalendarFile(csv(`date,kind,name\n${YEAR}-02-30,holiday,x\n${dayAfterMonday(0, 6)},vacation,\n`));
    expect("problems" in malformed && malformed.problems.map((p) => [p.line, p.code])).toEqual([[2, "DATE"], [3, "KIND"], [3, "NAME"]]);
    expect("problems" in (await parseCalendarFile(csv("day,type\n2027-01-01,holiday\n"))) ).toBe(true);
    expect(await db.holiday.count()).toBe(before);
    expect((await eventsOf(YEAR)).length).toBe(events);

    const good = await parseCalendarFile(csv(`\uFEFFdate,kind,name\r\n${dayAfterMonday(0, 6)},holiday,清明节\r\n${dayAfterMonday(1, 6)},holiday,清明节\r\n`));
    expect("days" in good).toBe(true);
    await changeCalendar(admin, YEAR, { op: "add", days: "days" in good ? good.days : [], source: "import" });
    expect((await calendarYear(admin, YEAR)).filter((d) => d.name === "清明节").map((d) => d.day)).toEqual([dayAfterMonday(0, 6), dayAfterMonday(1, 6)]);
    expect(((await eventsOf(YEAR)).at(-1)!.data as { source: string }).source).toBe("import");
  });

  it("refuses a single bad day, a year not kept, and anyone but an administrator; nothing changes", async () => {
    const admin = await staffActor("admin@center.demo");
    const before = await db.holiday.count();
    const add = (day: string, kind: "HOLIDAY" | "WORKDAY", year = YEAR) => changeCalendar(admin, year, { op: "add", days: [{ line: 0, day, kind, name: "x" }], source: "form" });
    const code = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as CalendarRefused).problems.map((p) => p.code);
    expect(await code(add(`${YEAR - 1}-06-01`, "HOLIDAY"))).toEqual(["OUTSIDE_YEAR"]);
    expect(await code(add(dayAfterMonday(2, 8), "WORKDAY"))).toEqual(["NOT_WEEKEND"]);
    expect(await code(add("2016-10-03", "HOLIDAY", 2016))).toEqual(["YEAR"]);
    expect(await code(changeCalendar(admin, YEAR, { op: "add", days: [], source: "form" }))).toEqual(["EMPTY"]);
    expect(await outcome(changeCalendar(await staffActor("reviewer@center.demo"), YEAR, { op: "add", days: [{ line: 0, day: dayAfterMonday(2, 8), kind: "HOLIDAY", name: "x" }], source: "form" }))).toBe("NOT_FOUND");
    expect(await outcome(changeCalendar(admin, YEAR, { op: "remove", day: dayAfterMonday(3, 8), version: 0 }))).toBe("NOT_FOUND");
    expect(await db.holiday.count()).toBe(before);
  });

  itOnPostgres("two administrators at once: different days both apply and both recount; the same day is marked once", async () => {
    const [a, b] = [await staffActor("admin@center.demo"), await createStaff("BJZGHZ", "PROGRAM_ADMIN")];
    const app = await openCase("BANK_REVIEW", cst(`${dayAfterMonday(0, 10)}T10:00:00`), 5);
    const [tue, thu] = [dayAfterMonday(1, 10), dayAfterMonday(3, 10)];
    await Promise.all([
      changeCalendar(a, YEAR, { op: "add", days: [{ line: 0, day: tue, kind: "HOLIDAY", name: "甲" }], source: "form" }),
      changeCalendar(b, YEAR, { op: "add", days: [{ line: 0, day: thu, kind: "HOLIDAY", name: "乙" }], source: "form" }),
    ]);
    // Both holidays count: the clock of 5 working days now ends two working days later.
    expect(iso((await reread(app.id)).stageDueAt!)).toBe(dayAfterMonday(2, 11));
    const moves = (await eventsOf(YEAR)).slice(-2).map((e) => (e.data as { moved: MovedDue[] }).moved.find((m) => m.applicationId === app.id)!);
    expect(moves[1]!.from).toBe(moves[0]!.to); // the second recount started where the first ended

    const fri = dayAfterMonday(4, 12);
    const results = await Promise.all([a, b].map((who) => outcome(changeCalendar(who, YEAR, { op: "add", days: [{ line: 0, day: fri, kind: "HOLIDAY", name: "丙" }], source: "form" }))));
    expect(results.sort()).toEqual(["OK", "VALIDATION"]);
    expect(await db.holiday.count({ where: { day: new Date(`${fri}T00:00:00Z`) } })).toBe(1);

    const [row] = (await calendarYear(a, YEAR)).filter((d) => d.day === fri);
    const renames = await Promise.all([a, b].map((who, i) => outcome(changeCalendar(who, YEAR, { op: "rename", day: fri, version: row!.version, name: `名${i}` }))));
    expect(renames.sort()).toEqual(["CONFLICT", "OK"]);
  });

  /** Another server changing the calendar: it holds the calendar's lock, `day` added but not yet committed, until released. */
  async function heldChange(day: string) {
    const other = secondClient();
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const isLocked = new Promise<void>((r) => (locked = r));
    const change = other.$transaction(async (tx) => {
      await lockCalendar(tx, "exclusive");
      await tx.holiday.create({ data: { day: new Date(`${day}T00:00:00Z`), kind: "HOLIDAY", name: "竞态" } });
      locked();
      await held;
    });
    await isLocked;
    return {
      release,
      committed: async () => { release(); await change; },
      close: async () => { release(); await change.catch(() => undefined); await other.$disconnect(); },
    };
  }

  itOnPostgres("a step that counted its deadline on the calendar a change replaced does not commit; a retry counts on the new one", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const reviewer = await staffActor("reviewer@center.demo");
    const change = await heldChange(`${YEAR}-12-24`);
    try {
      // The return counts its answer deadline on the calendar in its guard, before its transaction.
      const returned = outcome(returnForInformation(reviewer, { applicationId: draft.id, version: 1, comment: "补充", missingItems: ["财务报表"] }));
      await new Promise((r) => setTimeout(r, 1_500)); // the step has counted and now waits for the shared lock
      await change.committed();
      expect(await returned).toBe("CONFLICT");
      expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("CENTER_REVIEW");
      expect(await outcome(returnForInformation(reviewer, { applicationId: draft.id, version: 1, comment: "补充", missingItems: ["财务报表"] }))).toBe("OK");
    } finally {
      await change.close();
    }
  });

  itOnPostgres("a submission counts its deadline only under the calendar's lock: it waits for a change and counts on the new calendar", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    // The next working day (Beijing) becomes a holiday: the centre's clock ends a working day later.
    const before = await workingCalendar();
    let next = new Date();
    do next = new Date(next.getTime() + 86_400_000);
    while (!isWorkingDay(next, before));
    const day = toCstIsoDate(next);
    const change = await heldChange(day);
    try {
      const submitted = outcome(submitApplication(applicant, draft.id, 0));
      await new Promise((r) => setTimeout(r, 1_500)); // the step waits for the shared lock
      await change.committed();
      expect(await submitted).toBe("OK");
      const app = await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id }, include: { policyVersion: true } });
      expect(app.status).toBe("CENTER_REVIEW");
      const after = await workingCalendar();
      const due = (calendar: typeof after) => stageDueAt("CENTER_REVIEW", app.submittedAt!, app.policyVersion!, app.greenChannel, calendar);
      expect(app.stageDueAt).toEqual(due(after));
      expect(app.stageDueAt).not.toEqual(due(before));
    } finally {
      await change.close();
      await db.holiday.deleteMany({ where: { day: new Date(`${day}T00:00:00Z`) } });
    }
  });
});
