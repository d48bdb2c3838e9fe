import { describe, expect, it } from "vitest";
import { accruedInterestFen } from "@/lib/loans/interest";
import { addMonthsClamped, daysBetween } from "@/lib/loans/schedule";
import { fenToYuanString } from "@/lib/money/fen";
import { recordUnionStanding } from "@/lib/unions/services/record-standing";
import { recentStandings, standingGaps, standingOfOwnLoan } from "@/lib/unions/queries";
import { importStatement } from "@/lib/subsidies/services/import-statement";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { createApplicant, createEnterprise, createStaff, ensureReferenceData, staffActor } from "../support/factories";

// Union standing recorded by people through the portal's own service (no seed helper): the loan's
// subsidy follows it to the fen; without it the line is excluded with its reason.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADER = "合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期";

async function loanWithoutStanding() {
  await ensureReferenceData();
  const bank = await db.organisation.create({ data: { code: `BK-${uniqueSuffix()}`, type: "BANK", nameZh: `测试银行${uniqueSuffix().slice(-4)}`, nameEn: "Test bank" } });
  const officer = await createStaff(bank.code, "BANK_OFFICER");
  const enterprise = await createEnterprise(await createApplicant());
  const policy = await db.policyVersion.findUniqueOrThrow({ where: { version: 1 } });
  const app = await db.loanApplication.create({
    data: { number: `T-${uniqueSuffix()}`, applicantId: enterprise.representativeId, enterpriseId: enterprise.id, status: "ACTIVE", bankOrgId: bank.id, policyVersionId: policy.id, amountFen: 50_000_000n, termMonths: 12 },
  });
  const loan = await db.loan.create({
    data: {
      applicationId: app.id, enterpriseId: enterprise.id, bankOrgId: bank.id, contractNo: `HT-${uniqueSuffix()}`, principalFen: 50_000_000n, annualRateMicros: 38_500,
      lprReference: "一年期 LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
      disbursedOn: day("2025-06-10"), disbursedFen: 50_000_000n, maturityOn: day(addMonthsClamped("2025-06-10", 12)),
    },
  });
  return { loan, enterprise, officer };
}

function statement(contractNo: string, start: string, end: string, paidOn: string) {
  const due = fenToYuanString(accruedInterestFen({ principalFen: 50_000_000n, annualRateMicros: 38_500, days: daysBetween(start, end) + 1 }));
  return { fileName: `${contractNo}-${start}.csv`, bytes: new TextEncoder().encode(`${HEADER}\n${[contractNo, start, end, "500000.00", "3.85%", due, due, paidOn, "否", "0", "否"].join(",")}`), due };
}

describe("union standing recorded through the portal", () => {
  it("a loan without standing gets no subsidy (reason shown); once a district union records it, the next quarter's subsidy is the interest paid", async () => {
    const { loan, enterprise, officer } = await loanWithoutStanding();
    const q3 = statement(loan.contractNo, "2025-06-10", "2025-09-20", "2025-09-21");
    expect((await importStatement(officer, q3)).status).toBe("IMPORTED");
    expect(await db.statementLine.findFirstOrThrow({ where: { loanId: loan.id } })).toMatchObject({ subsidyFen: 0n, excludedReason: "UNION_STANDING" });

    const agent = await staffActor("agent@district.demo");
    await recordUnionStanding(agent, { creditCode: enterprise.creditCode, unionName: "测试企业工会", memberCardNo: "GH-2025-0001", validFrom: "2025-01-01" });
    const q4 = statement(loan.contractNo, "2025-09-21", "2025-12-20", "2025-12-21");
    expect((await importStatement(officer, q4)).status).toBe("IMPORTED");
    const line = await db.statementLine.findFirstOrThrow({ where: { loanId: loan.id, periodStart: day("2025-09-21") } });
    expect(line.excludedReason).toBeNull();
    expect(fenToYuanString(line.subsidyFen)).toBe(q4.due);
    expect(line.unionEvidence).toMatchObject({ standing: [{ validFrom: "2025-01-01", validTo: null, evidence: "测试企业工会，会员证 GH-2025-0001" }] });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "union.standing_recorded", actorId: agent.userId }, orderBy: { id: "desc" } });
    expect(event.data).toMatchObject({ enterpriseId: enterprise.id, validFrom: "2025-01-01" });
    expect((await recentStandings(agent)).some((r) => r.creditCode === enterprise.creditCode && !r.superseded)).toBe(true);
  });

  it("refuses bad records with a clear message and stores nothing; a correction supersedes, keeping the old row", async () => {
    const { enterprise } = await loanWithoutStanding();
    const centre = await staffActor("reviewer@center.demo");
    const base = { creditCode: enterprise.creditCode, unionName: "测试企业工会", memberCardNo: "GH-1", validFrom: "2024-01-01", validTo: "2024-12-31" };
    const first = await recordUnionStanding(centre, base);
    const count = () => db.unionStanding.count({ where: { enterpriseId: enterprise.id } });
    expect(await count()).toBe(1);
    expect(await code(recordUnionStanding(centre, { ...base, validFrom: "2024-06-01", validTo: undefined }))).toBe("VALIDATION"); // overlaps
    expect(await code(recordUnionStanding(centre, { ...base, validFrom: "2099-01-01", validTo: undefined }))).toBe("VALIDATION"); // in the future
    expect(await code(recordUnionStanding(centre, { ...base, validFrom: "2019-01-01", validTo: "2019-06-30" }))).toBe("VALIDATION"); // before the firm was founded
    expect(await code(recordUnionStanding(centre, { ...base, validTo: "2023-12-31" }))).toBe("VALIDATION"); // ends before it starts
    expect(await code(recordUnionStanding(centre, { ...base, creditCode: "91110000000000000X" }))).toBe("VALIDATION"); // unknown firm
    expect(await code(recordUnionStanding(await staffActor("officer@bank.demo"), { ...base, validFrom: "2025-01-01", validTo: undefined }))).toBe("NOT_FOUND");
    expect(await count()).toBe(1);

    await recordUnionStanding(centre, { ...base, validTo: "2025-06-30", replacesId: first.id });
    const rows = await db.unionStanding.findMany({ where: { enterpriseId: enterprise.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.supersededAt !== null, r.validTo?.toISOString().slice(0, 10)])).toEqual([[true, "2024-12-31"], [false, "2025-06-30"]]);
  });

  it("before the batch, the centre sees which loans lack standing in the quarter, for how many days, and whom to ask", async () => {
    const { loan, enterprise } = await loanWithoutStanding();
    const centre = await staffActor("reviewer@center.demo");
    const q4 = { year: 2025, quarter: 4 as const };
    const gapOf = async () => (await standingGaps(centre, q4, "2026-12-04")).find((g) => g.loanId === loan.id);
    expect(await gapOf()).toMatchObject({ contractNo: loan.contractNo, uncoveredDays: 92, days: 92, intakeOrganisation: null });
    await recordUnionStanding(centre, { creditCode: enterprise.creditCode, unionName: "测试企业工会", memberCardNo: "GH-3", validFrom: "2025-11-01" });
    expect(await gapOf()).toMatchObject({ uncoveredDays: 31, days: 92 });
    // Part of a quarter not yet over counts up to today only; a quarter before the loan has nothing.
    expect((await standingGaps(centre, q4, "2025-10-10")).find((g) => g.loanId === loan.id)).toMatchObject({ uncoveredDays: 10, days: 10 });
    expect((await standingGaps(centre, { year: 2025, quarter: 1 }, "2026-12-04")).find((g) => g.loanId === loan.id)).toBeUndefined();
    expect(await code(standingGaps(await staffActor("agent@district.demo"), q4, "2026-12-04"))).toBe("NOT_FOUND");
  });

  it("the applicant sees their loan's union standing and whether today is covered; nobody else's", async () => {
    const { loan, enterprise } = await loanWithoutStanding();
    const owner = { kind: "APPLICANT" as const, userId: enterprise.representativeId, role: "APPLICANT" as const, displayName: "测试" };
    expect(await standingOfOwnLoan(owner, loan.id, "2026-12-04")).toEqual({ records: [], coversToday: false });
    await recordUnionStanding(await staffActor("agent@district.demo"), { creditCode: enterprise.creditCode, unionName: "测试企业工会", memberCardNo: "GH-9", validFrom: "2025-01-01", validTo: "2025-12-31" });
    expect(await standingOfOwnLoan(owner, loan.id, "2025-06-01")).toEqual({
      records: [{ unionName: "测试企业工会", memberCardNo: "GH-9", validFrom: "2025-01-01", validTo: "2025-12-31" }], coversToday: true,
    });
    expect((await standingOfOwnLoan(owner, loan.id, "2026-12-04"))!.coversToday).toBe(false);
    expect(await standingOfOwnLoan(await createApplicant(), loan.id, "2025-06-01")).toBeNull();
    expect(await standingOfOwnLoan(await staffActor("reviewer@center.demo"), loan.id, "2025-06-01")).toBeNull();
  });

  itOnPostgres("two overlapping records for one firm at once: exactly one is stored", async () => {
    const { enterprise } = await loanWithoutStanding();
    const [a, b] = [await staffActor("agent@district.demo"), await staffActor("reviewer@center.demo")];
    const input = { creditCode: enterprise.creditCode, unionName: "测试企业工会", memberCardNo: "GH-2", validFrom: "2025-02-01" };
    const results = await Promise.allSettled([recordUnionStanding(a, input), recordUnionStanding(b, { ...input, validFrom: "2025-03-01" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.unionStanding.count({ where: { enterpriseId: enterprise.id } })).toBe(1);
  });
});
