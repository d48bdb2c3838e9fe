import { describe, expect, it } from "vitest";
import { judge, type PageRow } from "@/scripts/bench/report/goals";
import { percentile } from "@/scripts/bench/report/percentiles";

const row = (over: Partial<PageRow>): PageRow => ({
  label: "page", key: "page", kind: "signed-in", cases: 1000, responses: 100, reqPerSec: 100, p50: 10, p95: 20, p99: 30,
  failures: 0, bytes: 1024, peakRssMb: 300, ...over,
});
const bare = row({ label: "bare", key: "bare", kind: "bare", reqPerSec: 500 });
const lightest = row({ label: "lightest", key: "lightest", kind: "lightest", reqPerSec: 400 });

describe("the benchmark's percentiles", () => {
  it("takes the nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("the benchmark's goals", () => {
  it("holds the lightest page to 0.8 of the bare page", () => {
    expect(judge(lightest, { bare, lightest })).toMatchObject({ against: "bare", ratio: 0.8, result: "PASS" });
    expect(judge(row({ kind: "lightest", reqPerSec: 399 }), { bare, lightest }).result).toBe("FAIL");
  });

  it("holds a signed-in page to 0.8 of the lightest and a p95 of 50 ms", () => {
    expect(judge(row({ reqPerSec: 320, p95: 50 }), { bare, lightest }).result).toBe("PASS");
    expect(judge(row({ reqPerSec: 319, p95: 50 }), { bare, lightest }).why).toEqual(["0.80× lightest"]);
    expect(judge(row({ reqPerSec: 400, p95: 51 }), { bare, lightest }).why).toEqual(["p95 51 ms"]);
  });

  it("holds the form PDF to a median of 50 ms and leaves public pages unjudged at one size", () => {
    expect(judge(row({ kind: "pdf", p50: 51 }), { bare, lightest }).result).toBe("FAIL");
    expect(judge(row({ kind: "public", reqPerSec: 1 }), { bare, lightest }).result).toBe("—");
  });

  it("holds every page at the largest size to 0.85 of itself at the smallest", () => {
    const small = row({ kind: "public", reqPerSec: 100 });
    expect(judge(row({ kind: "public", cases: 1_000_000, reqPerSec: 85 }), { bare, lightest, smallest: small, smallestBare: bare })).toMatchObject({ vsSmallest: 0.85, result: "PASS" });
    expect(judge(row({ kind: "public", cases: 1_000_000, reqPerSec: 84 }), { bare, lightest, smallest: small, smallestBare: bare }).result).toBe("FAIL");
  });

  it("judges flatness against the bare page measured at each size, so the machine's drift cancels out", () => {
    const small = row({ kind: "public", reqPerSec: 100 });
    // The machine got twice as busy between the sizes: the bare page halved, and so did the page.
    const busyBare = row({ label: "bare", key: "bare", kind: "bare", cases: 1_000_000, reqPerSec: 250 });
    const larger = row({ kind: "public", cases: 1_000_000, reqPerSec: 50 });
    expect(judge(larger, { bare: busyBare, lightest, smallest: small, smallestBare: bare })).toMatchObject({ vsSmallest: 1, result: "PASS" });
    // Same machine, the page itself slowed down with the data.
    const slower = row({ kind: "public", cases: 1_000_000, reqPerSec: 40 });
    expect(judge(slower, { bare: busyBare, lightest, smallest: small, smallestBare: bare }).why).toEqual(["0.80× at 1000"]);
    // The bare row shows the machine's own change.
    expect(judge(busyBare, { bare: busyBare, smallest: bare, smallestBare: bare }).vsSmallest).toBe(0.5);
  });

  it("shows a floor row against the no-op action without a goal, and fails it when a call wrote nothing", () => {
    const noop = row({ label: "no-op", key: "no-op", kind: "noop", reqPerSec: 1000 });
    const floor = row({ label: "insert", key: "insert", kind: "floor", reqPerSec: 300 });
    expect(judge(floor, { bare, noop })).toMatchObject({ against: "no-op", ratio: 0.3, goal: "—", result: "—" });
    const larger = row({ label: "insert", key: "insert", kind: "floor", cases: 1_000_000, reqPerSec: 100 });
    expect(judge(larger, { bare, noop, smallest: floor, smallestBare: bare }).result).toBe("—");
    expect(judge(row({ kind: "floor", notDone: 2 }), { bare, noop })).toMatchObject({ result: "FAIL", why: ["2 calls without their row"] });
  });

  it("fails a row whose responses were not all 200s", () => {
    expect(judge(row({ reqPerSec: 400, failures: 3 }), { bare, lightest }).why).toEqual(["3 failed responses"]);
  });
});
