import { describe, expect, it } from "vitest";
import {
  addDays, beijingDayOf, beijingMinuteOf, beijingNoon, beijingToday, beijingYearOf, dateColumnOf, dayOfDateColumn,
  quarterOfDay, startOfBeijingDay, yearOfDay,
} from "@/lib/calendar/beijing";

describe("the Beijing calendar", () => {
  it("turns the day at 16:00 UTC, midnight in Beijing", () => {
    expect(beijingDayOf(new Date("2026-12-25T15:59:59.999Z"))).toBe("2026-12-25");
    expect(beijingDayOf(new Date("2026-12-25T16:00:00.000Z"))).toBe("2026-12-26");
    expect(beijingToday(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12-01");
  });

  it("turns the year at 16:00 UTC on 31 December", () => {
    expect(beijingDayOf(new Date("2026-12-31T15:59:59.999Z"))).toBe("2026-12-31");
    expect(beijingDayOf(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
    expect(beijingYearOf(new Date("2026-12-31T15:59:59.999Z"))).toBe(2026);
    expect(beijingYearOf(new Date("2026-12-31T16:00:00Z"))).toBe(2027);
  });

  it("starts a day at 00:00 Beijing, the instant its first moment has", () => {
    expect(startOfBeijingDay("2027-01-01").toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(beijingDayOf(startOfBeijingDay("2027-01-01"))).toBe("2027-01-01");
    expect(beijingDayOf(new Date(startOfBeijingDay("2027-01-01").getTime() - 1))).toBe("2026-12-31");
    expect(beijingDayOf(beijingNoon("2024-02-29"))).toBe("2024-02-29");
  });

  it("shows an instant's minute on the Beijing clock", () => {
    expect(beijingMinuteOf(new Date("2026-12-31T16:05:30Z"))).toBe("2027-01-01 00:05");
  });

  it("reads a DATE column as the day it holds, not as an instant in Beijing", () => {
    const column = dateColumnOf("2026-12-31");
    expect(column.toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(dayOfDateColumn(column)).toBe("2026-12-31");
    // A late-evening instant in UTC is already the next day in Beijing: the two readings differ.
    const evening = new Date("2026-12-31T20:00:00Z");
    expect(dayOfDateColumn(evening)).toBe("2026-12-31");
    expect(beijingDayOf(evening)).toBe("2027-01-01");
  });

  it("gives the year and quarter of a day, and counts days across month and year ends", () => {
    expect([yearOfDay("2026-03-31"), quarterOfDay("2026-03-31"), quarterOfDay("2026-04-01"), quarterOfDay("2026-12-31")]).toEqual([2026, 1, 2, 4]);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2027-01-01", -366)).toBe("2025-12-31");
  });
});
