import { describe, expect, it } from "vitest";
import { endSession, loadSessionState } from "@/lib/auth/session-state";
import { standingActor } from "@/lib/auth/session-renewal";
import { db } from "../support/db";
import { createApplicant, createStaff } from "../support/factories";

const MINUTE = 60_000;

describe("the session check every signed-in request makes", () => {
  it("reads a staff member's account, membership and organisation in one statement's result", async () => {
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const state = await loadSessionState(staff.userId);
    expect(state).toMatchObject({ sessionVersion: 0, actor: { kind: "STAFF", userId: staff.userId, role: "CENTER_REVIEWER", organisationId: staff.organisationId, organisationType: "SUPPORT_CENTER" } });
    const applicant = await createApplicant();
    expect((await loadSessionState(applicant.userId))!.actor).toEqual({ kind: "APPLICANT", userId: applicant.userId, displayName: applicant.displayName, role: "APPLICANT" });
    expect(await loadSessionState("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("stands for a live token and falls for a revoked, idle, too old, disabled or foreign one", async () => {
    const applicant = await createApplicant();
    const now = Date.now();
    const token = { uid: applicant.userId, sv: 0, seen: now - MINUTE, started: now - 60 * MINUTE };
    expect(await standingActor(token, now)).toMatchObject({ userId: applicant.userId, kind: "APPLICANT" });
    expect(await standingActor({ ...token, seen: now - 31 * MINUTE }, now)).toBeNull();
    expect(await standingActor({ ...token, started: now - 13 * 60 * MINUTE }, now)).toBeNull();
    expect(await standingActor({ ...token, uid: "not-a-uuid" }, now)).toBeNull();
    expect(await standingActor({ ...token, uid: undefined }, now)).toBeNull();

    await endSession(applicant.userId);
    expect(await standingActor(token, now)).toBeNull();
    expect(await standingActor({ ...token, sv: 1 }, now)).not.toBeNull();

    await db.user.update({ where: { id: applicant.userId }, data: { disabledAt: new Date() } });
    expect(await standingActor({ ...token, sv: 1 }, now)).toBeNull();
  });
});
