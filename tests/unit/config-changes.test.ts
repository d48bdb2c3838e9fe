import { describe, expect, it } from "vitest";
import { beforeAndAfter, CONFIG_ACTIONS, dayRange, describeValue, kindOfAction, parseConfigFilters } from "@/lib/audit/config-changes";

describe("configuration changes in the audit view", () => {
  it("knows each configuration action's kind and nothing else", () => {
    expect(kindOfAction("calendar.days_added")).toBe("calendar");
    expect(kindOfAction("user.role_changed")).toBe("staff");
    expect(kindOfAction("subsidy.budget_set")).toBe("budget");
    expect(kindOfAction("application.submitted")).toBeNull();
    expect(kindOfAction("document.opened")).toBeNull();
    expect(new Set(CONFIG_ACTIONS).size).toBe(CONFIG_ACTIONS.length);
  });

  it("reads before and after from every payload shape the services write", () => {
    expect(beforeAndAfter("organisation.renamed", { before: { nameZh: "甲" }, after: { nameZh: "乙" } })).toEqual({ before: { nameZh: "甲" }, after: { nameZh: "乙" } });
    expect(beforeAndAfter("subsidy.budget_set", { year: 2026, fromFen: "100", toFen: "200" })).toEqual({ before: { amountFen: "100" }, after: { amountFen: "200" } });
    expect(beforeAndAfter("subsidy.budget_set", { year: 2026, fromFen: null, toFen: "200" }).before).toEqual({ amountFen: null });
    expect(beforeAndAfter("subsidy.budget_set", { year: 2026, fromFen: "100", toFen: "100", depositFromFen: null, depositToFen: "5000" }))
      .toEqual({ before: { amountFen: "100" }, after: { amountFen: "100", guaranteeDepositFen: "5000" } });
    expect(beforeAndAfter("user.role_changed", { from: "CENTER_REVIEWER", to: "CENTER_APPROVER" })).toEqual({ before: { role: "CENTER_REVIEWER" }, after: { role: "CENTER_APPROVER" } });
    expect(beforeAndAfter("policy.published", { version: 2, maxTermMonths: 48, before: { version: 1, maxTermMonths: 36 }, proposedBy: "x" }))
      .toEqual({ before: { version: 1, maxTermMonths: 36 }, after: { maxTermMonths: 48 } });
    expect(beforeAndAfter("calendar.days_added", { year: 2027, before: [], after: [{ day: "2027-10-01", kind: "HOLIDAY", name: "国庆节" }], moved: [{}] }))
      .toEqual({ before: [], after: [{ day: "2027-10-01", kind: "HOLIDAY", name: "国庆节" }] });
    expect(beforeAndAfter("organisation.created", { code: "X", type: "BANK" })).toEqual({ before: null, after: { code: "X", type: "BANK" } });
    expect(beforeAndAfter("user.password_reset_forced", {})).toEqual({ before: null, after: null });
  });

  it("writes a value as one line", () => {
    expect(describeValue([{ day: "2027-10-01", kind: "HOLIDAY", name: "国庆节" }, { day: "2027-10-02", kind: "HOLIDAY", name: "国庆节" }]))
      .toBe("day: 2027-10-01; kind: HOLIDAY; name: 国庆节 | day: 2027-10-02; kind: HOLIDAY; name: 国庆节");
    expect(describeValue({ disabled: true, names: { zh: "甲" } })).toBe("disabled: true; names: (zh: 甲)");
    expect(describeValue(null)).toBe("");
  });

  it("words field names and plain values the reader's way, nested ones too", () => {
    const words = { field: (k: string) => ({ mode: "分配方式", districts: "按区分配", disabled: "已停用" })[k] ?? k, value: (v: string | number | boolean) => (v === true ? "是" : v === "BY_DISTRICT" ? "按区分配" : String(v)) };
    expect(describeValue({ mode: "BY_DISTRICT", districts: { HDQ: "BANK2" }, disabled: true, other: 3 }, words))
      .toBe("分配方式: 按区分配; 按区分配: (HDQ: BANK2); 已停用: 是; other: 3");
  });

  it("takes the filters from the query string, refusing a malformed date and ignoring unknown values", () => {
    expect(parseConfigFilters({ kind: "calendar", actor: "3f1c1d2e-1111-4222-8333-444455556666", from: "2026-12-01", to: "2026-12-31" }))
      .toEqual({ filters: { kind: "calendar", actorId: "3f1c1d2e-1111-4222-8333-444455556666", from: "2026-12-01", to: "2026-12-31" } });
    expect(parseConfigFilters({ kind: "everything", actor: "robert'); DROP TABLE" })).toEqual({ filters: {} });
    expect(parseConfigFilters({ from: "2026-02-30" })).toEqual({ error: "badDate" });
    expect(parseConfigFilters({ to: "yesterday" })).toEqual({ error: "badDate" });
  });

  it("covers whole Beijing days", () => {
    const r = dayRange({ from: "2026-12-01", to: "2026-12-01" });
    expect(r.gte?.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(r.lt?.toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(dayRange({})).toEqual({});
  });
});
