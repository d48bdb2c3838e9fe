import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { recordFoundingAction } from "@/lib/unions/founding-actions";
import { programmeFigures } from "@/lib/stats/queries";
import { beijingNoon, beijingToday } from "@/lib/calendar/beijing";
import { db } from "../support/db";
import { createApplicant, createEnterprise, staffActor } from "../support/factories";

// Unions founded through the programme, recorded through the form's own action by a district
// union or the centre: dated records the statistics count; corrections supersede; bad input and a
// second founding are refused with nothing stored.

let caller: Actor | null = null;
vi.mock("@/lib/auth/config", () => ({ auth: async () => (caller ? { actor: caller } : null), signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async (ns?: string) => Object.assign((key: string) => (ns ? `${ns}.${key}` : key), { has: () => true }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000", "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const submit = async (as: Actor, fields: Record<string, string>): Promise<ActionState> => {
  caller = as;
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return recordFoundingAction(IDLE, form);
};
const figuresAt = async (day: string) => {
  const f = await programmeFigures(await staffActor("reviewer@center.demo"), { asOf: beijingNoon(day) });
  return { unions: f.unionsFounded, members: f.newMembers };
};

describe("unions founded", () => {
  it("a district union records one through the form; the statistics count it from its founding day; the centre corrects it", async () => {
    const firm = await createEnterprise(await createApplicant());
    const agent = await staffActor("agent@district.demo");
    const before = await figuresAt("2025-08-31");
    const dayBefore = await figuresAt("2025-08-14");

    const done = await submit(agent, { creditCode: firm.creditCode, unionName: "测试企业工会", foundedOn: "2025-08-15", memberCount: "23" });
    expect(done).toMatchObject({ status: "success", message: "unionFounding.recorded" });
    const first = await db.unionFounding.findFirstOrThrow({ where: { enterpriseId: firm.id } });
    expect(first).toMatchObject({ memberCount: 23, unionName: "测试企业工会", recordedById: agent.userId, organisationId: agent.organisationId, supersededAt: null });
    expect(await db.auditEvent.count({ where: { entityId: first.id, action: "union.founding_recorded" } })).toBe(1);
    expect(await figuresAt("2025-08-31")).toEqual({ unions: before.unions + 1, members: before.members + 23 });
    expect(await figuresAt("2025-08-14")).toEqual(dayBefore);
    expect(await db.enterprise.findUniqueOrThrow({ where: { id: firm.id } })).toMatchObject({ hasUnion: true, unionMemberCount: 23 });

    // Founded twice without saying it corrects the first: refused, nothing stored.
    const twice = await submit(agent, { creditCode: firm.creditCode, unionName: "测试企业工会", foundedOn: "2025-08-20", memberCount: "30" });
    expect(twice).toMatchObject({ status: "error", fieldErrors: { creditCode: ["unionFounding.problems.ALREADY_FOUNDED"] } });
    expect(await db.unionFounding.count({ where: { enterpriseId: firm.id } })).toBe(1);

    // The centre corrects it: a new record; the first stays, superseded; the figures follow.
    const reviewer = await staffActor("reviewer@center.demo");
    const corrected = await submit(reviewer, { creditCode: firm.creditCode, unionName: "测试企业联合工会", foundedOn: "2025-08-16", memberCount: "25", replacesId: first.id });
    expect(corrected).toMatchObject({ status: "success" });
    const rows = await db.unionFounding.findMany({ where: { enterpriseId: firm.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.memberCount, r.supersededAt !== null])).toEqual([[23, true], [25, false]]);
    expect(await db.auditEvent.count({ where: { entityId: rows[1]!.id, action: "union.founding_corrected" } })).toBe(1);
    expect(await figuresAt("2025-08-31")).toEqual({ unions: before.unions + 1, members: before.members + 25 });

    // Correcting the superseded record again: refused (someone else corrected it meanwhile).
    const stale = await submit(reviewer, { creditCode: firm.creditCode, unionName: "测试企业工会", foundedOn: "2025-08-16", memberCount: "26", replacesId: first.id });
    expect(stale).toMatchObject({ status: "error", fieldErrors: { replacesId: ["unionFounding.problems.NOT_CURRENT"] } });
    expect(await db.unionFounding.count({ where: { enterpriseId: firm.id } })).toBe(2);
  });

  it("refuses bad input field by field and stores nothing", async () => {
    const firm = await createEnterprise(await createApplicant());
    const agent = await staffActor("agent@district.demo");
    const audits = await db.auditEvent.count();
    const tomorrow = new Date(Date.parse(`${beijingToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ foundedOn: tomorrow }, { foundedOn: ["unionFounding.problems.FUTURE_DATE"] }],
      [{ memberCount: "-5" }, { memberCount: ["unionFounding.problems.MEMBERS"] }],
      [{ memberCount: "0" }, { memberCount: ["unionFounding.problems.MEMBERS"] }],
      [{ memberCount: "abc" }, { memberCount: ["unionFounding.problems.MEMBERS"] }],
      [{ foundedOn: "2019-12-31" }, { foundedOn: ["unionFounding.problems.BEFORE_ENTERPRISE"] }],
      [{ foundedOn: "2025-02-30" }, { foundedOn: ["unionFounding.problems.DATE_FORMAT"] }],
      [{ unionName: "工" }, { unionName: ["unionFounding.problems.UNION_NAME"] }],
      [{ creditCode: "91110105MA01ABCD1X" }, { creditCode: ["unionFounding.problems.CREDIT_CODE"] }],
    ];
    for (const [over, errors] of cases) {
      const state = await submit(agent, { creditCode: firm.creditCode, unionName: "测试企业工会", foundedOn: "2025-03-01", memberCount: "10", ...over });
      expect(state, JSON.stringify(over)).toMatchObject({ status: "error", fieldErrors: errors });
    }
    expect(await db.unionFounding.count({ where: { enterpriseId: firm.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("is not for guarantors, banks, administrators or auditors", async () => {
    const firm = await createEnterprise(await createApplicant());
    for (const email of ["officer@guarantor.demo", "officer@bank.demo", "admin@center.demo", "auditor@center.demo"]) {
      const state = await submit(await staffActor(email), { creditCode: firm.creditCode, unionName: "测试企业工会", foundedOn: "2025-03-01", memberCount: "10" });
      expect(state).toMatchObject({ status: "error", code: "NOT_FOUND" });
    }
    expect(await db.unionFounding.count({ where: { enterpriseId: firm.id } })).toBe(0);
  });
});
