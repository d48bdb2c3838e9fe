import { describe, expect, it } from "vitest";
import { CURRENT, decodeStatistics, defaultView, encodeStatistics, pageRequest, viewKey, viewOfKey, type StatisticsBody } from "@/lib/stats/snapshot";

// The view a statistics page asks for, its snapshot's key, and the body's exact JSON form.
const NOW = new Date("2026-12-06T03:00:00Z"); // 11:00 in Beijing

describe("statistics snapshot views", () => {
  it("the page without a query, or with the default spelled out, reads the current snapshot", () => {
    expect(defaultView(NOW)).toEqual({ asOf: "2026-12-06", period: { from: "2026-01-01", to: "2026-12-06" }, filters: { channel: "all", org: null } });
    expect(pageRequest({}, NOW)).toMatchObject({ key: CURRENT, invalidDate: false, periodError: null });
    expect(pageRequest({ asOf: "2026-12-06", from: "2026-01-01", channel: "all" }, NOW).key).toBe(CURRENT);
    // Just after midnight in Beijing the default is the new day's.
    expect(defaultView(new Date("2026-12-31T16:30:00Z")).period).toEqual({ from: "2027-01-01", to: "2027-01-01" });
  });

  it("any other view has a key of its own that names it back", () => {
    const request = pageRequest({ asOf: "2025-06-30", from: "2025-01-01", to: "2025-03-31", channel: "green", org: "BANK1" }, NOW);
    expect(request.key).toBe("view|2025-06-30|2025-01-01|2025-03-31|green|BANK1");
    expect(viewOfKey(request.key)).toEqual(request.view);
    expect(viewKey(request.view)).toBe(request.key);
    expect(viewOfKey(CURRENT)).toBeNull();
    expect(viewOfKey("view|2025-02-30|2025-01-01|2025-03-31|all|")).toBeNull();
    expect(viewOfKey("view|2025-06-30|2025-04-01|2025-03-31|all|")).toBeNull();
    expect(viewOfKey("something else")).toBeNull();
  });

  it("malformed input is refused before any read, with the default view's key", () => {
    expect(pageRequest({ asOf: "not a day" }, NOW)).toMatchObject({ key: CURRENT, invalidDate: true });
    expect(pageRequest({ from: "2026-05-01", to: "2026-02-01" }, NOW)).toMatchObject({ key: CURRENT, periodError: "REVERSED" });
    expect(pageRequest({ region: "north" }, NOW)).toMatchObject({ key: CURRENT, periodError: "UNKNOWN_FILTER" });
    // A past as-of day keeps its own key even when the period is refused.
    expect(pageRequest({ asOf: "2024-01-31", from: "" }, NOW)).toMatchObject({ key: "view|2024-01-31|2026-01-01|2026-12-06|all|", periodError: "EMPTY_DATE" });
  });

  it("amounts in fen survive the JSON exactly, beyond 2^53", () => {
    const body = { view: defaultView(NOW), programme: { lentFen: 9_007_199_254_740_993n, years: [{ year: 2026, subsidyFen: 1n }] } } as unknown as StatisticsBody;
    const back = decodeStatistics(encodeStatistics(body));
    expect(back).toEqual(body);
    expect(typeof (back.programme as unknown as { lentFen: unknown }).lentFen).toBe("bigint");
    // An object that merely looks tagged but carries more stays an object.
    expect(decodeStatistics('{"x":{"$bigint":"1","y":2}}')).toEqual({ x: { $bigint: "1", y: 2 } });
  });
});
