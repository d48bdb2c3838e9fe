import { describe, expect, it } from "vitest";
import { benchIdentity } from "@/scripts/bench/database/bench-identity";
import { judge, type PageRow } from "@/scripts/bench/report/goals";
import { formActionBody, routerStateHeader } from "@/scripts/bench/web/action-body";
import { actionIdIn, type ActionManifest } from "@/scripts/bench/web/action-ids";
import { actionHeaders, isActionSuccess } from "@/scripts/bench/web/action-replay";
import { isValidChineseIdNumber, isValidCreditCode } from "@/lib/validation/identity";

const SUBMIT = "7fd9f1b7f008a136492916aa6f98dd9087658b2df9";
const manifest: ActionManifest = {
  node: {
    [SUBMIT]: { filename: "lib/applications/actions.ts", exportedName: "submitApplicationAction" },
    "7fba8b3d6bb5ac6392499b90cc32a60460c08f23f4": { filename: "lib/reviews/actions.ts", exportedName: "recommendAction" },
    "7f0000000000000000000000000000000000000001": { filename: "lib/reviews/actions.ts", exportedName: "rejectAction" },
  },
  edge: {},
};

describe("the action ids of a build", () => {
  it("finds an action by its source file and export", () => {
    expect(actionIdIn(manifest, "lib/applications/actions.ts", "submitApplicationAction")).toBe(SUBMIT);
    expect(actionIdIn(manifest, "lib/reviews/actions.ts", "rejectAction")).toBe("7f0000000000000000000000000000000000000001");
  });

  it("refuses an action the build does not have, or one it cannot tell apart", () => {
    expect(() => actionIdIn(manifest, "lib/reviews/actions.ts", "submitApplicationAction")).toThrow("0 actions");
    const twice: ActionManifest = { node: { ...manifest.node, "7f00000000000000000000000000000000000000ff": { filename: "app/lib/applications/actions.ts", exportedName: "submitApplicationAction" } } };
    expect(() => actionIdIn(twice, "lib/applications/actions.ts", "submitApplicationAction")).toThrow("2 actions");
  });
});

describe("an action call as the browser makes it", () => {
  it("sends the previous state and the form's fields, encoded as React encodes them", async () => {
    const { body, contentType } = await formActionBody(SUBMIT, { status: "idle" }, { applicationId: "a1", version: "3" });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    expect(JSON.parse(String(form.get("0")))).toEqual([{ status: "idle" }, "$K1"]);
    expect([form.get("_1_applicationId"), form.get("_1_version")]).toEqual(["a1", "3"]);
  });

  it("leaves out the arguments the action's id says it does not use", async () => {
    // 0x40: an action that uses only its first argument.
    const { body } = await formActionBody(`40${SUBMIT.slice(2)}`, { status: "idle" }, { applicationId: "a1" });
    expect(body).toBe('[{"status":"idle"}]');
  });

  it("names the action, the page's origin and router state, and the session", () => {
    const routerState = routerStateHeader(["", { children: ["__PAGE__", {}, null, null, null, "?x=1"] }]);
    // Next's reduction leaves out the page's search parameters (the last item).
    expect(decodeURIComponent(routerState)).toBe('["",{"children":["__PAGE__",{},null,null,null]}]');
    const headers = actionHeaders({ actionId: SUBMIT, origin: "http://localhost:3702", contentType: "text/plain", routerState, cookie: "s=1" });
    expect(headers).toMatchObject({ "next-action": SUBMIT, origin: "http://localhost:3702", "next-router-state-tree": routerState, cookie: "s=1", accept: "text/x-component" });
    expect(actionHeaders({ actionId: SUBMIT, origin: "o", contentType: "t", routerState }).cookie).toBeUndefined();
  });
});

describe("what counts as the action's success", () => {
  const flight = (state: string) => `0:{"a":"$@1","f":"","b":"x"}\n1:${state}\n`;

  it("takes the success state, never the error state the action answers with a 200", () => {
    expect(isActionSuccess({ kind: "state" }, flight('{"status":"success","message":"ok","fields":{}}'), {})).toBe(true);
    expect(isActionSuccess({ kind: "state" }, flight('{"status":"error","code":"CONFLICT","message":"no"}'), {})).toBe(false);
    expect(isActionSuccess({ kind: "state" }, "", {})).toBe(false);
  });

  it("takes a redirect to the expected page as the success of an action that redirects", () => {
    const success = { kind: "redirect", to: "/applicant/applications/" } as const;
    expect(isActionSuccess(success, "", { "X-Action-Redirect": "/applicant/applications/abc;push" })).toBe(true);
    expect(isActionSuccess(success, "", { "x-action-redirect": "/login;replace" })).toBe(false);
    expect(isActionSuccess(success, flight('{"status":"error","message":"no"}'), {})).toBe(false);
  });

  it("takes any Flight answer from an action without a result", () => {
    expect(isActionSuccess({ kind: "answered" }, "0:{}", { "content-type": "text/x-component" })).toBe(true);
    expect(isActionSuccess({ kind: "answered" }, "<html>", { "content-type": "text/html" })).toBe(false);
  });
});

describe("the action rows' goal", () => {
  const row = (over: Partial<PageRow>): PageRow => ({
    label: "submit action", key: "submit action", kind: "action", cases: 1000, responses: 200, reqPerSec: 60, p50: 10, p95: 20, p99: 30,
    failures: 0, bytes: 1024, peakRssMb: 300, notDone: 0, ...over,
  });
  const bare = row({ label: "bare", key: "bare", kind: "bare", reqPerSec: 500 });
  const noop = row({ label: "no-op", key: "no-op", kind: "noop", reqPerSec: 100 });

  it("holds an action to 0.6 of the no-op action, which has no goal of its own", () => {
    expect(judge(row({}), { bare, noop })).toMatchObject({ against: "no-op", ratio: 0.6, result: "PASS" });
    expect(judge(row({ reqPerSec: 59 }), { bare, noop }).why).toEqual(["0.59× no-op"]);
    expect(judge(noop, { bare, noop })).toMatchObject({ against: "—", result: "—" });
    expect(judge(row({}), { bare }).why).toEqual(["no no-op action measured"]);
  });

  it("fails an action whose cases the database shows not moved on", () => {
    expect(judge(row({ notDone: 2 }), { bare, noop }).why).toEqual(["2 cases not moved on"]);
  });

  it("shows an action against itself at the smallest size without judging it", () => {
    const larger = judge(row({ cases: 1_000_000, reqPerSec: 60 }), { bare, noop, smallest: row({ reqPerSec: 100 }), smallestBare: bare });
    expect(larger).toMatchObject({ vsSmallest: 0.6, result: "PASS" });
  });
});

describe("the applicants prepared for the actions", () => {
  it("are distinct people with valid identifiers", () => {
    const numbers = [0, 1, 9_999, 10_000, 100_000, 100_209, 9_999_999];
    const ids = numbers.map(benchIdentity);
    for (const id of ids) {
      expect(isValidChineseIdNumber(id.idNumber)).toBe(true);
      expect(isValidCreditCode(id.creditCode)).toBe(true);
      expect(id.mobile).toMatch(/^139\d{8}$/);
    }
    for (const key of ["mobile", "idNumber", "creditCode"] as const) expect(new Set(ids.map((i) => i[key])).size).toBe(numbers.length);
  });
});
