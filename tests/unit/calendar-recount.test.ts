import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recountedDue } from "@/lib/calendar/recount";
import { addWorkingDays, makeWorkingCalendar, toCstIsoDate, workingDaysBetween } from "@/lib/calendar/working-days";
import { stageDueAt } from "@/lib/policy/deadlines";

const cst = (local: string) => new Date(`${local}+08:00`);
const NONE = makeWorkingCalendar([]);
const POLICY = { centerReviewDays: 5, guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15, greenChannelDays: 2 };

describe("recountedDue", () => {
  const entered = cst("2026-06-01T10:00:00"); // Monday
  const due = addWorkingDays(entered, 5, NONE); // Monday 8 June

  it("moves a due date one working day later when a holiday is added inside the clock", () => {
    const after = makeWorkingCalendar(["2026-06-03"]);
    expect(toCstIsoDate(recountedDue(entered, due, NONE, after))).toBe("2026-06-09");
  });

  it("moves it earlier when a weekend day inside the clock becomes a working day", () => {
    const after = makeWorkingCalendar([], ["2026-06-06"]);
    expect(toCstIsoDate(recountedDue(entered, due, NONE, after))).toBe("2026-06-06");
  });

  it("leaves it where it was when the change falls after the due date", () => {
    const after = makeWorkingCalendar(["2026-06-10"]);
    expect(recountedDue(entered, due, NONE, after).getTime()).toBe(due.getTime());
  });

  it("keeps a late resumption's date (no working days left to count)", () => {
    const late = cst("2026-05-20T23:59:59.999");
    expect(recountedDue(entered, late, NONE, makeWorkingCalendar(["2026-06-02"])).getTime()).toBe(late.getTime());
  });

  it("gives a stage entered afresh the pinned policy's due date on the new calendar", () => {
    const instants = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) }).map((t) => new Date(t));
    const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 });
    fc.assert(
      fc.property(instants, offsets, fc.boolean(), (start, off, green) => {
        const iso = (o: number) => new Date(start.getTime() + o * 86_400_000).toISOString().slice(0, 10);
        const before = makeWorkingCalendar([]);
        const after = makeWorkingCalendar(off.map(iso));
        const oldDue = stageDueAt("GUARANTOR_REVIEW", start, POLICY, green, before)!;
        const expected = stageDueAt("GUARANTOR_REVIEW", start, POLICY, green, after)!;
        expect(recountedDue(start, oldDue, before, after).getTime()).toBe(expected.getTime());
        expect(workingDaysBetween(start, recountedDue(start, oldDue, before, after), after)).toBe(green ? 2 : 5);
      }),
    );
  });
});
