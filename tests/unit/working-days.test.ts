import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  addWorkingDays,
  isWeekendDate,
  isWorkingDay,
  makeHolidaySet,
  makeWorkingCalendar,
  toCstIsoDate,
  workingDaysBetween,
} from "@/lib/calendar/working-days";

const NONE = makeWorkingCalendar([]);
// 2024 National Day (国庆): 1–7 October off; Sunday 29 September and Saturday 12 October worked.
const NATIONAL_DAY_OFF = [
  "2024-10-01",
  "2024-10-02",
  "2024-10-03",
  "2024-10-04",
  "2024-10-05",
  "2024-10-06",
  "2024-10-07",
];
const NATIONAL_DAY = makeWorkingCalendar(NATIONAL_DAY_OFF);
const NATIONAL_DAY_WITH_MAKE_UP = makeWorkingCalendar(NATIONAL_DAY_OFF, ["2024-09-29", "2024-10-12"]);

const cst = (local: string) => new Date(`${local}+08:00`);

const instants = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((time) => new Date(time));

describe("addWorkingDays", () => {
  it("gives a Monday 10:00 case with 5 working days until the end of the next Monday", () => {
    const due = addWorkingDays(cst("2024-06-03T10:00:00"), 5, NONE);
    expect(due.toISOString()).toBe("2024-06-10T15:59:59.999Z");
    expect(due.getTime()).toBe(cst("2024-06-10T23:59:59.999").getTime());
  });

  it.each([
    ["2024-06-03T10:00:00", 1, "2024-06-04"], // Monday → Tuesday
    ["2024-06-07T10:00:00", 1, "2024-06-10"], // Friday → Monday
    ["2024-06-08T10:00:00", 1, "2024-06-10"], // Saturday → Monday
    ["2024-06-09T23:59:59", 1, "2024-06-10"], // Sunday late → Monday
    ["2024-06-05T00:00:00", 3, "2024-06-10"], // Wednesday → Monday
    ["2024-06-03T10:00:00", 0, "2024-06-03"], // zero days: end of the same day
    ["2024-06-08T10:00:00", 0, "2024-06-08"],
    ["2024-06-03T10:00:00", 10, "2024-06-17"],
  ])("%s + %s working days → end of %s", (start, days, dueDay) => {
    expect(addWorkingDays(cst(start), days, NONE).getTime()).toBe(cst(`${dueDay}T23:59:59.999`).getTime());
  });

  it("skips holidays and counts make-up working weekends", () => {
    const start = cst("2024-09-27T15:00:00"); // Friday before National Day
    expect(toCstIsoDate(addWorkingDays(start, 1, NATIONAL_DAY))).toBe("2024-09-30");
    expect(toCstIsoDate(addWorkingDays(start, 1, NATIONAL_DAY_WITH_MAKE_UP))).toBe("2024-09-29");
    expect(toCstIsoDate(addWorkingDays(start, 2, NATIONAL_DAY))).toBe("2024-10-08");
    expect(toCstIsoDate(addWorkingDays(start, 5, NATIONAL_DAY_WITH_MAKE_UP))).toBe("2024-10-10");
    expect(toCstIsoDate(addWorkingDays(start, 7, NATIONAL_DAY_WITH_MAKE_UP))).toBe("2024-10-12");
    expect(toCstIsoDate(addWorkingDays(start, 7, NATIONAL_DAY))).toBe("2024-10-15");
  });

  it("lets a holiday override a make-up day listed by mistake in both sets", () => {
    const both = makeHolidaySet(["2024-06-10"]);
    expect(toCstIsoDate(addWorkingDays(cst("2024-06-07T09:00:00"), 1, { holidays: both, workdays: both }))).toBe("2024-06-11");
  });

  it("uses the Beijing date, not the UTC date, of the start", () => {
    // 2024-06-07 17:00 UTC is Saturday 01:00 in Beijing, so 1 working day ends Monday.
    expect(toCstIsoDate(addWorkingDays(new Date("2024-06-07T17:00:00Z"), 1, NONE))).toBe("2024-06-10");
    // 2024-06-07 15:59 UTC is still Friday in Beijing.
    expect(toCstIsoDate(addWorkingDays(new Date("2024-06-07T15:59:59Z"), 0, NONE))).toBe("2024-06-07");
  });

  it.each([-1, 1.5, Number.NaN])("rejects %s days", (days) => {
    expect(() => addWorkingDays(cst("2024-06-03T10:00:00"), days, NONE)).toThrow(RangeError);
  });

  it("rejects an invalid start date", () => {
    expect(() => addWorkingDays(new Date("nonsense"), 1, NONE)).toThrow(RangeError);
  });

  it("always lands on the end of a working day, never before the start", () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 60 }), (start, days) => {
        const due = addWorkingDays(start, days, NATIONAL_DAY_WITH_MAKE_UP);
        expect(isWorkingDay(due, NATIONAL_DAY_WITH_MAKE_UP)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        expect(toCstIsoDate(new Date(due.getTime() + 1))).not.toBe(toCstIsoDate(due));
      }),
    );
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the first date up to and including the second", () => {
    expect(workingDaysBetween(cst("2024-06-03T10:00:00"), cst("2024-06-10T09:00:00"), NONE)).toBe(5);
    expect(workingDaysBetween(cst("2024-06-03T10:00:00"), cst("2024-06-03T23:00:00"), NONE)).toBe(0);
    expect(workingDaysBetween(cst("2024-06-07T10:00:00"), cst("2024-06-09T10:00:00"), NONE)).toBe(0);
    expect(workingDaysBetween(cst("2024-09-27T10:00:00"), cst("2024-10-08T10:00:00"), NATIONAL_DAY)).toBe(2);
    expect(
      workingDaysBetween(cst("2024-09-27T10:00:00"), cst("2024-10-08T10:00:00"), NATIONAL_DAY_WITH_MAKE_UP),
    ).toBe(3);
  });

  it("is negative when the second date is earlier (working days overdue)", () => {
    expect(workingDaysBetween(cst("2024-06-10T09:00:00"), cst("2024-06-03T10:00:00"), NONE)).toBe(-5);
  });

  it("inverts addWorkingDays", () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 60 }), (start, days) => {
        const due = addWorkingDays(start, days, NATIONAL_DAY_WITH_MAKE_UP);
        expect(workingDaysBetween(start, due, NATIONAL_DAY_WITH_MAKE_UP)).toBe(days);
      }),
    );
  });

  it("is antisymmetric and counts five per full week without holidays", () => {
    fc.assert(
      fc.property(instants, instants, fc.integer({ min: 0, max: 20 }), (a, b, weeks) => {
        expect(workingDaysBetween(a, b, NONE)).toBe(0 - workingDaysBetween(b, a, NONE));
        const later = new Date(a.getTime() + weeks * 7 * 24 * 60 * 60 * 1000);
        expect(workingDaysBetween(a, later, NONE)).toBe(weeks * 5);
      }),
    );
  });
});

describe("makeHolidaySet", () => {
  it("keeps valid dates", () => {
    const set = makeHolidaySet(["2024-10-01", " 2024-02-29 "]);
    expect([...set].sort()).toEqual(["2024-02-29", "2024-10-01"]);
  });

  it.each(["2024-02-30", "2023-02-29", "2024-5-1", "2024/05/01", "", "2024-13-01"])("rejects %j", (date) => {
    expect(() => makeHolidaySet([date])).toThrow(RangeError);
  });
});

describe("server time zone", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it.each(["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai"])(
    "gives the same answers when the server runs in %s",
    (tz) => {
      process.env.TZ = tz;
      const due = addWorkingDays(new Date("2024-06-07T17:00:00Z"), 1, NONE);
      expect(due.toISOString()).toBe("2024-06-10T15:59:59.999Z");
      expect(workingDaysBetween(new Date("2024-06-07T15:30:00Z"), new Date("2024-06-07T16:30:00Z"), NONE)).toBe(0);
      expect(toCstIsoDate(new Date("2024-06-07T16:30:00Z"))).toBe("2024-06-08");
    },
  );
});

describe("调休 working weekends", () => {
  // 2026 Spring Festival: 15–23 February off; Saturday 14 and Saturday 28 February worked.
  const SPRING = makeWorkingCalendar(
    ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"],
    ["2026-02-14", "2026-02-28"],
  );

  it("counts a working Saturday and skips the holiday week", () => {
    const friday = cst("2026-02-13T16:00:00");
    expect(toCstIsoDate(addWorkingDays(friday, 1, SPRING))).toBe("2026-02-14");
    expect(toCstIsoDate(addWorkingDays(friday, 2, SPRING))).toBe("2026-02-24");
    expect(toCstIsoDate(addWorkingDays(friday, 5, SPRING))).toBe("2026-02-27");
    expect(toCstIsoDate(addWorkingDays(friday, 6, SPRING))).toBe("2026-02-28");
    expect(toCstIsoDate(addWorkingDays(friday, 7, SPRING))).toBe("2026-03-02");
    expect(workingDaysBetween(friday, cst("2026-03-02T09:00:00"), SPRING)).toBe(7);
  });

  it("treats a working weekend day as a working day and an ordinary Saturday as not", () => {
    expect(isWorkingDay(cst("2026-02-14T12:00:00"), SPRING)).toBe(true);
    expect(isWorkingDay(cst("2026-02-21T12:00:00"), SPRING)).toBe(false);
    expect(isWorkingDay(cst("2026-02-16T12:00:00"), SPRING)).toBe(false);
  });

  it("never lets more 调休 days make a deadline later, nor more holidays make it earlier", () => {
    const days = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 12 });
    const iso = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }), days, days, (startOffset, n, off, on) => {
        const start = cst(`${iso(startOffset)}T10:00:00`);
        const plain = addWorkingDays(start, n, NONE);
        const weekends = on.map(iso).filter(isWeekendDate);
        expect(addWorkingDays(start, n, makeWorkingCalendar([], weekends)).getTime()).toBeLessThanOrEqual(plain.getTime());
        expect(addWorkingDays(start, n, makeWorkingCalendar(off.map(iso))).getTime()).toBeGreaterThanOrEqual(plain.getTime());
      }),
    );
  });
});

describe("isWeekendDate", () => {
  it.each([["2026-02-14", true], ["2026-02-15", true], ["2026-02-16", false], ["2026-10-09", false]])("%s → %s", (day, weekend) => {
    expect(isWeekendDate(day)).toBe(weekend);
  });

  it("refuses a date that does not exist", () => {
    expect(() => isWeekendDate("2026-02-30")).toThrow(RangeError);
  });
});
