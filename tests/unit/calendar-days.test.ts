import { describe, expect, it } from "vitest";
import { calendarTemplateCsv, checkNewDays, isCalendarHeader, isCalendarYear, readCalendarLine, type NewCalendarDay } from "@/lib/calendar/calendar-days";

const day = (line: number, d: string, kind: NewCalendarDay["kind"] = "HOLIDAY"): NewCalendarDay => ({ line, day: d, kind, name: "节" });

describe("a year of the working calendar", () => {
  it("reads a notice line: date, kind holiday|workday, name", () => {
    expect(readCalendarLine(2, [" 2027-10-01 ", "Holiday", " 国庆节 "])).toEqual({ line: 2, day: "2027-10-01", kind: "HOLIDAY", name: "国庆节" });
    expect(readCalendarLine(3, ["2027-09-26", "workday", "调休"])).toEqual({ line: 3, day: "2027-09-26", kind: "WORKDAY", name: "调休" });
    expect(readCalendarLine(4, ["2027-02-29", "off", ""])).toEqual([
      { line: 4, code: "DATE", params: { value: "2027-02-29" } },
      { line: 4, code: "KIND", params: { value: "off" } },
      { line: 4, code: "NAME", params: { max: 40 } },
    ]);
    expect(readCalendarLine(5, ["2027-10-01", "holiday", "x".repeat(41)])).toEqual([{ line: 5, code: "NAME", params: { max: 40 } }]);
  });

  it("refuses a day outside the year, the same day twice, a working weekend on a weekday, a day already marked", () => {
    const marked = new Set(["2027-10-01"]);
    expect(checkNewDays(2027, [day(2, "2027-10-02"), day(3, "2027-10-03")], marked)).toEqual([]);
    expect(checkNewDays(2027, [
      day(2, "2026-12-31"),
      day(3, "2027-10-02"),
      day(4, "2027-10-02"),
      day(5, "2027-10-08", "WORKDAY"), // a Friday
      day(6, "2027-10-09", "WORKDAY"), // a Saturday: fine
      day(7, "2027-10-01"),
    ], marked).map((p) => [p.line, p.code])).toEqual([[2, "OUTSIDE_YEAR"], [4, "TWICE"], [5, "NOT_WEEKEND"], [7, "ALREADY_MARKED"]]);
  });

  it("knows its header, its years and its template", () => {
    expect(isCalendarHeader(["date", "kind", "name"])).toBe(true);
    expect(isCalendarHeader([" Date ", "KIND", "name", "extra"])).toBe(true);
    expect(isCalendarHeader(["日期", "类型", "名称"])).toBe(false);
    expect(isCalendarYear(2027, "2026-12-04")).toBe(true);
    expect(isCalendarYear(2028, "2026-12-04")).toBe(false);
    expect(isCalendarYear(2016, "2026-12-04")).toBe(false);
    expect(calendarTemplateCsv(2027, "National Day")).toBe("\uFEFFdate,kind,name\r\n2027-10-01,holiday,National Day\r\n");
  });
});
