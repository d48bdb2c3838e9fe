import { describe, expect, it } from "vitest";
import { forcePasswordReset, unlockAccount } from "@/lib/organisations/services/account-access";
import { isThrottled, LIMITS, recordFailedSignIn } from "@/lib/auth/sign-in-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { setPasswordWithLink } from "@/lib/auth/services/password-links";
import { outcome as code } from "../support/outcome";
import { db } from "../support/db";
import { createStaff, staffActor } from "../support/factories";

describe("administrators unlock accounts and force password resets", () => {
  it("unlock forgets the failures counted against the account, from every address", async () => {
    const admin = await staffActor("admin@center.demo");
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const email = (await db.user.findUniqueOrThrow({ where: { id: staff.userId } })).email!;
    for (let i = 0; i < LIMITS.pair; i += 1) await recordFailedSignIn(email, "203.0.113.50");
    expect(await isThrottled(email, "203.0.113.50")).toBe(true);
    expect(await code(unlockAccount(await staffActor("reviewer@center.demo"), staff.userId))).toBe("NOT_FOUND");
    expect(await unlockAccount(admin, staff.userId)).toBe(2);
    expect(await isThrottled(email, "203.0.113.50")).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: staff.userId, action: "user.unlocked", actorId: admin.userId } })).toBe(1);
  });

  it("a forced reset kills the old password and every session, and mails a one-time link", async () => {
    const admin = await staffActor("admin@center.demo");
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    await db.user.update({ where: { id: staff.userId }, data: { passwordHash: await hashPassword("Leaked2026pass") } });
    const before = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });
    expect(await code(forcePasswordReset(admin, admin.userId, "https://portal.example"))).toBe("FORBIDDEN");
    expect(await code(forcePasswordReset(await staffActor("auditor@center.demo"), staff.userId, "https://portal.example"))).toBe("NOT_FOUND");

    await forcePasswordReset(admin, staff.userId, "https://portal.example");
    const after = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });
    expect(await verifyPassword(after.passwordHash, "Leaked2026pass")).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: before.email! }, orderBy: { createdAt: "desc" } });
    const token = /set-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    await setPasswordWithLink(token, "Chosen2026again");
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: staff.userId } })).passwordHash, "Chosen2026again")).toBe(true);
  });
});

describe("changing a staff member's role", () => {
  it("within the organisation's type, never one's own nor the administrator role; the person's sessions end", async () => {
    const { changeRole } = await import("@/lib/organisations/services/account-access");
    const admin = await staffActor("admin@center.demo");
    const staff = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const before = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });
    expect(await code(changeRole(admin, staff.userId, "BANK_OFFICER"))).toBe("VALIDATION");
    expect(await code(changeRole(admin, staff.userId, "PROGRAM_ADMIN"))).toBe("FORBIDDEN");
    expect(await code(changeRole(admin, admin.userId, "AUDITOR"))).toBe("FORBIDDEN");
    expect(await code(changeRole(await staffActor("approver@center.demo"), staff.userId, "CENTER_APPROVER"))).toBe("NOT_FOUND");
    expect((await db.membership.findUniqueOrThrow({ where: { userId: staff.userId } })).role).toBe("CENTER_REVIEWER");

    await changeRole(admin, staff.userId, "CENTER_APPROVER");
    expect((await db.membership.findUniqueOrThrow({ where: { userId: staff.userId } })).role).toBe("CENTER_APPROVER");
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.userId } })).sessionVersion).toBe(before.sessionVersion + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: staff.userId, action: "user.role_changed" } });
    expect(event.data).toEqual({ from: "CENTER_REVIEWER", to: "CENTER_APPROVER" });
  });
});
