import { afterAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { createPrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { db } from "../support/db";
import { createApplicant } from "../support/factories";

// A database restart must not sign anyone out. Auth.js deletes the session cookie of a request
// whose session check threw, and the check reads the account: before the fix, every signed-in
// person who made a request while PostgreSQL restarted lost their session for good (the fault
// run, `npm run bench:faults`, saw all of them signed out). Here the account is read through a
// database that does not answer, and the real Auth.js session route is asked.

process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-bytes-long";
const unreachable = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/nowhere" }).prisma;
let databaseDown = false;
vi.mock("@/lib/auth/session-state", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session-state")>();
  return { ...real, loadSessionState: (userId: string) => real.loadSessionState(userId, databaseDown ? unreachable : undefined) };
});
const { handlers } = await import("@/lib/auth/config");
const { renewSessionToken } = await import("@/lib/auth/session-renewal");
afterAll(() => unreachable.$disconnect().catch(() => undefined));

const COOKIE = "authjs.session-token";
const LIMITS = { applicant: 30, staff: 10, maxHours: 12 };

async function sessionCookie(actor: Actor, seenAgoMs = 60_000): Promise<string> {
  const now = Date.now();
  const token = { uid: actor.userId, sv: 0, seen: now - seenAgoMs, started: now - 3_600_000, actor };
  return encode({ token, secret: process.env.AUTH_SECRET!, salt: COOKIE, maxAge: 12 * 3600 });
}

async function askSession(cookie: string) {
  const res = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${COOKIE}=${cookie}` } }));
  const setCookies = res.headers.getSetCookie().filter((c) => c.startsWith(`${COOKIE}=`));
  const deleted = setCookies.some((c) => /^[^=]+=;|max-age=0|expires=thu, 01 jan 1970/i.test(c));
  return { session: (await res.json()) as { actor?: Actor; unverified?: true } | null, deleted, renewed: setCookies.length > 0 && !deleted };
}

describe("a session while the database restarts", () => {
  it("is kept (not renewed, not ended) while the account cannot be read, and checked again once it can", async () => {
    const applicant = await createApplicant();
    const cookie = await sessionCookie(applicant);

    databaseDown = true;
    const during = await askSession(cookie);
    expect(during.deleted, "the session cookie was deleted: the person is signed out").toBe(false);
    expect(during.session?.actor).toBeUndefined();
    expect(during.session?.unverified).toBe(true);

    databaseDown = false;
    const after = await askSession(cookie);
    expect(after.deleted).toBe(false);
    expect(after.session?.actor?.userId).toBe(applicant.userId);
    expect(after.session?.unverified).toBeUndefined();
  });

  it("still ends when it would have ended anyway: idle too long, or revoked once the account is read again", async () => {
    const applicant = await createApplicant();
    databaseDown = true;
    expect((await askSession(await sessionCookie(applicant, 31 * 60_000))).deleted).toBe(true);

    const cookie = await sessionCookie(applicant);
    expect((await askSession(cookie)).session?.unverified).toBe(true);
    databaseDown = false;
    await db.user.update({ where: { id: applicant.userId }, data: { sessionVersion: { increment: 1 } } });
    const after = await askSession(cookie);
    expect(after.deleted).toBe(true);
    expect(after.session).toBeNull();
  });

  it("a failure that is not the database's is not taken for one", async () => {
    const applicant = await createApplicant();
    const token = { uid: applicant.userId, sv: 0, seen: Date.now(), started: Date.now(), actor: applicant };
    await expect(renewSessionToken(token, Date.now(), LIMITS, async () => { throw new TypeError("a bug"); })).rejects.toThrow("a bug");
  });
});
