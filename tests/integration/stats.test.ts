import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import type { BatchStatus } from "@/lib/generated/prisma/enums";
import { beijingNoon } from "@/lib/calendar/beijing";
import { afterBeijingDayUtc, parseAsOfParam } from "@/lib/stats/as-of";
import { programmeFiguresCsv } from "@/lib/stats/csv";
import { fenToWanYuan } from "@/lib/stats/format";
import { programmeFigures, type ProgrammeFigures } from "@/lib/stats/queries";
import {
  DEMO_CONSULTING_LENT_TOTAL_FEN,
  DEMO_CONSULTING_LOANS,
  DEMO_CONSULTING_SUBSIDY_TOTAL_FEN,
} from "@/lib/subsidies/demo-fixture";
import { DEMO_CONSULTING_FOUNDING } from "@/lib/demo/seed-foundings";
import { db, uniqueSuffix } from "../support/db";
import { outcome } from "../support/outcome";
import { worded } from "../support/words";
import { words, type RootTranslator, type WordValues } from "@/lib/i18n/words";

/** The catalogue in Chinese, as the route hands the CSV a reader's translator. */
const zhTranslator: RootTranslator = Object.assign((key: string, values?: WordValues) => worded(words(key, values)), { has: () => true });
import { createApplicant, createEnterprise, createStaff, ensureReferenceData, staffActor } from "../support/factories";

// The programme's published figures from the portal's own records (domain.md, "Figures from the
// seed"). Other test files add rows to the same database, all dated 2025 or later, so figures
// as of 2019–2022 see only the seed and what this file adds; every figure is also recomputed
// here with plain Prisma queries, independently of the SQL under test.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const figuresAsOf = async (asOf: string, actor?: Actor) =>
  programmeFigures(actor ?? (await staffActor("reviewer@center.demo")), { asOf: beijingNoon(asOf) });

/** The same figures, counted the slow and obvious way. */
async function recount(asOf: string): Promise<Omit<ProgrammeFigures, "asOf" | "years">> {
  const submitted = { submittedAt: { lte: new Date(`${asOf}T23:59:59.999+08:00`) } };
  const funded = await db.loan.groupBy({
    by: ["enterpriseId"], where: { disbursedOn: { lte: day(asOf) } }, _count: { _all: true }, _sum: { disbursedFen: true },
  });
  const lines = await db.statementLine.findMany({
    where: { current: true, subsidyFen: { gt: 0n }, batch: { status: { in: ["PAID", "RECONCILED"] }, paidOn: { lte: day(asOf) } } },
    select: { subsidyFen: true, loan: { select: { enterpriseId: true } } },
  });
  const historical = await db.historicalSubsidyPayment.findMany({
    where: { amountFen: { gt: 0n }, paidOn: { lte: day(asOf) } },
    select: { amountFen: true, loan: { select: { enterpriseId: true } } },
  });
  const foundings = await db.unionFounding.findMany({ where: { supersededAt: null, foundedOn: { lte: day(asOf) } }, select: { memberCount: true } });
  const paid = [...lines.map((l) => ({ fen: l.subsidyFen, enterpriseId: l.loan.enterpriseId })), ...historical.map((h) => ({ fen: h.amountFen, enterpriseId: h.loan.enterpriseId }))];
  return {
    applications: await db.loanApplication.count({ where: submitted }),
    renewals: await db.loanApplication.count({ where: { ...submitted, kind: "RENEWAL" } }),
    enterprisesFunded: funded.length,
    renewingEnterprises: funded.filter((f) => f._count._all >= 2).length,
    loans: funded.reduce((n, f) => n + f._count._all, 0),
    lentFen: funded.reduce((sum, f) => sum + (f._sum.disbursedFen ?? 0n), 0n),
    enterprisesSubsidised: new Set(paid.map((p) => p.enterpriseId)).size,
    subsidyFen: paid.reduce((sum, p) => sum + p.fen, 0n),
    unionsFounded: foundings.length,
    newMembers: foundings.reduce((sum, f) => sum + f.memberCount, 0),
  };
}

const headline = (f: ProgrammeFigures): Omit<ProgrammeFigures, "asOf" | "years"> => ({
  applications: f.applications, renewals: f.renewals, enterprisesFunded: f.enterprisesFunded, renewingEnterprises: f.renewingEnterprises,
  loans: f.loans, lentFen: f.lentFen, enterprisesSubsidised: f.enterprisesSubsidised, subsidyFen: f.subsidyFen,
  unionsFounded: f.unionsFounded, newMembers: f.newMembers,
});

describe("as-of days and units", () => {
  it("ends the day at midnight in Beijing and publishes amounts in 万元", () => {
    expect(afterBeijingDayUtc("2021-12-31")).toBe("2021-12-31 16:00:00.000");
    expect(parseAsOfParam("2021-02-30", new Date("2026-11-30T20:00:00Z"))).toEqual({ day: "2026-12-01", valid: false });
    expect(parseAsOfParam(undefined, new Date("2026-11-30T15:59:59Z"))).toEqual({ day: "2026-11-30", valid: true });
    expect(fenToWanYuan(4_649_000_000n)).toBe("4,649.00");
    expect(fenToWanYuan(142_000_049n, { grouping: false })).toBe("142.00");
    expect(fenToWanYuan(3_514_694n)).toBe("3.51");
    expect(fenToWanYuan(5_000n)).toBe("0.01");
  });
});

describe("programme statistics", () => {
  it("reproduces the seed's consulting company: ¥1,400,000 lent in three loans, ¥35,146.94 of subsidy", async () => {
    await ensureReferenceData();
    const f = await figuresAsOf("2021-12-31");
    expect(f.asOf).toBe("2021-12-31");
    expect(headline(f)).toEqual(await recount("2021-12-31"));
    expect(headline(f)).toEqual({
      applications: 3, renewals: 2, enterprisesFunded: 1, renewingEnterprises: 1, loans: 3,
      lentFen: DEMO_CONSULTING_LENT_TOTAL_FEN, enterprisesSubsidised: 1, subsidyFen: DEMO_CONSULTING_SUBSIDY_TOTAL_FEN,
      unionsFounded: 1, newMembers: DEMO_CONSULTING_FOUNDING.memberCount,
    });
    expect(DEMO_CONSULTING_LOANS.reduce((sum, l) => sum + l.principalFen, 0n)).toBe(140_000_000n);

    // One row a year; the rows add up to the cumulative figures.
    expect(f.years.map((y) => [y.year, y.applications, y.renewals, y.loans, y.lentFen])).toEqual([
      [2019, 1, 0, 1, 50_000_000n], [2020, 1, 1, 1, 50_000_000n], [2021, 1, 1, 1, 40_000_000n],
    ]);
    for (const y of f.years) {
      const paid = await db.statementLine.aggregate({
        where: { current: true, subsidyFen: { gt: 0n }, batch: { status: { in: ["PAID", "RECONCILED"] }, paidOn: { gte: day(`${y.year}-01-01`), lte: day(`${y.year}-12-31`) } } },
        _sum: { subsidyFen: true },
      });
      expect(y.subsidyFen).toBe(paid._sum.subsidyFen ?? 0n);
    }
    expect(f.years.reduce((sum, y) => sum + y.subsidyFen, 0n)).toBe(DEMO_CONSULTING_SUBSIDY_TOTAL_FEN);

    const csv = programmeFiguresCsv(f, zhTranslator);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("累计放款金额（万元）,140.00\r\n");
    expect(csv).toContain("累计贴息金额（元）,35146.94\r\n");
    expect(csv).toContain(`合计,3,2,3,1400000.00,35146.94,1,${DEMO_CONSULTING_FOUNDING.memberCount}\r\n`);
    expect(csv).toContain("新建工会（家）,1\r\n");
  });

  it("moves with the as-of day: end of 2019 sees the first loan only", async () => {
    await ensureReferenceData();
    const endOf2019 = await figuresAsOf("2019-12-31");
    expect(headline(endOf2019)).toEqual(await recount("2019-12-31"));
    expect(endOf2019).toMatchObject({ applications: 1, renewals: 0, enterprisesFunded: 1, renewingEnterprises: 0, loans: 1, lentFen: 50_000_000n, enterprisesSubsidised: 1 });
    // The 2019 Q3 and Q4 batches (paid 28 Sep and 28 Dec) and nothing later.
    expect(endOf2019.subsidyFen).toBeGreaterThan(0n);
    expect(endOf2019.subsidyFen).toBe(endOf2019.years.find((y) => y.year === 2019)!.subsidyFen);

    // The day before the first disbursement: applied, not yet lent; and before that, nothing.
    expect(headline(await figuresAsOf("2019-06-23"))).toMatchObject({ applications: 1, enterprisesFunded: 0, lentFen: 0n, subsidyFen: 0n });
    // The company's union was founded on 2019-05-15, before it applied.
    const before = await figuresAsOf("2019-05-19");
    expect(headline(before)).toEqual({ applications: 0, renewals: 0, enterprisesFunded: 0, renewingEnterprises: 0, loans: 0, lentFen: 0n, enterprisesSubsidised: 0, subsidyFen: 0n, unionsFounded: 1, newMembers: DEMO_CONSULTING_FOUNDING.memberCount });
    expect(before.years.map((y) => [y.year, y.applications, y.unionsFounded])).toEqual([[2019, 0, 1]]);
    expect(headline(await figuresAsOf("2019-05-14"))).toMatchObject({ unionsFounded: 0, newMembers: 0 });
  });

  it("counts each record from its own date, in Beijing time, and leaves out what came after the as-of day", async () => {
    await ensureReferenceData();
    const base = headline(await figuresAsOf("2021-12-31"));
    const bank = await db.organisation.create({ data: { code: `BK-${uniqueSuffix()}`, type: "BANK", nameZh: `统计测试银行${uniqueSuffix().slice(-4)}`, nameEn: "Stats bank" } });
    const officer = await createStaff(bank.code, "BANK_OFFICER");
    const owner = await createApplicant();
    const [firm, other] = [await createEnterprise(owner), await createEnterprise(owner)];

    const application = (enterpriseId: string, kind: "NEW" | "RENEWAL", submittedAt: string | null) =>
      db.loanApplication.create({
        data: { number: `ST-${uniqueSuffix()}`, kind, status: submittedAt ? "ACTIVE" : "DRAFT", applicantId: owner.userId, enterpriseId, submittedAt: submittedAt ? new Date(submittedAt) : null },
      });
    const loan = (applicationId: string, enterpriseId: string, yuan: bigint, disbursedOn: string) =>
      db.loan.create({
        data: {
          applicationId, enterpriseId, bankOrgId: bank.id, contractNo: `ST-${uniqueSuffix()}`, principalFen: yuan * 100n, annualRateMicros: 38_500,
          lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
          disbursedOn: day(disbursedOn), disbursedFen: yuan * 100n,
        },
      });
    // 23:30 on 5 January in Beijing is still the 5th; 00:10 on the 6th is the 6th (16:10 UTC on the 5th).
    const first = await application(firm.id, "NEW", "2022-01-05T23:30:00+08:00");
    const renewal = await application(firm.id, "RENEWAL", "2022-01-06T00:10:00+08:00");
    const otherApp = await application(other.id, "NEW", "2022-01-15T10:00:00+08:00");
    await application(firm.id, "NEW", null); // a draft is never "received"
    const firstLoan = await loan(first.id, firm.id, 300_000n, "2022-01-10");
    const otherLoan = await loan(otherApp.id, other.id, 100_000n, "2022-01-20");
    await loan(renewal.id, firm.id, 200_000n, "2022-02-10");

    const imp = await db.statementImport.create({ data: { bankOrgId: bank.id, fileName: "s.csv", fileSha256: uniqueSuffix(), lineCount: 4, importedById: officer.userId } });
    const batch = (quarter: string, status: BatchStatus, paidOn: string | null) =>
      db.subsidyBatch.create({ data: { bankOrgId: bank.id, quarter, status, paidOn: paidOn ? day(paidOn) : null, paymentRef: paidOn ? `ST-${uniqueSuffix()}` : null } });
    const line = (batchId: string, loanId: string, subsidyFen: bigint, lineKey: string, lineVersion = 1, current = true) =>
      db.statementLine.create({
        data: {
          importId: imp.id, loanId, batchId, lineKey, lineVersion, current, periodStart: day("2022-01-10"), periodEnd: day("2022-03-20"),
          balanceFen: 30_000_000n, annualRateMicros: 38_500, interestDueFen: subsidyFen, interestPaidFen: subsidyFen, paidOn: day("2022-03-21"),
          overdue: false, subsidyFen, excludedReason: subsidyFen === 0n ? "UNION_STANDING" : null,
        },
      });
    const paid = await batch("2022Q1", "RECONCILED", "2022-03-28");
    await line(paid.id, firstLoan.id, 99_900n, "q1", 1, false); // superseded by its correction
    await line(paid.id, firstLoan.id, 123_456n, "q1", 2, true);
    await line(paid.id, otherLoan.id, 0n, "q1-other"); // no subsidy: not a subsidised enterprise
    const unpaid = await batch("2022Q2", "APPROVED", null);
    await line(unpaid.id, firstLoan.id, 50_000n, "q2");

    const at = async (asOf: string) => {
      const f = await figuresAsOf(asOf);
      expect(headline(f)).toEqual(await recount(asOf));
      return headline(f);
    };
    expect(await at("2021-12-31")).toEqual(base);
    expect(await at("2022-01-05")).toEqual({ ...base, applications: base.applications + 1 });
    expect(await at("2022-01-06")).toEqual({ ...base, applications: base.applications + 2, renewals: base.renewals + 1 });
    expect(await at("2022-01-10")).toEqual({
      ...base, applications: base.applications + 2, renewals: base.renewals + 1,
      enterprisesFunded: base.enterprisesFunded + 1, loans: base.loans + 1, lentFen: base.lentFen + 30_000_000n,
    });
    const grown = {
      ...base, applications: base.applications + 3, renewals: base.renewals + 1, enterprisesFunded: base.enterprisesFunded + 2,
      renewingEnterprises: base.renewingEnterprises + 1, loans: base.loans + 3, lentFen: base.lentFen + 60_000_000n,
    };
    expect(await at("2022-03-27")).toEqual(grown);
    expect(await at("2022-03-28")).toEqual({ ...grown, enterprisesSubsidised: base.enterprisesSubsidised + 1, subsidyFen: base.subsidyFen + 123_456n });

    const year2022 = (await figuresAsOf("2022-12-31")).years.find((y) => y.year === 2022);
    expect(year2022).toEqual({ year: 2022, applications: 3, renewals: 1, loans: 3, lentFen: 60_000_000n, subsidyFen: 123_456n, unionsFounded: 0, newMembers: 0 });
  });

  it("is for the centre, administrators and auditors only; to anyone else it does not exist", async () => {
    await ensureReferenceData();
    const asOf = beijingNoon("2021-12-31");
    for (const email of ["reviewer@center.demo", "approver@center.demo", "admin@center.demo", "auditor@center.demo"]) {
      expect(await outcome(programmeFigures(await staffActor(email), { asOf }))).toBe("OK");
    }
    for (const email of ["officer@bank.demo", "officer@guarantor.demo", "agent@district.demo"]) {
      expect(await outcome(programmeFigures(await staffActor(email), { asOf }))).toBe("NOT_FOUND");
    }
    expect(await outcome(programmeFigures(await createApplicant(), { asOf }))).toBe("NOT_FOUND");
    expect(await outcome(programmeFigures(null, { asOf }))).toBe("UNAUTHENTICATED");
    expect(await outcome(programmeFigures(await staffActor("auditor@center.demo"), { asOf: new Date("not a date") }))).toBe("VALIDATION");
  });
});
