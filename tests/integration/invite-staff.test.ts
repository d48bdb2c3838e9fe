import { describe, expect, it } from "vitest";
import { inviteStaff } from "@/lib/organisations/services/invite-staff";
import { inviteStaffSchema } from "@/lib/organisations/schemas";
import { setPasswordWithLink } from "@/lib/auth/services/password-links";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { staffActor } from "../support/factories";

const ORIGIN = "https://portal.example";
const orgId = async (code: string) => (await db.organisation.findUniqueOrThrow({ where: { code } })).id;
const email = () => `invitee-${uniqueSuffix()}@bank.example`;

describe("inviting staff", () => {
  it("creates the account in the organisation with its role and mails a one-time link that sets the password", async () => {
    const admin = await staffActor("admin@center.demo");
    const address = email();
    const { userId } = await inviteStaff(admin, { email: address.toUpperCase(), displayName: "周新员", organisationId: await orgId("BJRCB"), role: "BANK_OFFICER" }, ORIGIN);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { membership: true } });
    expect(user).toMatchObject({ email: address, displayName: "周新员", membership: { role: "BANK_OFFICER", organisationId: await orgId("BJRCB") } });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: address } });
    const token = /https:\/\/portal\.example\/set-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    expect(token).toBeTruthy();
    expect(await db.auditEvent.count({ where: { entityId: userId, action: "user.invited", actorId: admin.userId } })).toBe(1);
    await setPasswordWithLink(token!, "Invited2026pass");
    expect(await code(setPasswordWithLink(token!, "Again2026pass"))).toBe("NOT_FOUND");
  });

  it("refuses a role that does not fit the organisation, a taken e-mail, the administrator role and non-administrators; nothing is created", async () => {
    const admin = await staffActor("admin@center.demo");
    const users = await db.user.count();
    const mails = await db.outboxEmail.count();
    const bank = await orgId("BJRCB");
    expect(await code(inviteStaff(admin, { email: email(), displayName: "错配", organisationId: await orgId("CYQZGH"), role: "BANK_OFFICER" }, ORIGIN))).toBe("VALIDATION");
    expect(await code(inviteStaff(admin, { email: "officer@bank.demo", displayName: "重复", organisationId: bank, role: "BANK_OFFICER" }, ORIGIN))).toBe("DUPLICATE");
    expect(await code(inviteStaff(admin, { email: email(), displayName: "管理", organisationId: await orgId("BJZGHZ"), role: "PROGRAM_ADMIN" }, ORIGIN))).toBe("FORBIDDEN");
    expect(await code(inviteStaff(await staffActor("reviewer@center.demo"), { email: email(), displayName: "越权", organisationId: bank, role: "BANK_OFFICER" }, ORIGIN))).toBe("NOT_FOUND");
    expect(await db.user.count()).toBe(users);
    expect(await db.outboxEmail.count()).toBe(mails);
  });

  it("a hotline operator is invited into the support centre only (the form offers every role of ORGANISATION_OF_ROLE)", async () => {
    const admin = await staffActor("admin@center.demo");
    const parsed = inviteStaffSchema.parse({ email: email(), displayName: "冯接线", organisationId: await orgId("BJZGHZ"), role: "HOTLINE_OPERATOR" });
    const { userId } = await inviteStaff(admin, parsed, ORIGIN);
    expect(await db.membership.findUniqueOrThrow({ where: { userId } })).toMatchObject({ role: "HOTLINE_OPERATOR", organisationId: await orgId("BJZGHZ") });
    expect(await code(inviteStaff(admin, { ...parsed, email: email(), organisationId: await orgId("CYQZGH") }, ORIGIN))).toBe("VALIDATION");
    expect(inviteStaffSchema.safeParse({ ...parsed, role: "SWITCHBOARD" }).success).toBe(false);
  });

  itOnPostgres("two invitations of one address at once: one account", async () => {
    const admin = await staffActor("admin@center.demo");
    const address = email();
    const input = { email: address, displayName: "并发", organisationId: await orgId("BJRCB"), role: "BANK_OFFICER" as const };
    const results = await Promise.allSettled([inviteStaff(admin, input, ORIGIN), inviteStaff(admin, input, ORIGIN)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "DUPLICATE" } });
    expect(await db.user.count({ where: { email: address } })).toBe(1);
  });
});
