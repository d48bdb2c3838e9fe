// The cases the action rows consume: a transition moves its case on, so every replayed request
// needs a case of its own in the right state. Each case belongs to an applicant of its own (the
// programme allows a person one open case, an enterprise one): a member's profile, the consents
// in force, an enterprise and a complete draft with every required document, as an applicant
// who is ready to submit has them. The cases waiting for the centre are such drafts, submitted
// through the portal's own service.
import { REQUIRED_DOCUMENTS } from "@/lib/applications/required-documents";
import { submitApplication } from "@/lib/applications/services/submit-application";
import type { db as portalDb } from "@/lib/db/client";
import { mobileLookup, profileColumns, userMobileColumns } from "@/lib/personal-data/sealed";
import { benchIdentity } from "./bench-identity";

type Db = typeof portalDb;
export type PreparedCase = { applicationId: string; version: number; mobile: string };

/**
 * `count` applicants numbered from `first`, each with a complete draft. They sign in with the demo
 * applicant's password (its hash is copied), so the bench signs in as each of them.
 */
export async function prepareDrafts(db: Db, first: number, count: number, demoMobile: string): Promise<PreparedCase[]> {
  const demo = await db.user.findUniqueOrThrow({ where: mobileLookup(demoMobile), select: { passwordHash: true } });
  const prepared: PreparedCase[] = [];
  for (let n = first; n < first + count; n += 1) {
    const { mobile, idNumber, creditCode } = benchIdentity(n);
    const user = await db.user.create({
      data: {
        ...userMobileColumns(mobile), displayName: `压测申请人${n}`, passwordHash: demo.passwordHash,
        profile: { create: { fullName: `压测申请人${n}`, ...profileColumns({ idNumber, mobile }), unionName: "压测工会", memberCardNo: `GH-BENCH-${n}` } },
        consents: { create: [
          { kind: "SENSITIVE_PERSONAL_INFO", wordingVersion: "PI-2024-1", grantedIp: "127.0.0.1" },
          { kind: "CREDIT_REPORT_AUTHORISATION", wordingVersion: "CR-2024-1", grantedIp: "127.0.0.1" },
        ] },
        enterprises: { create: {
          name: `压测企业${n}有限公司`, creditCode, legalRepName: `压测申请人${n}`, address: `北京市朝阳区压测路${n}号`, industry: "信息技术",
          foundedOn: new Date("2018-01-01T00:00:00Z"), employees: 8, annualRevenueFen: 200_000_000n, hasUnion: true, unionMemberCount: 8,
        } },
      },
      select: { id: true, enterprises: { select: { id: true } } },
    });
    const app = await db.loanApplication.create({
      data: {
        number: `BENCH-ACT-${n}`, applicantId: user.id, enterpriseId: user.enterprises[0]!.id, categoryCode: "SMALL_MICRO",
        amountFen: 30_000_000n, termMonths: 12, purpose: "采购设备", repaymentSource: "经营收入", draftStep: 3,
      },
      select: { id: true, version: true },
    });
    await db.document.createMany({
      data: REQUIRED_DOCUMENTS.NEW.map((kind) => ({
        applicationId: app.id, kind, version: 1, storageKey: `bench/${app.id}/${kind}`, fileName: `${kind}.pdf`,
        mimeType: "application/pdf", sizeBytes: 100, sha256: "0".repeat(64), uploadedById: user.id,
      })),
    });
    prepared.push({ applicationId: app.id, version: app.version, mobile });
  }
  return prepared;
}

/** Complete drafts submitted through the portal's own service: they wait for the centre's review. */
export async function prepareCentreCases(db: Db, first: number, count: number, demoMobile: string): Promise<PreparedCase[]> {
  const drafts = await prepareDrafts(db, first, count, demoMobile);
  const waiting: PreparedCase[] = [];
  for (const draft of drafts) {
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: draft.applicationId }, select: { applicantId: true } });
    const actor = { kind: "APPLICANT" as const, userId: app.applicantId, role: "APPLICANT" as const, displayName: "" };
    const { version } = await submitApplication(actor, draft.applicationId, draft.version);
    waiting.push({ ...draft, version });
  }
  return waiting;
}

/** How many of the cases the action moved on: submitted (now with the centre), or recommended by `reviewerId`. */
export async function countDone(db: Db, action: "submit" | "recommend", ids: string[], reviewerId?: string): Promise<number> {
  if (action === "submit") return db.loanApplication.count({ where: { id: { in: ids }, status: "CENTER_REVIEW", submittedAt: { not: null } } });
  return db.reviewDecision.count({ where: { applicationId: { in: ids }, stage: "CENTER", action: "RECOMMEND", actorId: reviewerId } });
}
