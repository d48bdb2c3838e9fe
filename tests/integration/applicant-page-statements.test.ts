import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applicantDashboardView } from "@/lib/applications/dashboard-view";
import { checkEligibility } from "@/lib/applications/eligibility-queries";
import { db, onPostgres, uniqueSuffix } from "../support/db";
import { createApplicant, createEnterprise, createReadyDraft } from "../support/factories";

// The applicant's pages read the applicant once (profile, consents, enterprises, the person's other
// accounts, the policy in force) however many enterprises they judge, and what they show is what
// the one-case reads give. The portal's modules read through the shared client: here it is one with
// Prisma's query events on, so the statements each view sends are counted.

const statements: string[] = [];
if (onPostgres) {
  const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
  logged.$on("query", (e) => statements.push(e.query));
  (globalThis as Record<symbol, unknown>)[Symbol.for("ncd.prisma")] = { prisma: logged };
}

async function counted<T>(read: () => Promise<T>): Promise<{ result: T; count: number }> {
  statements.length = 0;
  const result = await read();
  return { result, count: statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK|SET|SHOW)\b/i.test(s.trim())).length };
}

/** A second account of the same person (the same ID number). */
async function sameIdNumberAccount(of: { userId: string }) {
  const profile = await db.applicantProfile.findUniqueOrThrow({ where: { userId: of.userId } });
  const user = await db.user.create({
    data: {
      displayName: `测试${uniqueSuffix().slice(-4)}`, passwordHash: "x",
      profile: { create: { fullName: profile.fullName, idNumberSealed: profile.idNumberSealed, idNumberIndex: profile.idNumberIndex,
        mobileSealed: profile.mobileSealed, unionName: profile.unionName, memberCardNo: `GH-${uniqueSuffix()}` } },
    },
  });
  return { kind: "APPLICANT" as const, userId: user.id, role: "APPLICANT" as const, displayName: user.displayName };
}

async function openCase(applicantId: string, enterpriseId: string, amountFen: bigint) {
  return db.loanApplication.create({
    data: { number: `T-${uniqueSuffix()}`, applicantId, enterpriseId, status: "CENTER_REVIEW", amountFen, termMonths: 12, categoryCode: "SMALL_MICRO" },
  });
}

const NO_CASE = "00000000-0000-0000-0000-000000000000";

describe.runIf(onPostgres)("the applicant's dashboard", () => {
  it("judges each enterprise waiting to apply as the one-case check does, the person's other accounts included", async () => {
    const applicant = await createApplicant();
    const other = await sameIdNumberAccount(applicant);
    // The person's other account has two cases in review (¥500,000 and ¥200,000.01) for a firm of its own.
    const theirs = await createEnterprise(other);
    await openCase(other.userId, theirs.id, 50_000_000n);
    await openCase(other.userId, theirs.id, 20_000_001n);
    const drafting = await createReadyDraft(applicant, { amountFen: 50_000_000n });
    const waiting = await createEnterprise(applicant);
    const inReview = await createEnterprise(applicant);
    await openCase(applicant.userId, inReview.id, 30_000_000n);

    const { result: view } = await counted(() => applicantDashboardView(applicant));
    expect([...view.eligibility.keys()].sort()).toEqual([drafting.enterpriseId, waiting.id].sort());
    const draft = await db.loanApplication.findUniqueOrThrow({ where: { id: drafting.id } });
    const one = async (facts: Parameters<typeof checkEligibility>[0]) => (await checkEligibility(facts, null, { forSubmission: true })).blocks;
    const forDraft = await one(draft);
    const forWaiting = await one({ id: NO_CASE, applicantId: applicant.userId, enterpriseId: waiting.id, amountFen: null, termMonths: null });
    // Three others (two of the other account's, one in review here): a fourth is over the count, and the draft's amount over the sum.
    expect(forDraft.map((b) => b.code)).toEqual(["PERSON_CASES", "PERSON_EXPOSURE"]);
    expect(forWaiting.map((b) => b.code)).toEqual(["PERSON_CASES"]);
    expect(view.eligibility.get(drafting.enterpriseId)).toEqual(forDraft);
    expect(view.eligibility.get(waiting.id)).toEqual(forWaiting);
  });

  it("sends 18 statements for an enterprise with a draft (the applicant read once), 9 when no enterprise waits", async () => {
    const applicant = await createApplicant();
    await createReadyDraft(applicant);
    // Its cases (2), profile, consents (2), enterprises with loans and renewals (3), open cases;
    // then the policy and the person's other accounts, and for the enterprise its exceptions, open
    // and rejected cases, outstanding loan and the person's cases, loans and repayments (25 before).
    expect((await counted(() => applicantDashboardView(applicant))).count).toBe(18);

    const reviewed = await createApplicant();
    const enterprise = await createEnterprise(reviewed);
    await openCase(reviewed.userId, enterprise.id, 30_000_000n);
    expect((await counted(() => applicantDashboardView(reviewed))).count).toBe(9);
  });
});
