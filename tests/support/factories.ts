import type { Actor, StaffActor } from "@/lib/auth/roles";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { REQUIRED_DOCUMENTS } from "@/lib/applications/required-documents";
import { seedDemo } from "@/lib/demo/seed";
import { db, uniqueSuffix } from "./db";
import { makeCreditCode, makeIdNumber, makeMobile } from "./ids";
import { profileColumns, userMobileColumns } from "@/lib/personal-data/sealed";

// Factories make fresh rows with fresh ids for each test; reference data comes from the seed.

let seeded: Promise<void> | undefined;
export const ensureReferenceData = (): Promise<void> => (seeded ??= seedDemo(db));

export async function createApplicant(options: { consents?: boolean; profile?: boolean } = {}): Promise<Actor & { kind: "APPLICANT" }> {
  await ensureReferenceData();
  const mobile = makeMobile();
  const user = await db.user.create({
    data: {
      ...userMobileColumns(mobile),
      displayName: `测试${uniqueSuffix().slice(-4)}`,
      passwordHash: "x",
      ...(options.profile === false
        ? {}
        : { profile: { create: { fullName: "测试申请人", ...profileColumns({ idNumber: makeIdNumber(), mobile }), unionName: "测试工会", memberCardNo: `GH-${uniqueSuffix()}` } } }),
      ...(options.consents === false
        ? {}
        : { consents: { create: [
            { kind: "SENSITIVE_PERSONAL_INFO" as const, wordingVersion: "PI-2024-1" },
            { kind: "CREDIT_REPORT_AUTHORISATION" as const, wordingVersion: "CR-2024-1" },
          ] } }),
    },
  });
  return { kind: "APPLICANT", userId: user.id, role: "APPLICANT", displayName: user.displayName };
}

export async function createEnterprise(owner: Actor) {
  return db.enterprise.create({
    data: {
      representativeId: owner.userId, name: `测试企业${uniqueSuffix()}`, creditCode: makeCreditCode(), legalRepName: "测试",
      address: "北京市东城区测试路 1 号", industry: "软件", foundedOn: new Date("2020-01-01T00:00:00Z"), employees: 5,
      annualRevenueFen: 100_000_000n, hasUnion: true, unionMemberCount: 5,
    },
  });
}

/** A complete draft: loan request filled and every required document present. */
export async function createReadyDraft(owner: Actor, overrides: { amountFen?: bigint; termMonths?: number; enterpriseId?: string } = {}) {
  const enterpriseId = overrides.enterpriseId ?? (await createEnterprise(owner)).id;
  const app = await db.loanApplication.create({
    data: {
      number: `T-${uniqueSuffix()}`, applicantId: owner.userId, enterpriseId, categoryCode: "SMALL_MICRO",
      amountFen: overrides.amountFen ?? 30_000_000n, termMonths: overrides.termMonths ?? 12,
      purpose: "采购设备", repaymentSource: "经营收入", draftStep: 3,
    },
  });
  await db.document.createMany({
    data: REQUIRED_DOCUMENTS.NEW.map((kind) => ({
      applicationId: app.id, kind, version: 1, storageKey: `test/${app.id}/${kind}`, fileName: `${kind}.pdf`,
      mimeType: "application/pdf", sizeBytes: 100, sha256: "0".repeat(64), uploadedById: owner.userId,
    })),
  });
  return app;
}

export async function staffActor(email: string): Promise<StaffActor> {
  await ensureReferenceData();
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { membership: { include: { organisation: true } } } });
  const m = user.membership!;
  return { kind: "STAFF", userId: user.id, role: m.role, displayName: user.displayName, organisationId: m.organisationId, organisationType: m.organisation.type };
}

/** A fresh staff member of the same organisation as `email` (a second reviewer, say). */
export async function createStaff(orgCode: string, role: StaffRole): Promise<StaffActor> {
  await ensureReferenceData();
  const org = await db.organisation.findUniqueOrThrow({ where: { code: orgCode } });
  const user = await db.user.create({
    data: { email: `staff-${uniqueSuffix()}@test.local`, displayName: "测试员", passwordHash: "x", membership: { create: { organisationId: org.id, role } } },
  });
  return { kind: "STAFF", userId: user.id, role, displayName: user.displayName, organisationId: org.id, organisationType: org.type };
}

export const auditCount = (applicationId: string, action: string) =>
  db.auditEvent.count({ where: { applicationId, action } });
