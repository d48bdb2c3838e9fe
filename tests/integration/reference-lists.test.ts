import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, StaffActor } from "@/lib/auth/roles";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { createReferenceEntry, setCategoryChecklist, updateReferenceEntry } from "@/lib/reference/services/manage-lists";
import { setNumberingPattern } from "@/lib/reference/services/set-numbering-pattern";
import { isReferenceRefused } from "@/lib/reference/refusal";
import { NUMBERED } from "@/lib/reference/numbering-rules";
import { referenceLists } from "@/lib/reference/queries";
import { checklistOf, requiredDocumentsFor } from "@/lib/applications/required-documents";
import { nextApplicationNumber, nextRecommendationNumber } from "@/lib/applications/numbering";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { saveLoanRequest } from "@/lib/applications/services/drafts";
import { saveProfile } from "@/lib/applications/services/save-profile";
import { startRenewal } from "@/lib/applications/services/start-renewal";
import { confirmRecommendation, recommendApplication } from "@/lib/reviews/services/center-review";
import { loanCategories } from "@/lib/applications/queries";
import { profilePageData } from "@/lib/applications/profile-queries";
import { listConfigChanges } from "@/lib/audit/config-queries";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, createStaff, ensureReferenceData, staffActor } from "../support/factories";
import { makeIdNumber, makeMobile } from "../support/ids";

// The reference lists administrators keep on /admin/reference (lib/reference): categories with
// their document checklists, target groups, numbering patterns. Each rule and each bad input on
// PostgreSQL; every refusal leaves the lists and the audit log as they were.

const newCode = () => `T_${uniqueSuffix().toUpperCase()}`.slice(0, 30);
const names = { nameZh: "绿色农业企业", nameEn: "Green agriculture enterprise" };
const FULL = { NEW: ["BUSINESS_LICENCE", "LOAN_USE_PLAN"] as DocumentKind[], RENEWAL: ["LOAN_USE_PLAN"] as DocumentKind[] };

/** Everything a reference change could touch, as one value: a refused change leaves it equal. */
async function state() {
  const [categories, groups, checklist, patterns, events] = await Promise.all([
    db.loanCategory.findMany({ orderBy: { code: "asc" } }),
    db.targetGroup.findMany({ orderBy: { code: "asc" } }),
    db.categoryDocument.findMany({ orderBy: [{ categoryCode: "asc" }, { kind: "asc" }, { documentKind: "asc" }] }),
    db.numberingPattern.findMany({ orderBy: { key: "asc" }, select: { key: true, pattern: true, version: true } }),
    db.auditEvent.count(),
  ]);
  return { categories, groups, checklist, patterns, events };
}

async function problems(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
    return [];
  } catch (e) {
    if (!isReferenceRefused(e)) throw e;
    return e.problems.map((x) => `${x.field}:${x.code}`);
  }
}

let admin: StaffActor;

beforeAll(async () => {
  await ensureReferenceData();
  admin = await staffActor("admin@center.demo");
}, 120_000);

describe("loan categories and target groups", () => {
  it("create a category with its checklist, rename it, deactivate and reactivate it: each change an audit event with before and after", async () => {
    const code = newCode();
    await createReferenceEntry(admin, "category", { code, ...names, checklists: FULL });
    const listed = (await referenceLists(admin)).categories.find((c) => c.code === code);
    expect(listed).toMatchObject({ ...names, active: true, version: 0, checklists: { NEW: ["BUSINESS_LICENCE", "LOAN_USE_PLAN"], RENEWAL: ["LOAN_USE_PLAN"] } });

    await updateReferenceEntry(admin, "category", { code, version: 0, names: { nameZh: "绿色农业", nameEn: "Green agriculture" } });
    await updateReferenceEntry(admin, "category", { code, version: 1, active: false });
    await updateReferenceEntry(admin, "category", { code, version: 2, active: true });
    expect(await db.loanCategory.findUniqueOrThrow({ where: { code } })).toMatchObject({ nameZh: "绿色农业", active: true, version: 3 });

    const events = await db.auditEvent.findMany({ where: { entityType: "LoanCategory", entityId: code }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["category.created", "category.renamed", "category.deactivated", "category.reactivated"]);
    expect(events[0]!.actorId).toBe(admin.userId);
    expect(events[1]!.data).toMatchObject({ before: { nameZh: "绿色农业企业" }, after: { nameZh: "绿色农业" } });
    expect(events[2]!.data).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it("refuses a code that exists (active or not), a malformed code, empty names and an empty checklist: nothing changed", async () => {
    const before = await state();
    expect(await code(createReferenceEntry(admin, "category", { code: "SMALL_MICRO", ...names, checklists: FULL }))).toBe("DUPLICATE");
    expect(await problems(createReferenceEntry(admin, "category", { code: "SMALL_MICRO", ...names, checklists: FULL }))).toEqual(["code:CODE_TAKEN"]);
    expect(await code(createReferenceEntry(admin, "targetGroup", { code: "GRADUATE", ...names }))).toBe("DUPLICATE");
    expect(await problems(createReferenceEntry(admin, "category", { code: "small micro", ...names, checklists: FULL }))).toEqual(["code:CODE_FORMAT"]);
    expect(await problems(createReferenceEntry(admin, "targetGroup", { code: newCode(), nameZh: " ", nameEn: "x".repeat(61) }))).toEqual(["nameZh:NAME", "nameEn:NAME"]);
    expect(await problems(createReferenceEntry(admin, "category", { code: newCode(), ...names, checklists: { NEW: [], RENEWAL: ["LOAN_USE_PLAN"] } }))).toEqual(["checklistNEW:EMPTY_CHECKLIST"]);
    expect(await problems(setCategoryChecklist(admin, { code: "SMALL_MICRO", version: 0, checklists: { NEW: ["BUSINESS_LICENCE"], RENEWAL: [] } }))).toEqual(["checklistRENEWAL:EMPTY_CHECKLIST"]);
    expect(await problems(updateReferenceEntry(admin, "category", { code: "SMALL_MICRO", version: 0, names: { nameZh: "", nameEn: "Small" } }))).toEqual(["nameZh:NAME"]);
    expect(await code(updateReferenceEntry(admin, "targetGroup", { code: "NO_SUCH_GROUP", version: 0, active: false }))).toBe("NOT_FOUND");
    expect(await state()).toEqual(before);
  });

  it("a change made on a stale view is refused, nothing changed", async () => {
    const code_ = newCode();
    await createReferenceEntry(admin, "targetGroup", { code: code_, ...names });
    await updateReferenceEntry(admin, "targetGroup", { code: code_, version: 0, names: { nameZh: "新名称", nameEn: "New name" } });
    const before = await state();
    expect(await code(updateReferenceEntry(admin, "targetGroup", { code: code_, version: 0, active: false }))).toBe("CONFLICT");
    expect(await code(updateReferenceEntry(admin, "targetGroup", { code: code_, version: 0, names: { nameZh: "旧视图", nameEn: "Stale" } }))).toBe("CONFLICT");
    expect(await state()).toEqual(before);
  });

  itOnPostgres("two administrators changing one category's checklist at once: exactly one lands", async () => {
    const second = await createStaff("BJZGHZ", "PROGRAM_ADMIN");
    const c = newCode();
    await createReferenceEntry(admin, "category", { code: c, ...names, checklists: FULL });
    const results = await Promise.all([
      code(setCategoryChecklist(admin, { code: c, version: 0, checklists: { NEW: ["BUSINESS_LICENCE"], RENEWAL: ["LOAN_USE_PLAN"] } })),
      code(setCategoryChecklist(second, { code: c, version: 0, checklists: { NEW: ["UNION_PROOF"], RENEWAL: ["UNION_PROOF"] } })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await db.auditEvent.count({ where: { entityId: c, action: "category.checklist_changed" } })).toBe(1);
    expect(await db.categoryDocument.count({ where: { categoryCode: c } })).toBe(2);
  });

  it("an inactive category is not offered to new drafts; a draft that holds it keeps it", async () => {
    const c = newCode();
    await createReferenceEntry(admin, "category", { code: c, ...names, checklists: FULL });
    const applicant = await createApplicant();
    const holding = await createReadyDraft(applicant);
    await db.loanApplication.update({ where: { id: holding.id }, data: { categoryCode: c } });
    const other = await createReadyDraft(await createApplicant());
    await updateReferenceEntry(admin, "category", { code: c, version: 0, active: false });

    expect((await loanCategories()).map((x) => x.code)).not.toContain(c);
    expect((await loanCategories(c)).map((x) => x.code)).toContain(c);
    const request = { amountYuan: 300_000n * 100n, termMonths: 12, purpose: "采购设备", repaymentSource: "经营收入" };
    const otherOwner = { kind: "APPLICANT" as const, userId: other.applicantId, role: "APPLICANT" as const, displayName: "x" };
    expect(await code(saveLoanRequest(otherOwner, { applicationId: other.id, categoryCode: c, ...request }))).toBe("VALIDATION");
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: other.id } })).categoryCode).toBe("SMALL_MICRO");
    expect(await code(saveLoanRequest(applicant, { applicationId: holding.id, categoryCode: c, ...request }))).toBe("OK");
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: holding.id } })).categoryCode).toBe(c);
  });

  it("a renewal takes the earlier loan's category only while it is still offered", async () => {
    const c = newCode();
    await createReferenceEntry(admin, "category", { code: c, ...names, checklists: FULL });
    const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
    const settledLoan = async (applicant: Actor) => {
      const earlier = await createReadyDraft(applicant);
      await db.loanApplication.update({ where: { id: earlier.id }, data: { status: "SETTLED", categoryCode: c } });
      return db.loan.create({
        data: { applicationId: earlier.id, enterpriseId: earlier.enterpriseId, bankOrgId: bank.id, contractNo: `C-${earlier.id}`, principalFen: 30_000_000n,
          annualRateMicros: 38_500, lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "SETTLED" },
      });
    };
    const [first, second] = [await createApplicant(), await createApplicant()];
    const [loanA, loanB] = [await settledLoan(first), await settledLoan(second)];
    const renewed = await startRenewal(first, loanA.id);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: renewed.applicationId } })).categoryCode).toBe(c);
    await updateReferenceEntry(admin, "category", { code: c, version: 0, active: false });
    const later = await startRenewal(second, loanB.id);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: later.applicationId } })).categoryCode).toBeNull();
  });

  it("an inactive target group is not offered to profiles; a profile that holds it keeps it", async () => {
    const g = newCode();
    await createReferenceEntry(admin, "targetGroup", { code: g, ...names });
    const holder = await createApplicant();
    const stranger = await createApplicant();
    const profileOf = async (a: Actor) => {
      const { profile } = await profilePageData(a);
      return { ...profile, idNumber: profile.idNumber || makeIdNumber(), mobile: profile.mobile || makeMobile() };
    };
    expect(await code(saveProfile(holder, { ...(await profileOf(holder)), targetGroupCode: g }))).toBe("OK");
    await updateReferenceEntry(admin, "targetGroup", { code: g, version: 0, active: false });

    expect((await profilePageData(stranger)).groups.map((x) => x.code)).not.toContain(g);
    expect((await profilePageData(holder)).groups.map((x) => x.code)).toContain(g);
    expect(await code(saveProfile(stranger, { ...(await profileOf(stranger)), targetGroupCode: g }))).toBe("VALIDATION");
    expect(await code(saveProfile(holder, { ...(await profileOf(holder)), unionName: "新工会", targetGroupCode: g }))).toBe("OK");
    expect((await db.applicantProfile.findUniqueOrThrow({ where: { userId: holder.userId } })).targetGroupCode).toBe(g);
  });
});

describe("the document checklist per category", () => {
  it("a new draft of a category requires its checklist; a submitted case keeps the one it was submitted with; a waiver still takes a document off", async () => {
    const c = newCode();
    await createReferenceEntry(admin, "category", { code: c, ...names, checklists: { NEW: ["BUSINESS_LICENCE", "LOAN_USE_PLAN"], RENEWAL: ["LOAN_USE_PLAN"] } });
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await db.loanApplication.update({ where: { id: draft.id }, data: { categoryCode: c } });
    await db.document.deleteMany({ where: { applicationId: draft.id, kind: { not: "BUSINESS_LICENCE" } } });
    expect(await checklistOf(draft.id, "NEW")).toEqual(["BUSINESS_LICENCE", "LOAN_USE_PLAN"]);
    // Only the licence is there: the category's loan-use plan is missing.
    expect(await code(submitApplication(applicant, draft.id, 0))).toBe("INELIGIBLE");

    await setCategoryChecklist(admin, { code: c, version: 0, checklists: { NEW: ["BUSINESS_LICENCE"], RENEWAL: ["LOAN_USE_PLAN"] } });
    expect(await checklistOf(draft.id, "NEW")).toEqual(["BUSINESS_LICENCE"]);
    expect(await submitApplication(applicant, draft.id, 0)).toMatchObject({ status: "CENTER_REVIEW" });
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).requiredDocuments).toEqual(["BUSINESS_LICENCE"]);

    // The checklist grows: drafts of the category need more, the submitted case does not.
    await setCategoryChecklist(admin, { code: c, version: 1, checklists: { NEW: ["BUSINESS_LICENCE", "ID_CARD_FRONT"], RENEWAL: ["LOAN_USE_PLAN"] } });
    expect(await requiredDocumentsFor(draft.id, "NEW")).toEqual(["BUSINESS_LICENCE"]);
    const next = await createReadyDraft(await createApplicant());
    await db.loanApplication.update({ where: { id: next.id }, data: { categoryCode: c } });
    expect(await requiredDocumentsFor(next.id, "NEW")).toEqual(["BUSINESS_LICENCE", "ID_CARD_FRONT"]);

    // An approved, unexpired 一企一策 waiver takes a document off the draft's list.
    await db.policyException.create({
      data: { enterpriseId: next.enterpriseId, applicationId: next.id, type: "DOCUMENT_WAIVED", reason: "补办中", status: "APPROVED", documentKind: "ID_CARD_FRONT",
        requestedById: admin.userId, decidedById: admin.userId, decidedAt: new Date(), expiresOn: new Date("2999-12-31T00:00:00Z") },
    });
    expect(await requiredDocumentsFor(next.id, "NEW")).toEqual(["BUSINESS_LICENCE"]);

    const changed = await db.auditEvent.findFirstOrThrow({ where: { entityId: c, action: "category.checklist_changed" }, orderBy: { id: "desc" } });
    expect(changed.data).toMatchObject({ before: { NEW: ["BUSINESS_LICENCE"] }, after: { NEW: ["BUSINESS_LICENCE", "ID_CARD_FRONT"] } });
  });
});

describe("numbering patterns", () => {
  afterAll(async () => {
    // Later files in this database expect the default numbers.
    for (const [key, n] of Object.entries(NUMBERED)) await db.numberingPattern.updateMany({ where: { key }, data: { pattern: n.defaultPattern } });
  });

  it("a new pattern makes the next numbers, with a preview; numbers already issued never change; the change is an audit event", async () => {
    const applicant = await createApplicant();
    const earlier = await db.$transaction((tx) => nextApplicationNumber(tx));
    expect(earlier).toMatch(/^SQ-\d{4}-\d{4,}$/);
    const issued = await createReadyDraft(applicant);

    const { version } = (await referenceLists(admin)).numbering.find((n) => n.thing === "APPLICATION")!;
    await setNumberingPattern(admin, { thing: "APPLICATION", pattern: "AP{YYYY}N{SEQ:6}", version });
    const preview = (await referenceLists(admin)).numbering.find((n) => n.thing === "APPLICATION")!;
    expect(preview.pattern).toBe("AP{YYYY}N{SEQ:6}");
    const next = await db.$transaction((tx) => nextApplicationNumber(tx));
    expect(next).toBe(preview.next);
    expect(next).toMatch(/^AP\d{4}N\d{6}$/);
    // The year's counter carries on from the earlier pattern's numbers.
    expect(Number(next.slice(-6))).toBe(Number(earlier.split("-")[2]) + 1);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: issued.id } })).number).toBe(issued.number);

    const letter = await db.numberingPattern.findUniqueOrThrow({ where: { key: "RECOMMENDATION_LETTER" } });
    const first = await db.$transaction((tx) => nextRecommendationNumber(tx, issued.number));
    expect(first).toBe(`TJ-${issued.number}`);
    await setNumberingPattern(admin, { thing: "RECOMMENDATION_LETTER", pattern: "TJ{YYYY}-{SEQ:3}", version: letter.version });
    expect(await db.$transaction((tx) => nextRecommendationNumber(tx, issued.number))).toMatch(/^TJ\d{4}-\d{3}$/);

    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "NumberingPattern", entityId: "APPLICATION" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "numbering.pattern_changed", actorId: admin.userId, data: { before: { pattern: "SQ-{YYYY}-{SEQ:4}" }, after: { pattern: "AP{YYYY}N{SEQ:6}" } } });
  });

  it("the recommendation letter is numbered when the centre confirms, under the pattern then in force, and keeps its number", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const reviewer = await staffActor("reviewer@center.demo");
    const approver = await staffActor("approver@center.demo");
    await recommendApplication(reviewer, { applicationId: draft.id, version: 1, comment: "符合条件", checklist: { member: true, targetGroup: true, documents: true } });
    const letter = await db.numberingPattern.findUniqueOrThrow({ where: { key: "RECOMMENDATION_LETTER" } });
    await setNumberingPattern(admin, { thing: "RECOMMENDATION_LETTER", pattern: "XT{YYYY}-{SEQ:4}", version: letter.version });
    const guarantorOrgId = (await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } })).id;
    await confirmRecommendation(approver, { applicationId: draft.id, version: 2, comment: "复核同意", guarantorOrgId });
    const issued = (await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).recommendationNo;
    expect(issued).toMatch(/^XT\d{4}-\d{4}$/);
    await setNumberingPattern(admin, { thing: "RECOMMENDATION_LETTER", pattern: "TJ-{APP}", version: letter.version + 1 });
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).recommendationNo).toBe(issued);
  });

  it("refuses a pattern without a sequence or year, with other characters, unknown or repeated tokens, too long, and a stale view: nothing changed", async () => {
    const before = await state();
    const { version } = before.patterns.find((p) => p.key === "APPLICATION")!;
    const bad = async (pattern: string, thing: "APPLICATION" | "RECOMMENDATION_LETTER" = "APPLICATION") =>
      problems(setNumberingPattern(admin, { thing, pattern, version: thing === "APPLICATION" ? version : before.patterns.find((p) => p.key === thing)!.version }));
    expect(await bad("")).toEqual(["pattern:EMPTY"]);
    expect(await bad("SQ-{YYYY}")).toEqual(["pattern:NO_SEQUENCE"]);
    expect(await bad("SQ-{SEQ:4}")).toEqual(["pattern:NO_YEAR"]);
    expect(await bad("SQ {YYYY}{SEQ:4}")).toEqual(["pattern:CHARACTERS"]);
    expect(await bad("申请{YYYY}{SEQ:4}")).toEqual(["pattern:CHARACTERS"]);
    expect(await bad("SQ-{YYYY}-{SEQ:4}-{MM}")).toEqual(["pattern:UNKNOWN_TOKEN"]);
    expect(await bad("SQ-{YYYY}-{APP}")).toEqual(["pattern:UNKNOWN_TOKEN"]);
    expect(await bad("{YYYY}{YYYY}{SEQ:4}")).toEqual(["pattern:TWICE"]);
    expect(await bad("{YYYY}{SEQ:9}")).toEqual(["pattern:SEQ_WIDTH"]);
    expect(await bad(`${"X".repeat(30)}{YYYY}{SEQ:4}`)).toEqual(["pattern:TOO_LONG"]);
    expect(await bad("TJ-{SEQ:3}", "RECOMMENDATION_LETTER")).toEqual(["pattern:NO_YEAR"]);
    expect(await code(setNumberingPattern(admin, { thing: "APPLICATION", pattern: "N{YYYY}{SEQ:4}", version: version + 5 }))).toBe("CONFLICT");
    expect(await state()).toEqual(before);
  });
});

describe("who may change the reference lists", () => {
  it("only a programme administrator: every other role and an applicant are refused, nothing changed", async () => {
    const others: Actor[] = [
      await createApplicant(),
      ...(await Promise.all(["reviewer@center.demo", "approver@center.demo", "auditor@center.demo", "officer@guarantor.demo", "officer@bank.demo", "agent@district.demo"].map(staffActor))),
    ];
    const before = await state();
    for (const actor of others) {
      const calls = [
        createReferenceEntry(actor, "category", { code: newCode(), ...names, checklists: FULL }),
        createReferenceEntry(actor, "targetGroup", { code: newCode(), ...names }),
        updateReferenceEntry(actor, "category", { code: "SMALL_MICRO", version: 0, active: false }),
        updateReferenceEntry(actor, "targetGroup", { code: "GRADUATE", version: 0, names }),
        setCategoryChecklist(actor, { code: "SMALL_MICRO", version: 0, checklists: FULL }),
        setNumberingPattern(actor, { thing: "APPLICATION", pattern: "X{YYYY}{SEQ:4}", version: 0 }),
        referenceLists(actor),
      ];
      for (const call of calls) expect(await code(call), actor.role).toBe("NOT_FOUND");
    }
    expect(await state()).toEqual(before);
  });

  it("the configuration audit view lists the reference changes under their kind, with before and after", async () => {
    const c = newCode();
    await createReferenceEntry(admin, "category", { code: c, ...names, checklists: FULL });
    await setCategoryChecklist(admin, { code: c, version: 0, checklists: { NEW: ["UNION_PROOF"], RENEWAL: ["UNION_PROOF"] } });
    const auditor = await staffActor("auditor@center.demo");
    const page = await listConfigChanges(auditor, { filters: { kind: "reference" } });
    const rows = page.rows.filter((r) => r.subject === `LoanCategory ${c}`);
    expect(rows.map((r) => r.action)).toEqual(["category.checklist_changed", "category.created"]);
    expect(rows.every((r) => r.kind === "reference")).toBe(true);
    expect(rows[0]!.before).toContain("BUSINESS_LICENCE");
    expect(rows[0]!.after).toContain("UNION_PROOF");
  });
});
