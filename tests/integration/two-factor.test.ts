import { describe, expect, it } from "vitest";
import { confirmTwoFactor, startTwoFactor } from "@/lib/auth/services/two-factor";
import { twoFactorState } from "@/lib/auth/two-factor-queries";
import { verifySecondFactor } from "@/lib/auth/second-factor";
import { loadSessionState } from "@/lib/auth/session-state";
import { totpCode } from "@/lib/auth/two-factor";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres } from "../support/db";
import { createStaff } from "../support/factories";

const STEP = 30_000;

async function enrolled() {
  const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
  await startTwoFactor(staff);
  const state = await twoFactorState(staff);
  if (state.status !== "pending") throw new Error("expected a pending secret");
  const now = Date.now();
  const { recoveryCodes } = await confirmTwoFactor(staff, totpCode(state.secret, now), now);
  return { staff, secret: state.secret, recoveryCodes, now };
}

describe("two-factor sign-in for staff", () => {
  it("is set up with a first code from the app: until then staff count as lacking it; afterwards ten recovery codes", async () => {
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    expect((await loadSessionState(staff.userId))!.actor).toMatchObject({ twoFactorMissing: true });
    await startTwoFactor(staff);
    const pending = await twoFactorState(staff);
    expect(pending).toMatchObject({ status: "pending", qrSvgDataUrl: expect.stringMatching(/^data:image\/svg\+xml;base64,/) });
    expect(await code(confirmTwoFactor(staff, "000000"))).toBe("VALIDATION");
    expect((await twoFactorState(staff)).status).toBe("pending");

    const { recoveryCodes } = await confirmTwoFactor(staff, totpCode((pending as { secret: string }).secret));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await twoFactorState(staff)).toMatchObject({ status: "on", recoveryCodesLeft: 10 });
    expect((await loadSessionState(staff.userId))!.actor).not.toHaveProperty("twoFactorMissing");
    // Only hashes are stored.
    const stored = await db.recoveryCode.findMany({ where: { userId: staff.userId } });
    expect(stored.some((r) => recoveryCodes.includes(r.codeHash))).toBe(false);
    expect(await code(startTwoFactor(staff))).toBe("CONFLICT");
  });

  it("a code works once (no replay within its time step); the next step's code works; a wrong one never does", async () => {
    const { staff, secret, now } = await enrolled();
    expect(await verifySecondFactor(staff.userId, totpCode(secret, now), now)).toBe(false);
    expect(await verifySecondFactor(staff.userId, totpCode(secret, now + STEP), now + STEP)).toBe(true);
    expect(await verifySecondFactor(staff.userId, totpCode(secret, now + STEP), now + STEP)).toBe(false);
    expect(await verifySecondFactor(staff.userId, "123456", now + 2 * STEP)).toBe(totpCode(secret, now + 2 * STEP) === "123456");
    expect(await verifySecondFactor(staff.userId, totpCode(secret, now + 10 * STEP), now + 2 * STEP)).toBe(false);
  });

  it("a recovery code stands in for the app once", async () => {
    const { staff, recoveryCodes } = await enrolled();
    expect(await verifySecondFactor(staff.userId, recoveryCodes[3]!.toUpperCase())).toBe(true);
    expect(await verifySecondFactor(staff.userId, recoveryCodes[3]!)).toBe(false);
    expect(await twoFactorState(staff)).toMatchObject({ status: "on", recoveryCodesLeft: 9 });
    const other = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    expect(await verifySecondFactor(other.userId, recoveryCodes[4]!)).toBe(false);
  });

  itOnPostgres("the same code sent twice at the same moment signs in once", async () => {
    const { staff, recoveryCodes, secret, now } = await enrolled();
    const next = totpCode(secret, now + STEP);
    const results = await Promise.all([verifySecondFactor(staff.userId, next, now + STEP), verifySecondFactor(staff.userId, next, now + STEP)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const spent = await Promise.all([verifySecondFactor(staff.userId, recoveryCodes[0]!), verifySecondFactor(staff.userId, recoveryCodes[0]!)]);
    expect(spent.filter(Boolean)).toHaveLength(1);
  });
});
