import { describe, expect, it } from "vitest";
import { issuePasswordLink, setPasswordWithLink } from "@/lib/auth/services/password-links";
import { verifyPassword } from "@/lib/auth/password";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres } from "../support/db";
import { createStaff } from "../support/factories";

const link = (userId: string, now?: Date) => db.$transaction((tx) => issuePasswordLink(tx, userId, "INVITATION", now));
const passwordOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;

describe("one-time password links", () => {
  it("set the password once, end every session, and leave an audit event", async () => {
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const token = await link(staff.userId);
    const before = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });
    await setPasswordWithLink(token, "Chosen2026pass");
    const after = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });
    expect(await verifyPassword(after.passwordHash, "Chosen2026pass")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await db.auditEvent.count({ where: { entityId: staff.userId, action: "user.password_set" } })).toBe(1);

    expect(await code(setPasswordWithLink(token, "Another2026pass"))).toBe("NOT_FOUND");
    expect(await verifyPassword(await passwordOf(staff.userId), "Chosen2026pass")).toBe(true);
  });

  it("refuse an expired link, an unknown one, and one a newer link replaced", async () => {
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const old = await link(staff.userId, new Date(Date.now() - 73 * 3600_000));
    expect(await code(setPasswordWithLink(old, "Chosen2026pass"))).toBe("NOT_FOUND");
    const first = await link(staff.userId);
    const second = await link(staff.userId);
    expect(await code(setPasswordWithLink(first, "Chosen2026pass"))).toBe("NOT_FOUND");
    expect(await code(setPasswordWithLink("x".repeat(43), "Chosen2026pass"))).toBe("NOT_FOUND");
    const unchanged = await passwordOf(staff.userId);
    await setPasswordWithLink(second, "Chosen2026pass");
    expect(await passwordOf(staff.userId)).not.toBe(unchanged);
  });

  itOnPostgres("used twice at the same moment, exactly one use succeeds", async () => {
    for (let round = 0; round < 5; round += 1) {
      const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
      const token = await link(staff.userId);
      const results = await Promise.allSettled([setPasswordWithLink(token, "First2026pass"), setPasswordWithLink(token, "Second2026pass")]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.auditEvent.count({ where: { entityId: staff.userId, action: "user.password_set" } })).toBe(1);
    }
  });
});

describe("changing one's own password", () => {
  it("needs the current password; then every session ends and the change is on record", async () => {
    const { changePassword } = await import("@/lib/auth/services/change-password");
    const { hashPassword } = await import("@/lib/auth/password");
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    await db.user.update({ where: { id: staff.userId }, data: { passwordHash: await hashPassword("Current2026pass") } });
    const before = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });

    expect(await code(changePassword(staff, { currentPassword: "Wrong2026pass", password: "Next2026pass" }))).toBe("VALIDATION");
    expect(await db.user.findUniqueOrThrow({ where: { id: staff.userId } })).toEqual(before);

    await changePassword(staff, { currentPassword: "Current2026pass", password: "Next2026pass" });
    const after = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });
    expect(await verifyPassword(after.passwordHash, "Next2026pass")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await db.auditEvent.count({ where: { entityId: staff.userId, action: "user.password_changed" } })).toBe(1);
  });
});

describe("forgotten passwords", () => {
  it("a known address gets one reset link per five minutes; an unknown or disabled one leaves no trace", async () => {
    const { requestPasswordReset } = await import("@/lib/auth/services/request-password-reset");
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const address = (await db.user.findUniqueOrThrow({ where: { id: staff.userId } })).email!;
    const traces = async () => [await db.passwordToken.count(), await db.outboxEmail.count(), await db.auditEvent.count()];

    await requestPasswordReset(address.toUpperCase(), "https://portal.example");
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: address }, orderBy: { createdAt: "desc" } });
    const token = /https:\/\/portal\.example\/set-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    expect(token).toBeTruthy();

    const after = await traces();
    await requestPasswordReset(address, "https://portal.example");
    await requestPasswordReset("nobody-here@example.org", "https://portal.example");
    const disabled = await createStaff("BJZGHZ", "AUDITOR");
    await db.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    const beforeDisabled = await traces();
    await requestPasswordReset((await db.user.findUniqueOrThrow({ where: { id: disabled.userId } })).email!, "https://portal.example");
    expect(await traces()).toEqual(beforeDisabled);
    expect(beforeDisabled).toEqual(after);

    await setPasswordWithLink(token!, "Reset2026pass");
    expect(await verifyPassword(await passwordOf(staff.userId), "Reset2026pass")).toBe(true);
  });
});
