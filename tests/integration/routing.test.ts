import { afterAll, describe, expect, it } from "vitest";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { confirmRecommendation, recommendApplication } from "@/lib/reviews/services/center-review";
import { issueGuarantee } from "@/lib/reviews/services/guarantor-review";
import { createOrganisation, updateOrganisation } from "@/lib/organisations/services/manage-organisation";
import { reassignCase } from "@/lib/organisations/services/reassign-case";
import { listOrganisations, organisationDetail } from "@/lib/organisations/queries";
import { setRouting, type RoutingInput } from "@/lib/routing/services/routing-write";
import { routingRule } from "@/lib/routing/queries";
import { routingTargets } from "@/lib/reviews/queries";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, createStaff, staffActor } from "../support/factories";

// Routing rules are programme-wide: every test here leaves both rules as it found them (chosen).
const newCode = () => `R${uniqueSuffix()}`.toUpperCase().slice(0, 20);
const version = async (id: string) => (await db.loanApplication.findUniqueOrThrow({ where: { id } })).version;
const checklist = { member: true, targetGroup: true, documents: true };

async function org(type: "GUARANTOR" | "BANK" | "DISTRICT_UNION", nameZh: string) {
  const admin = await staffActor("admin@center.demo");
  const code = newCode();
  const { id } = await createOrganisation(admin, { code, type, nameZh, nameEn: `${type} ${code}` });
  return { id, code };
}

async function setRule(input: Omit<RoutingInput, "version">) {
  const admin = await staffActor("admin@center.demo");
  await setRouting(admin, { ...input, version: (await routingRule(input.type)).version });
}

const backToChoice = () => Promise.all((["GUARANTOR", "BANK"] as const).map((type) => setRule({ type, mode: "CHOSEN", defaultOrgId: null, districts: {} })));

/** A case waiting at the guarantor stage, taken in by `intakeOrgId` (null: online). */
async function caseAtGuarantor(intakeOrgId: string | null, guarantorOrgId?: string) {
  const applicant = await createApplicant();
  const draft = await createReadyDraft(applicant);
  if (intakeOrgId) await db.loanApplication.update({ where: { id: draft.id }, data: { intakeOrgId, intakeChannel: "DISTRICT_UNION" } });
  await submitApplication(applicant, draft.id, 0);
  await recommendApplication(await staffActor("reviewer@center.demo"), { applicationId: draft.id, version: 1, comment: "符合条件", checklist });
  await confirmRecommendation(await staffActor("approver@center.demo"), { applicationId: draft.id, version: 2, comment: "复核同意", guarantorOrgId });
  return draft.id;
}

const guarantee = async (guarantor: Awaited<ReturnType<typeof staffActor>>, id: string, bankOrgId?: string) =>
  issueGuarantee(guarantor, { applicationId: id, version: await version(id), comment: "同意担保", contractNo: `DB-${uniqueSuffix()}`, guaranteedFen: 10_000_000n, termMonths: 12, bankOrgId });

afterAll(backToChoice);

describe("which guarantee company and bank a case goes to is the administrator's rule", () => {
  it("by district: a district's cases go to its bank, other districts and online cases to the default; what the form sent is not asked", async () => {
    const [district, otherDistrict, bankA, bankB] = [await org("DISTRICT_UNION", "测试区总工会"), await org("DISTRICT_UNION", "另一区总工会"), await org("BANK", "默认测试银行"), await org("BANK", "区属测试银行")];
    const scdb = (await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } })).id;
    await setRule({ type: "BANK", mode: "BY_DISTRICT", defaultOrgId: bankA.id, districts: { [district.id]: bankB.id } });
    try {
      const guarantor = await staffActor("officer@guarantor.demo");
      const [fromDistrict, fromOther, online] = [await caseAtGuarantor(district.id, scdb), await caseAtGuarantor(otherDistrict.id, scdb), await caseAtGuarantor(null, scdb)];
      // The form shows the rule's bank by name, and sends none.
      expect((await routingTargets(district.id)).routes.BANK).toEqual({ by: "rule", name: "区属测试银行" });
      await guarantee(guarantor, fromDistrict);
      await guarantee(guarantor, fromOther, bankB.id);
      await guarantee(guarantor, online);
      const bankOf = async (id: string) => (await db.loanApplication.findUniqueOrThrow({ where: { id } })).bankOrgId;
      expect([await bankOf(fromDistrict), await bankOf(fromOther), await bankOf(online)]).toEqual([bankB.id, bankA.id, bankA.id]);
      // The case reaches that bank's officer.
      const officerB = await createStaff(bankB.code, "BANK_OFFICER");
      const seen = await db.loanApplication.findMany({ where: { bankOrgId: officerB.organisationId }, select: { id: true } });
      expect(seen.map((s) => s.id)).toEqual([fromDistrict]);

      // A partner a rule names cannot be disabled until the rule changes; nothing changes.
      const admin = await staffActor("admin@center.demo");
      const b = await db.organisation.findUniqueOrThrow({ where: { id: bankB.id } });
      expect(await code(updateOrganisation(admin, { organisationId: b.id, version: b.version, disabled: true }))).toBe("VALIDATION");
      expect((await db.organisation.findUniqueOrThrow({ where: { id: bankB.id } })).disabledAt).toBeNull();
    } finally {
      await backToChoice();
    }
  });

  it("default guarantor: the centre's confirmation routes there whatever it chose; with the person choosing again, a choice is required", async () => {
    const g2 = await org("GUARANTOR", "第二测试担保公司");
    const scdb = (await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } })).id;
    await setRule({ type: "GUARANTOR", mode: "DEFAULT", defaultOrgId: g2.id, districts: {} });
    try {
      const id = await caseAtGuarantor(null, scdb);
      expect((await db.loanApplication.findUniqueOrThrow({ where: { id } })).guarantorOrgId).toBe(g2.id);
      // The default guarantor's officer issues the guarantee; the bank is still chosen by them.
      const officer = await createStaff(g2.code, "GUARANTOR_OFFICER");
      expect(await code(guarantee(officer, id))).toBe("VALIDATION");
      const bank = (await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } })).id;
      expect(await code(guarantee(officer, id, bank))).toBe("OK");
    } finally {
      await backToChoice();
    }
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    await recommendApplication(await staffActor("reviewer@center.demo"), { applicationId: draft.id, version: 1, comment: "符合条件", checklist });
    expect(await code(confirmRecommendation(await staffActor("approver@center.demo"), { applicationId: draft.id, version: 2, comment: "复核同意" }))).toBe("VALIDATION");
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("CENTER_REVIEW");
  });

  it("refuses a rule without its default, a partner of the wrong type, a stale view and anyone but an administrator; each change is audited with before and after", async () => {
    const admin = await staffActor("admin@center.demo");
    const bank = await org("BANK", "审计测试银行");
    const guarantorId = (await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } })).id;
    const v = (await routingRule("BANK")).version;
    expect(await code(setRouting(admin, { type: "BANK", mode: "DEFAULT", defaultOrgId: null, districts: {}, version: v }))).toBe("VALIDATION");
    expect(await code(setRouting(admin, { type: "BANK", mode: "DEFAULT", defaultOrgId: guarantorId, districts: {}, version: v }))).toBe("VALIDATION");
    expect(await code(setRouting(admin, { type: "BANK", mode: "BY_DISTRICT", defaultOrgId: bank.id, districts: { [bank.id]: bank.id }, version: v }))).toBe("VALIDATION");
    expect(await code(setRouting(await staffActor("reviewer@center.demo"), { type: "BANK", mode: "DEFAULT", defaultOrgId: bank.id, districts: {}, version: v }))).toBe("NOT_FOUND");
    expect(await code(setRouting(admin, { type: "BANK", mode: "DEFAULT", defaultOrgId: bank.id, districts: {}, version: v + 5 }))).toBe("CONFLICT");
    expect((await routingRule("BANK")).version).toBe(v);

    await setRouting(admin, { type: "BANK", mode: "DEFAULT", defaultOrgId: bank.id, districts: {}, version: v });
    await backToChoice();
    const [toDefault, toChoice] = await db.auditEvent.findMany({ where: { action: "routing.changed", entityId: "BANK" }, orderBy: { id: "desc" }, take: 2 }).then((e) => e.reverse());
    expect(toDefault!.data).toMatchObject({ after: { mode: "DEFAULT", defaultPartner: bank.code } });
    expect(toChoice!.data).toMatchObject({ before: { mode: "DEFAULT", defaultPartner: bank.code }, after: { mode: "CHOSEN", defaultPartner: null } });
  });

  itOnPostgres("two administrators change the bank rule at once: one lands, the other is told to refresh", async () => {
    const [a, b] = [await staffActor("admin@center.demo"), await createStaff("BJZGHZ", "PROGRAM_ADMIN")];
    const bank = await org("BANK", "并发测试银行");
    const v = (await routingRule("BANK")).version;
    const results = await Promise.all([
      code(setRouting(a, { type: "BANK", mode: "DEFAULT", defaultOrgId: bank.id, districts: {}, version: v })),
      code(setRouting(b, { type: "BANK", mode: "CHOSEN", defaultOrgId: null, districts: {}, version: v })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect((await routingRule("BANK")).version).toBe(v + 1);
    await backToChoice();
  });
});

describe("a disabled organisation's open cases are listed and moved", () => {
  it("the administrator moves a disabled guarantee company's case to another; the wrong target is refused", async () => {
    const admin = await staffActor("admin@center.demo");
    const [g1, g2, bank] = [await org("GUARANTOR", "停用测试担保公司"), await org("GUARANTOR", "接手测试担保公司"), await org("BANK", "改派测试银行")];
    const id = await caseAtGuarantor(null, g1.id);
    const assignee = await createStaff(g1.code, "GUARANTOR_OFFICER");
    await db.loanApplication.update({ where: { id }, data: { assigneeId: assignee.userId } });
    await updateOrganisation(admin, { organisationId: g1.id, version: 0, disabled: true });

    expect((await listOrganisations(admin)).find((o) => o.id === g1.id)?.openCases).toBe(1);
    const detail = (await organisationDetail(admin, g1.id))!;
    expect(detail.cases.map((c) => c.id)).toEqual([id]);
    expect(detail.staff.map((s) => s.id)).toEqual([assignee.userId]);
    expect(detail.targets.some((t) => t.id === g2.id) && !detail.targets.some((t) => t.id === g1.id)).toBe(true);
    expect(await organisationDetail(await staffActor("reviewer@center.demo"), g1.id).catch((e) => e.code)).toBe("NOT_FOUND");

    const v = await version(id);
    expect(await code(reassignCase(admin, { fromOrgId: g1.id, applicationId: id, version: v, toOrgId: bank.id }))).toBe("VALIDATION");
    expect(await code(reassignCase(admin, { fromOrgId: g1.id, applicationId: id, version: v - 1, toOrgId: g2.id }))).toBe("CONFLICT");
    expect(await code(reassignCase(await staffActor("reviewer@center.demo"), { fromOrgId: g1.id, applicationId: id, version: v, toOrgId: g2.id }))).toBe("NOT_FOUND");
    await reassignCase(admin, { fromOrgId: g1.id, applicationId: id, version: v, toOrgId: g2.id });
    const moved = await db.loanApplication.findUniqueOrThrow({ where: { id } });
    expect(moved).toMatchObject({ guarantorOrgId: g2.id, assigneeId: null, status: "GUARANTOR_REVIEW", version: v + 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { applicationId: id, action: "application.organisation_reassigned" } });
    expect(event.data).toMatchObject({ before: { guarantorOrgId: g1.code }, after: { guarantorOrgId: g2.code } });
    expect((await organisationDetail(admin, g1.id))!.cases).toEqual([]);
    // The new company's officer takes it on from here.
    const officer = await createStaff(g2.code, "GUARANTOR_OFFICER");
    expect(await code(guarantee(officer, id, bank.id))).toBe("OK");
  });
});
