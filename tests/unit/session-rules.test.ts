import { describe, expect, it } from "vitest";
import { judgeSession } from "@/lib/auth/session-rules";
import type { Actor } from "@/lib/auth/roles";

const applicant: Actor = { kind: "APPLICANT", userId: "u", role: "APPLICANT", displayName: "张三" };
const staff: Actor = { kind: "STAFF", userId: "s", role: "CENTER_REVIEWER", displayName: "王", organisationId: "o", organisationType: "SUPPORT_CENTER" };
const limits = { applicant: 30, staff: 10, maxHours: 12 };
const t0 = Date.UTC(2026, 10, 30, 2, 0, 0);
const min = 60_000;

describe("session rules", () => {
  it("applicants idle out after 30 minutes, staff after 10", () => {
    expect(judgeSession({ sv: 0, seen: t0, started: t0 }, { actor: applicant, sessionVersion: 0 }, t0 + 30 * min, limits)).toBe("valid");
    expect(judgeSession({ sv: 0, seen: t0, started: t0 }, { actor: applicant, sessionVersion: 0 }, t0 + 30 * min + 1, limits)).toBe("idle");
    expect(judgeSession({ sv: 0, seen: t0, started: t0 }, { actor: staff, sessionVersion: 0 }, t0 + 10 * min, limits)).toBe("valid");
    expect(judgeSession({ sv: 0, seen: t0, started: t0 }, { actor: staff, sessionVersion: 0 }, t0 + 11 * min, limits)).toBe("idle");
  });

  it("however active, a session ends at its absolute lifetime (and one without a start time is over)", () => {
    const active = (at: number) => ({ sv: 0, seen: at - min, started: t0 });
    expect(judgeSession(active(t0 + 12 * 60 * min), { actor: staff, sessionVersion: 0 }, t0 + 12 * 60 * min, limits)).toBe("valid");
    expect(judgeSession(active(t0 + 12 * 60 * min + 1), { actor: staff, sessionVersion: 0 }, t0 + 12 * 60 * min + 1, limits)).toBe("expired");
    expect(judgeSession({ sv: 0, seen: t0 }, { actor: applicant, sessionVersion: 0 }, t0, limits)).toBe("expired");
  });

  it("a bumped session version or a missing account revokes the session", () => {
    expect(judgeSession({ sv: 0, seen: t0, started: t0 }, { actor: applicant, sessionVersion: 1 }, t0, limits)).toBe("revoked");
    expect(judgeSession({ sv: 0, seen: t0 }, null, t0, limits)).toBe("revoked");
    expect(judgeSession({ seen: t0 }, { actor: applicant, sessionVersion: 0 }, t0, limits)).toBe("revoked");
  });
});
