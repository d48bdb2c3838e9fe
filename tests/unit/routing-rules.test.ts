import { describe, expect, it } from "vitest";
import { CHOOSE_FREELY, routeOf, type RoutingRule } from "@/lib/routing/rules";

const rule = (r: Partial<RoutingRule>): RoutingRule => ({ ...CHOOSE_FREELY, ...r });

describe("where the administrator's rule sends a case", () => {
  it("leaves the choice to the person at the step when the rule is 'chosen', whatever else it holds", () => {
    expect(routeOf(rule({ defaultOrgId: "bank-a", districts: new Map([["d1", "bank-b"]]) }), "d1")).toEqual({ by: "choice" });
  });

  it("sends every case to the default partner, ignoring the district table", () => {
    const r = rule({ mode: "DEFAULT", defaultOrgId: "bank-a", districts: new Map([["d1", "bank-b"]]) });
    expect([routeOf(r, "d1"), routeOf(r, null)]).toEqual([{ by: "rule", orgId: "bank-a" }, { by: "rule", orgId: "bank-a" }]);
  });

  it("by district: the district's partner, else the default; online cases have no district", () => {
    const r = rule({ mode: "BY_DISTRICT", defaultOrgId: "bank-a", districts: new Map([["d1", "bank-b"]]) });
    expect([routeOf(r, "d1"), routeOf(r, "d2"), routeOf(r, null)].map((x) => (x.by === "rule" ? x.orgId : x.by))).toEqual(["bank-b", "bank-a", "bank-a"]);
  });

  it("names the problem when a rule leads nowhere", () => {
    expect(routeOf(rule({ mode: "BY_DISTRICT", districts: new Map([["d1", "bank-b"]]) }), "d2")).toEqual({ by: "rule", orgId: null, problem: "NO_ROUTE" });
    expect(routeOf(rule({ mode: "BY_DISTRICT", districts: new Map([["d1", "bank-b"]]) }), "d1")).toEqual({ by: "rule", orgId: "bank-b" });
  });
});
