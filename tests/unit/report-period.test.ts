import { describe, expect, it } from "vitest";
import { dayBefore, parseReportParams } from "@/lib/stats/report-period";

const now = new Date("2026-12-04T12:00:00Z");
const ALL = { channel: "all", org: null };

describe("the annual report's period", () => {
  it("takes a year, up to today for this year", () => {
    expect(parseReportParams({ year: "2025" }, now)).toEqual({ ok: true, period: { from: "2025-01-01", to: "2025-12-31" }, filters: ALL, year: 2025 });
    expect(parseReportParams({ year: "2026" }, now)).toEqual({ ok: true, period: { from: "2026-01-01", to: "2026-12-04" }, filters: ALL, year: 2026 });
    expect(parseReportParams({ year: " 2024 ", channel: "green" }, now)).toMatchObject({ ok: true, filters: { channel: "green", org: null }, year: 2024 });
  });

  it("takes the statistics page's period and filters", () => {
    expect(parseReportParams({ from: "2024-03-01", to: "2024-06-30", org: "SCDB" }, now))
      .toEqual({ ok: true, period: { from: "2024-03-01", to: "2024-06-30" }, filters: { channel: "all", org: "SCDB" }, year: null });
    expect(parseReportParams({}, now)).toMatchObject({ ok: true, period: { from: "2026-01-01", to: "2026-12-04" }, year: null });
  });

  it("refuses a future year, garbage, a year with dates, and unknown keys", () => {
    expect(parseReportParams({ year: "2027" }, now)).toEqual({ ok: false, code: "FUTURE_YEAR" });
    expect(parseReportParams({ year: "twenty" }, now)).toEqual({ ok: false, code: "BAD_DATE" });
    expect(parseReportParams({ year: "20251" }, now)).toEqual({ ok: false, code: "BAD_DATE" });
    expect(parseReportParams({ year: "" }, now)).toEqual({ ok: false, code: "EMPTY_DATE" });
    expect(parseReportParams({ year: "2025", from: "2025-03-01" }, now)).toEqual({ ok: false, code: "YEAR_AND_DATES" });
    expect(parseReportParams({ year: "2025", region: "north" }, now)).toEqual({ ok: false, code: "UNKNOWN_FILTER" });
    expect(parseReportParams({ year: "2025", channel: "fast" }, now)).toEqual({ ok: false, code: "UNKNOWN_FILTER" });
    expect(parseReportParams({ from: "2025-07-01", to: "2025-03-01" }, now)).toEqual({ ok: false, code: "REVERSED" });
  });

  it("counts the days before a period across months and leap years", () => {
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(dayBefore("2025-01-01")).toBe("2024-12-31");
  });
});
