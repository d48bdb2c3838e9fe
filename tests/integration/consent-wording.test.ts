import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { StaffActor } from "@/lib/auth/roles";
import { publishConsentWording } from "@/lib/consents/services/publish-wording";
import { consentStandings, wordingsInForce } from "@/lib/consents/wordings";
import { applicantConsents } from "@/lib/consents/queries";
import { grantConsent, withdrawConsent } from "@/lib/applications/services/consents";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { listConfigChanges } from "@/lib/audit/config-queries";
import { refusal } from "../support/outcome";
import { isIneligible } from "@/lib/applications/eligibility";
import { CONSENT_WORDINGS } from "@/lib/setup/programme-defaults";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, ensureReferenceData, staffActor } from "../support/factories";

// Consent wordings are data: an administrator publishes a version from a day not in the past;
// from that day an applicant whose consent names an earlier version cannot submit until they
// consent again. The new version here takes effect far in the future (other files share this
// database and must keep today's wording); this file's clock is moved to that day.

const FUTURE = "2998-03-02";
const inFuture = () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${FUTURE}T10:00:00+08:00`));
};

let admin: StaffActor;
const text = { textZh: "本人同意按新文本处理个人敏感信息。", textEn: "I agree to the processing under the new wording." };

const unchanged = async () => ({ wordings: await db.consentWording.count(), audits: await db.auditEvent.count({ where: { action: "consent.wording_published" } }) });

describe("consent wording versions", () => {
  beforeAll(async () => {
    await ensureReferenceData();
    admin = await staffActor("admin@center.demo");
  }, 120_000);
  afterEach(() => {
    vi.useRealTimers();
  });

  it("starts from the wordings the existing consents name", async () => {
    const inForce = await wordingsInForce();
    expect(inForce.SENSITIVE_PERSONAL_INFO?.version).toBe("PI-2024-1");
    expect(inForce.CREDIT_REPORT_AUTHORISATION?.version).toBe("CR-2024-1");
    expect(inForce.SENSITIVE_PERSONAL_INFO?.textZh).toContain("个人信息保护法");
    expect(inForce.SENSITIVE_PERSONAL_INFO?.textEn).toContain("Personal Information Protection Law");
    // The migration wrote the same text as the base data (lib/setup/programme-defaults.ts).
    for (const w of CONSENT_WORDINGS) {
      expect(await db.consentWording.findUniqueOrThrow({ where: { version: w.version }, select: { kind: true, textZh: true, textEn: true } }))
        .toEqual({ kind: w.kind, textZh: w.textZh, textEn: w.textEn });
    }
    const applicant = await createApplicant();
    expect(await consentStandings(applicant.userId)).toEqual({ SENSITIVE_PERSONAL_INFO: "CURRENT", CREDIT_REPORT_AUTHORISATION: "CURRENT" });
  });

  it("refuses bad input with the field and the reason, and changes nothing", async () => {
    const before = await unchanged();
    const base = { kind: "SENSITIVE_PERSONAL_INFO" as const, version: `PI-T${uniqueSuffix()}`, effectiveFrom: "2998-01-01", ...text };
    expect(await refusal(() => publishConsentWording(admin, { ...base, textZh: "  ", textEn: "" }))).toEqual(["textZh:NO_TEXT", "textEn:NO_TEXT"]);
    expect(await refusal(() => publishConsentWording(admin, { ...base, version: "PI-2024-1" }))).toEqual(["version:VERSION_EXISTS"]);
    expect(await refusal(() => publishConsentWording(admin, { ...base, version: "CR-2024-1" }))).toEqual(["version:VERSION_EXISTS"]);
    expect(await refusal(() => publishConsentWording(admin, { ...base, effectiveFrom: "2020-01-01" }))).toEqual(["effectiveFrom:PAST"]);
    expect(await refusal(() => publishConsentWording(admin, { ...base, effectiveFrom: "2998-02-30" }))).toEqual(["effectiveFrom:DATE"]);
    expect(await refusal(() => publishConsentWording(admin, { ...base, version: "新 版本" }))).toEqual(["version:VERSION_FORMAT"]);
    // The day before today is the past (the clock passed in).
    expect(await refusal(() => publishConsentWording(admin, { ...base, effectiveFrom: "2998-05-01" }, "2998-05-02"))).toEqual(["effectiveFrom:PAST"]);
    expect(await unchanged()).toEqual(before);
  });

  it("is for administrators only", async () => {
    const before = await unchanged();
    for (const email of ["reviewer@center.demo", "approver@center.demo", "auditor@center.demo", "officer@bank.demo"]) {
      await expect(publishConsentWording(await staffActor(email), { kind: "SENSITIVE_PERSONAL_INFO", version: `X-${uniqueSuffix()}`, effectiveFrom: FUTURE, ...text }))
        .rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const applicant = await createApplicant();
    await expect(publishConsentWording(applicant, { kind: "SENSITIVE_PERSONAL_INFO", version: `X-${uniqueSuffix()}`, effectiveFrom: FUTURE, ...text }))
      .rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await unchanged()).toEqual(before);
  });

  it("asks an applicant who consented to the earlier wording to consent again before submitting; then the submission goes", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    const version = `PI-${uniqueSuffix()}`;
    const published = await publishConsentWording(admin, { kind: "SENSITIVE_PERSONAL_INFO", version, effectiveFrom: FUTURE, ...text });
    // A second version of the kind on the same day is refused.
    expect(await refusal(() => publishConsentWording(admin, { kind: "SENSITIVE_PERSONAL_INFO", version: `${version}b`, effectiveFrom: FUTURE, ...text })))
      .toEqual(["effectiveFrom:DAY_TAKEN"]);

    // The audit view lists the publication with its before and after.
    const changes = await listConfigChanges(admin, { filters: { kind: "consent" } });
    const row = changes.rows.find((r) => r.subject.endsWith(published.id.slice(0, 8)));
    expect(row).toMatchObject({ kind: "consent", action: "consent.wording_published", before: "version: PI-2024-1; effectiveFrom: 2024-01-01" });
    expect(row?.after).toContain(`version: ${version}; effectiveFrom: ${FUTURE}`);

    // Until its day the applicant's consents stand.
    expect((await consentStandings(applicant.userId)).SENSITIVE_PERSONAL_INFO).toBe("CURRENT");

    inFuture();
    expect((await wordingsInForce()).SENSITIVE_PERSONAL_INFO).toMatchObject({ version, textZh: text.textZh, textEn: text.textEn });
    expect(await consentStandings(applicant.userId)).toEqual({ SENSITIVE_PERSONAL_INFO: "OUTDATED", CREDIT_REPORT_AUTHORISATION: "CURRENT" });
    // The profile shows the wording in force in the reader's language, and asks for a new consent.
    expect((await applicantConsents(applicant, "en"))[0]).toEqual({ kind: "SENSITIVE_PERSONAL_INFO", version, text: text.textEn, standing: "OUTDATED" });
    expect((await applicantConsents(applicant, "zh-CN"))[0]).toMatchObject({ text: text.textZh, standing: "OUTDATED" });
    await expect(applicantConsents(admin, "zh-CN")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const blocked = await submitApplication(applicant, draft.id, 0).catch((e: unknown) => e);
    expect(isIneligible(blocked) && blocked.blocks.map((b) => b.code)).toEqual(["CONSENT_CHANGED"]);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");

    // Consenting to the wording they read, when another is now in force, records nothing.
    await expect(grantConsent(applicant, "SENSITIVE_PERSONAL_INFO", "127.0.0.1", "PI-2024-1")).rejects.toMatchObject({ code: "CONFLICT" });
    await grantConsent(applicant, "SENSITIVE_PERSONAL_INFO", "127.0.0.1", version);
    // Twice is once.
    await grantConsent(applicant, "SENSITIVE_PERSONAL_INFO", "127.0.0.1", version);
    const rows = await db.consent.findMany({ where: { userId: applicant.userId, kind: "SENSITIVE_PERSONAL_INFO" }, orderBy: { grantedAt: "asc" } });
    // The earlier consent stays, as history.
    expect(rows.map((r) => [r.wordingVersion, r.withdrawnAt])).toEqual([["PI-2024-1", null], [version, null]]);
    expect(await db.auditEvent.count({ where: { action: "consent.granted", entityId: rows[1]!.id, data: { path: ["renewed"], array_contains: ["PI-2024-1"] } } })).toBe(1);

    const submitted = await submitApplication(applicant, draft.id, 0);
    expect(submitted).toBeTruthy();
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("CENTER_REVIEW");

    // Withdrawing takes back every live consent of the kind.
    await withdrawConsent(applicant, "SENSITIVE_PERSONAL_INFO", null);
    expect(await db.consent.count({ where: { userId: applicant.userId, kind: "SENSITIVE_PERSONAL_INFO", withdrawnAt: null } })).toBe(0);
    expect((await consentStandings(applicant.userId)).SENSITIVE_PERSONAL_INFO).toBe("NONE");
  });

  it("a new applicant consents to the version in force", async () => {
    const applicant = await createApplicant({ consents: false });
    await grantConsent(applicant, "CREDIT_REPORT_AUTHORISATION", null);
    expect((await db.consent.findFirstOrThrow({ where: { userId: applicant.userId } })).wordingVersion).toBe("CR-2024-1");
  });
});
