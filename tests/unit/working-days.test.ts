import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  addWorkingDays,
  isWorkingDay,
  makeHolidaySet,
  toCstIsoDate,
  workingDaysBetween,
} from "@/lib/calendar/working-days";

const NONE = makeHolidaySet([]);
// 2024 National Day (国庆): 1–7 October off; Sunday 29 September and Saturday 12 October worked.
const NATIONAL_DAY = makeHolidaySet([
  "2024-10-01",
  "2024-10-02",
  "2024-10-03",
  "2024-10-04",
  "2024-10-05",
  "2024-10-06",
  "2024-10-07",
]);
const NATIONAL_DAY_MAKE_UP = makeHolidaySet(["2024-09-29", "2024-10-12"]);

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
    expect(toCstIsoDate(addWorkingDays(start, 1, NATIONAL_DAY, NATIONAL_DAY_MAKE_UP))).toBe("2024-09-29");
    expect(toCstIsoDate(addWorkingDays(start, 2, NATIONAL_DAY))).toBe("2024-10-08");
    expect(toCstIsoDate(addWorkingDays(start, 5, NATIONAL_DAY, NATIONAL_DAY_MAKE_UP))).toBe("2024-10-10");
    expect(toCstIsoDate(addWorkingDays(start, 7, NATIONAL_DAY, NATIONAL_DAY_MAKE_UP))).toBe("2024-10-12");
    expect(toCstIsoDate(addWorkingDays(start, 7, NATIONAL_DAY))).toBe("2024-10-15");
  });

  it("lets a holiday override a make-up day listed by mistake in both sets", () => {
    const both = makeHolidaySet(["2024-06-10"]);
    expect(toCstIsoDate(addWorkingDays(cst("2024-06-07T09:00:00"), 1, both, both))).toBe("2024-06-11");
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
        const due = addWorkingDays(start, days, NATIONAL_DAY, NATIONAL_DAY_MAKE_UP);
        expect(isWorkingDay(due, NATIONAL_DAY, NATIONAL_DAY_MAKE_UP)).toBe(true);
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
      workingDaysBetween(cst("2024-09-27T10:00:00"), cst("2024-10-08T10:00:00"), NATIONAL_DAY, NATIONAL_DAY_MAKE_UP),
    ).toBe(3);
  });

  it("is negative when the second date is earlier (working days overdue)", () => {
    expect(workingDaysBetween(cst("2024-06-10T09:00:00"), cst("2024-06-03T10:00:00"), NONE)).toBe(-5);
  });

  it("inverts addWorkingDays", () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 60 }), (start, days) => {
        const due = addWorkingDays(start, days, NATIONAL_DAY, NATIONAL_DAY_MAKE_UP);
        expect(workingDaysBetween(start, due, NATIONAL_DAY, NATIONAL_DAY_MAKE_UP)).toBe(days);
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
