import { describe, expect, it } from "vitest";
import { createOrganisation, updateOrganisation } from "@/lib/organisations/services/manage-organisation";
import { inviteStaff } from "@/lib/organisations/services/invite-staff";
import { routingTargets } from "@/lib/reviews/queries";
import { partnerForCase } from "@/lib/routing/services/route-case";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { createStaff, staffActor } from "../support/factories";

const newCode = () => `T${uniqueSuffix()}`.toUpperCase().slice(0, 20);
const load = (id: string) => db.organisation.findUniqueOrThrow({ where: { id } });

describe("administrators keep the organisations", () => {
  it("create a bank, rename it, disable it: it leaves the routing choices and takes no staff; every change on record", async () => {
    const admin = await staffActor("admin@center.demo");
    const { id } = await createOrganisation(admin, { code: newCode(), type: "BANK", nameZh: "北京测试银行", nameEn: "Test Bank of Beijing" });
    expect((await routingTargets(null)).banks.some((b) => b.id === id)).toBe(true);

    await updateOrganisation(admin, { organisationId: id, version: 0, names: { nameZh: "北京测试银行股份有限公司", nameEn: "Test Bank" } });
    expect(await load(id)).toMatchObject({ nameZh: "北京测试银行股份有限公司", version: 1, disabledAt: null });
    // A change made on what is now a stale view is refused.
    expect(await code(updateOrganisation(admin, { organisationId: id, version: 0, disabled: true }))).toBe("CONFLICT");

    await updateOrganisation(admin, { organisationId: id, version: 1, disabled: true });
    expect((await routingTargets(null)).banks.some((b) => b.id === id)).toBe(false);
    expect(await code(partnerForCase("BANK", { intakeOrgId: null }, id))).toBe("VALIDATION");
    expect(await code(inviteStaff(admin, { email: `x-${uniqueSuffix()}@bank.example`, displayName: "新员工", organisationId: id, role: "BANK_OFFICER" }, "https://portal.example"))).toBe("VALIDATION");
    await updateOrganisation(admin, { organisationId: id, version: 2, disabled: false });
    expect(await code(partnerForCase("BANK", { intakeOrgId: null }, id))).toBe("OK");

    const actions = (await db.auditEvent.findMany({ where: { entityType: "Organisation", entityId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["organisation.created", "organisation.renamed", "organisation.disabled", "organisation.enabled"]);
    const renamed = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "organisation.renamed" } });
    expect(renamed.data).toMatchObject({ before: { nameZh: "北京测试银行" }, after: { nameZh: "北京测试银行股份有限公司" } });
  });

  it("refuses a taken code, disabling the support centre, and anyone but an administrator", async () => {
    const admin = await staffActor("admin@center.demo");
    const before = await db.organisation.count();
    expect(await code(createOrganisation(admin, { code: "BJRCB", type: "BANK", nameZh: "重复", nameEn: "Dup" }))).toBe("DUPLICATE");
    expect(await code(createOrganisation(await staffActor("reviewer@center.demo"), { code: newCode(), type: "BANK", nameZh: "越权", nameEn: "No" }))).toBe("NOT_FOUND");
    const centre = await db.organisation.findUniqueOrThrow({ where: { code: "BJZGHZ" } });
    expect(await code(updateOrganisation(admin, { organisationId: centre.id, version: centre.version, disabled: true }))).toBe("FORBIDDEN");
    expect(await db.organisation.count()).toBe(before);
    expect((await load(centre.id)).disabledAt).toBeNull();
  });

  itOnPostgres("two administrators editing one organisation at once: one change lands, the other is told to refresh", async () => {
    const [a, b] = [await staffActor("admin@center.demo"), await createStaff("BJZGHZ", "PROGRAM_ADMIN")];
    const { id } = await createOrganisation(a, { code: newCode(), type: "DISTRICT_UNION", nameZh: "海淀区总工会代办处", nameEn: "Haidian" });
    const results = await Promise.all([
      code(updateOrganisation(a, { organisationId: id, version: 0, names: { nameZh: "海淀区总工会", nameEn: "Haidian DU" } })),
      code(updateOrganisation(b, { organisationId: id, version: 0, disabled: true })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect((await load(id)).version).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: { not: "organisation.created" } } })).toBe(1);
  });
});
