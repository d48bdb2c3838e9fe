import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { signedInAudience, staffAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";

// Route handlers read the session through currentActor(); here the test decides who is signed in.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => session.actor }));

const { route } = await import("@/lib/http/route");
const letters = await import("@/app/api/applications/[id]/letters/[kind]/route");
const configExport = await import("@/app/api/audit/config/export/route");
const stats = await import("@/app/api/stats/route");
const rosterTemplate = await import("@/app/api/unions/roster-template/route");
const loansExport = await import("@/app/api/loans/export/route");

const applicant: Actor = { kind: "APPLICANT", userId: "00000000-0000-4000-8000-000000000001", role: "APPLICANT", displayName: "申请人" };
const staff = (role: Extract<Actor, { kind: "STAFF" }>["role"]): Actor => ({
  kind: "STAFF", userId: "00000000-0000-4000-8000-000000000002", role, displayName: "工作人员",
  organisationId: "00000000-0000-4000-8000-000000000003", organisationType: "SUPPORT_CENTER",
});
const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });
const none = { params: Promise.resolve({}) };

afterEach(() => {
  session.actor = null;
  vi.restoreAllMocks();
});

describe("route handlers answer through the one error table", () => {
  it("401 for a visitor, in the reader's language, before anything is read", async () => {
    for (const answer of [
      await rosterTemplate.GET(get("/api/unions/roster-template"), none),
      await stats.GET(get("/api/stats?asOf=garbage"), none),
      await letters.GET(get("/api/applications/x/letters/approval"), { params: Promise.resolve({ id: "x", kind: "approval" }) }),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(await answer.text()).toBe("请先登录");
    }
    const english = await stats.GET(get("/api/stats", { cookie: "theme=x; NEXT_LOCALE=en" }), none);
    expect(await english.text()).toBe("Please sign in first");
  });

  it("404 for a signed-in outsider and for what does not exist", async () => {
    session.actor = applicant;
    for (const answer of [
      await rosterTemplate.GET(get("/api/unions/roster-template"), none),
      await configExport.GET(get("/api/audit/config/export"), none),
      await loansExport.GET(get("/api/loans/export"), none),
    ]) {
      expect(answer.status).toBe(404);
      expect(await answer.text()).toBe("未找到该记录");
    }
    const noSuchKind = await letters.GET(get("/api/applications/x/letters/nonsense"), { params: Promise.resolve({ id: "x", kind: "nonsense" }) });
    expect(noSuchKind.status).toBe(404);
  });

  it("400 with the reason for input the handler cannot read", async () => {
    session.actor = staff("PROGRAM_ADMIN");
    const badDay = await stats.GET(get("/api/stats?asOf=2021-13-45"), none);
    expect(badDay.status).toBe(400);
    expect(await badDay.text()).toBe("日期格式应为 YYYY-MM-DD");
    const badFilter = await configExport.GET(get("/api/audit/config/export?from=2021-02-30"), none);
    expect(badFilter.status).toBe(400);
    expect(await badFilter.text()).toBe("日期应为 YYYY-MM-DD 格式");
  });

  it("a state-changing request from another site is refused before the caller is looked at", async () => {
    session.actor = applicant;
    const handler = vi.fn(async () => new Response("done"));
    const post = route(signedInAudience, handler, { answers: "json" });
    const foreign = await post(new Request("http://localhost/api/x", { method: "POST", headers: { origin: "https://evil.example" } }), none);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ ok: false, code: "FORBIDDEN", message: "您无权进行此操作" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("staff of other roles are outsiders: 404", async () => {
    session.actor = staff("BANK_OFFICER");
    const answer = await route(staffAudience(["CENTER_REVIEWER"] as const), async () => new Response("ok"))(get("/api/x"), none);
    expect(answer.status).toBe(404);
  });

  it("an AppError's own detail wins over the code's message; anything else is a 500 with a correlation id only", async () => {
    session.actor = applicant;
    const conflict = await route(signedInAudience, async () => {
      throw new AppError("CONFLICT", "已被他人更新");
    })(get("/api/x"), none);
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toBe("已被他人更新");

    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const crash = await route(signedInAudience, async () => {
      throw new Error("relation \"secret_table\" does not exist");
    })(get("/api/x"), none);
    expect(crash.status).toBe(500);
    const body = await crash.text();
    expect(body).toMatch(/^系统繁忙，请稍后再试 \([0-9a-f]{8}\)$/);
    expect(body).not.toContain("secret_table");
    const id = body.match(/\(([0-9a-f]{8})\)/)![1]!;
    expect(logged.mock.calls.map((c) => String(c[0])).join("\n")).toContain(id);
  });
});
