import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { beforeAll, describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { formatFen } from "@/lib/money/fen";
import { renderAnnualReport } from "@/lib/pdf/annual-report";
import { annualReportFigures } from "@/lib/stats/annual-report";
import { annualReportContent, type Translate } from "@/lib/stats/annual-report-content";
import type { StaffActor } from "@/lib/auth/roles";
import type { ApplicationStatus, LoanStatus } from "@/lib/generated/prisma/enums";
import { beijingNoon } from "@/lib/calendar/beijing";
import { insightFigures } from "@/lib/stats/insight";
import { parsePeriodParams, type InsightFilters } from "@/lib/stats/period";
import { publicProgrammeFigures } from "@/lib/stats/public-figures";
import { programmeFigures } from "@/lib/stats/queries";
import { insightSheets } from "@/lib/stats/xlsx";
import { db, uniqueSuffix } from "../support/db";
import { outcome } from "../support/outcome";
import { createApplicant, createEnterprise, staffActor } from "../support/factories";

// A small programme in spring 2024, worked out by hand. Period 2024-03-01 … 2024-06-30. Other
// test files write records dated 2022 or before (stats.test.ts) or 2025 and later; the figures
// asserted here are the ones that only records of the period can reach (the loan book is read
// for the bank's cases: stats.test.ts adds 2022 loans routed to no bank). Clock days are working
// days: the arrival day does not count, weekends and the Holiday table (2024-04-04 added here)
// are skipped.
//
//   case  channel  submitted         centre            guarantor              bank            contracting     outcome
//   A     normal   Mon 03-04         →03-06  2 d       →03-15  7 d LATE (5)   →03-18  1 d     →03-20  2 d     loan ¥300,000, subsidy ¥3,300 paid 06-19
//   B     green    Tue 03-05         →03-07  2 d (2)   →03-11  2 d (2)        →03-13  2 d (2) →03-14  1 d     loan ¥200,000, overdue
//   C     normal   Mon 03-11         →03-19  6 d LATE  rejected 03-22  3 d
//   D     normal   Tue 04-02         rejected Wed 04-10: 5 d with the 04-04 holiday (on time; 6 d without it)
//   E     normal   03-19             withdrawn 03-24
//   F     normal   03-20             returned 03-21  1 d, expired 04-19
//   R     renewal  05-27             still at the centre (renews loan H)
//   H, I: 2023 loans maturing 2024-06-09 (H, renewed by R; compensated 06-24, subsidy ¥2,200 paid 04-14)
//         and 2024-05-19 (I, settled that day, not renewed).
//
// Centre clock: [1, 2, 2, 5, 6] → median 2, p90 = 5 + 0.6 × (6 − 5) = 5.6, late 1/5.
// Guarantor: [2, 3, 7] → median 3, p90 = 3 + 0.8 × (7 − 3) = 6.2, late 1/3. Bank: [1, 2] →
// 1.5 and 1.9, none late; contracting the same. Turnaround (submission → disbursement):
// A 12 working days, B (green) 7.

const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const PERIOD = { from: "2024-03-01", to: "2024-06-30" };
const ALL: InsightFilters = { channel: "all", org: null };

let centre: StaffActor;
const orgs: Record<string, string> = {};

beforeAll(async () => {
  centre = await staffActor("reviewer@center.demo");
  const guarantor = await staffActor("officer@guarantor.demo");
  const bank = await staffActor("officer@bank.demo");
  for (const o of await db.organisation.findMany({ select: { id: true, code: true } })) orgs[o.code] = o.id;
  const policy = await db.policyVersion.findUniqueOrThrow({ where: { version: 1 } });
  await db.holiday.upsert({ where: { day: day("2024-04-04") }, create: { day: day("2024-04-04"), name: "清明节" }, update: {} });

  const owner = await createApplicant();
  const actorOf = { CENTER: centre, GUARANTOR: guarantor, BANK: bank, CONTRACTING: bank } as const;
  const stageOf = (from: ApplicationStatus) =>
    from === "CENTER_REVIEW" ? "CENTER" : from === "GUARANTOR_REVIEW" ? "GUARANTOR" : from === "BANK_REVIEW" ? "BANK" : "CONTRACTING";

  async function makeCase(options: {
    submitted: string; status: ApplicationStatus; green?: boolean; kind?: "NEW" | "RENEWAL"; previousLoanId?: string;
    steps?: [ApplicationStatus, ApplicationStatus, string][]; closedAt?: string; stageEnteredAt?: string; amountFen?: bigint;
  }) {
    const enterprise = await createEnterprise(owner);
    const app = await db.loanApplication.create({
      data: {
        number: `T-${uniqueSuffix()}`, applicantId: owner.userId, enterpriseId: enterprise.id, status: options.status,
        kind: options.kind ?? "NEW", previousLoanId: options.previousLoanId ?? null, greenChannel: options.green ?? false,
        guarantorOrgId: orgs.SCDB!, bankOrgId: orgs.BJRCB!, policyVersionId: policy.id, amountFen: options.amountFen ?? 30_000_000n, termMonths: 12,
        submittedAt: at(options.submitted), closedAt: options.closedAt ? at(options.closedAt) : null,
        stageEnteredAt: options.stageEnteredAt ? at(options.stageEnteredAt) : null,
      },
    });
    for (const [from, to, when] of options.steps ?? []) {
      const actor = actorOf[stageOf(from)];
      await db.reviewDecision.create({
        data: {
          applicationId: app.id, stage: stageOf(from), action: to === "REJECTED" ? "REJECT" : to === "RETURNED" ? "RETURN" : to === "ACTIVE" ? "DISBURSE" : "APPROVE",
          fromStatus: from, toStatus: to, actorId: actor.userId, organisationId: actor.organisationId, comment: "测试", createdAt: at(when),
        },
      });
    }
    return { app, enterprise };
  }
  async function makeLoan(applicationId: string, enterpriseId: string, o: { principalFen: bigint; disbursedOn: string; maturityOn: string; status: LoanStatus; closedOn?: string }) {
    return db.loan.create({
      data: {
        applicationId, enterpriseId, bankOrgId: orgs.BJRCB!, contractNo: `HT-${uniqueSuffix()}`, principalFen: o.principalFen, annualRateMicros: 43_500,
        lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: o.status,
        disbursedOn: day(o.disbursedOn), disbursedFen: o.principalFen, maturityOn: day(o.maturityOn), closedOn: o.closedOn ? day(o.closedOn) : null,
      },
    });
  }

  const A = await makeCase({ submitted: "2024-03-04", status: "SETTLED", steps: [
    ["CENTER_REVIEW", "GUARANTOR_REVIEW", "2024-03-06"], ["GUARANTOR_REVIEW", "BANK_REVIEW", "2024-03-15"],
    ["BANK_REVIEW", "CONTRACTING", "2024-03-18"], ["CONTRACTING", "CONTRACTING", "2024-03-19"], ["CONTRACTING", "ACTIVE", "2024-03-20"]] });
  const loanA = await makeLoan(A.app.id, A.enterprise.id, { principalFen: 30_000_000n, disbursedOn: "2024-03-20", maturityOn: "2019-03-21", status: "SETTLED", closedOn: "2024-07-09" });
  const B = await makeCase({ submitted: "2024-03-05", status: "OVERDUE", green: true, steps: [
    ["CENTER_REVIEW", "GUARANTOR_REVIEW", "2024-03-07"], ["GUARANTOR_REVIEW", "BANK_REVIEW", "2024-03-11"],
    ["BANK_REVIEW", "CONTRACTING", "2024-03-13"], ["CONTRACTING", "ACTIVE", "2024-03-14"]] });
  await makeLoan(B.app.id, B.enterprise.id, { principalFen: 20_000_000n, disbursedOn: "2024-03-14", maturityOn: "2019-03-15", status: "OVERDUE" });
  await makeCase({ submitted: "2024-03-11", status: "REJECTED", closedAt: "2024-03-22", steps: [
    ["CENTER_REVIEW", "GUARANTOR_REVIEW", "2024-03-19"], ["GUARANTOR_REVIEW", "REJECTED", "2024-03-22"]] });
  await makeCase({ submitted: "2024-04-02", status: "REJECTED", closedAt: "2024-04-10", steps: [["CENTER_REVIEW", "REJECTED", "2024-04-10"]] });
  await makeCase({ submitted: "2024-03-19", status: "WITHDRAWN", closedAt: "2024-03-24" });
  await makeCase({ submitted: "2024-03-20", status: "EXPIRED", stageEnteredAt: "2024-04-19", steps: [["CENTER_REVIEW", "RETURNED", "2024-03-21"]] });

  // 2023 loans that mature in the period.
  const H = await makeCase({ submitted: "2023-06-01", status: "COMPENSATED", amountFen: 50_000_000n });
  const loanH = await makeLoan(H.app.id, H.enterprise.id, { principalFen: 50_000_000n, disbursedOn: "2023-06-10", maturityOn: "2024-06-09", status: "COMPENSATED", closedOn: "2024-06-24" });
  // H's 代偿 of ¥501,200 paid to the bank on 06-24; recovered ¥100,000 on 06-28 and ¥50,000 on 07-15.
  await db.loanCompensation.create({ data: { loanId: loanH.id, amountFen: 50_120_000n, paidOn: day("2024-06-24"), recordedById: centre.userId } });
  for (const [amountFen, recoveredOn] of [[10_000_000n, "2024-06-28"], [5_000_000n, "2024-07-15"]] as const) {
    await db.loanRecovery.create({ data: { loanId: loanH.id, amountFen, recoveredOn: day(recoveredOn), reference: `R-${recoveredOn}`, recordedById: centre.userId } });
  }
  const I = await makeCase({ submitted: "2023-05-15", status: "SETTLED" });
  await makeLoan(I.app.id, I.enterprise.id, { principalFen: 10_000_000n, disbursedOn: "2023-05-20", maturityOn: "2024-05-19", status: "SETTLED", closedOn: "2024-05-19" });
  await makeCase({ submitted: "2024-05-27", status: "CENTER_REVIEW", kind: "RENEWAL", previousLoanId: loanH.id });

  // Subsidy: ¥2,200 on H paid 2024-04-14, ¥3,300 on A paid 2024-06-19; the 2024 budget is ¥100,000.
  const statementImport = await db.statementImport.create({
    data: { bankOrgId: orgs.BJRCB!, fileName: "2024.csv", fileSha256: `sha-${uniqueSuffix()}`, lineCount: 2, importedById: bank.userId },
  });
  for (const [loanId, quarter, paidOn, subsidyFen] of [[loanH.id, "2024Q1", "2024-04-14", 220_000n], [loanA.id, "2024Q2", "2024-06-19", 330_000n]] as const) {
    const batch = await db.subsidyBatch.create({ data: { bankOrgId: orgs.BJRCB!, quarter, status: "PAID", totalFen: subsidyFen, paidOn: day(paidOn), paymentRef: `PAY-${uniqueSuffix()}` } });
    await db.statementLine.create({
      data: {
        importId: statementImport.id, loanId, batchId: batch.id, lineKey: quarter, periodStart: day("2024-01-01"), periodEnd: day("2024-03-31"),
        balanceFen: 30_000_000n, annualRateMicros: 43_500, interestDueFen: subsidyFen, interestPaidFen: subsidyFen, paidOn: day(paidOn), overdue: false, subsidyFen,
      },
    });
  }
  await db.subsidyBudget.upsert({ where: { year: 2024 }, create: { year: 2024, amountFen: 10_000_000n }, update: { amountFen: 10_000_000n } });

  // 一企一策: one approved in the period and still in force, one approved and expired, one older and in force.
  for (const [type, approvedAt, expiresOn] of [["INTEREST_DEFERRAL", "2024-04-09", "2024-12-30"], ["EXTENSION", "2024-05-04", "2024-05-31"], ["RENEWAL_FAST_TRACK", "2024-02-10", "2024-09-29"]] as const) {
    await db.policyException.create({
      data: { enterpriseId: A.enterprise.id, applicationId: A.app.id, type, reason: "测试", status: "APPROVED", requestedById: centre.userId, decidedById: centre.userId, decidedAt: at(approvedAt), expiresOn: day(expiresOn) },
    });
  }
  await db.policyException.createMany({
    data: [
      { enterpriseId: A.enterprise.id, applicationId: A.app.id, type: "HIGHER_CAP", reason: "驳回", valueFen: 60_000_000n, status: "REFUSED",
        requestedById: centre.userId, decidedById: centre.userId, decidedAt: at("2024-04-10"), expiresOn: day("2024-12-30") },
      { enterpriseId: A.enterprise.id, applicationId: A.app.id, type: "LONGER_TERM", reason: "待批", valueMonths: 40, status: "PENDING",
        requestedById: centre.userId, requestedAt: at("2024-04-10"), expiresOn: day("2024-12-30") },
    ],
  });
});

async function figures(filters: InsightFilters = ALL, period = PERIOD) {
  const result = await insightFigures(centre, period, filters);
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.figures;
}

describe("how the programme works, spring 2024", () => {
  it("counts the funnel and why the others stopped", async () => {
    const f = await figures();
    expect(f.funnel.steps).toEqual({ applied: 7, recommended: 3, guaranteed: 2, approved: 2, disbursed: 2, subsidised: 1 });
    expect(f.funnel.dropOuts).toEqual({ rejectedCenter: 1, rejectedGuarantor: 1, rejectedBank: 0, withdrawn: 1, expired: 1, inProgress: 1 });
    // As of the end of March: D (April) and R (May) were not yet submitted, A's subsidy not yet paid, F not yet expired.
    const march = await figures(ALL, { from: "2024-03-01", to: "2024-03-31" });
    expect(march.funnel.steps).toEqual({ applied: 5, recommended: 3, guaranteed: 2, approved: 2, disbursed: 2, subsidised: 0 });
    expect(march.funnel.dropOuts).toEqual({ rejectedCenter: 0, rejectedGuarantor: 1, rejectedBank: 0, withdrawn: 1, expired: 0, inProgress: 1 });
  });

  it("times each stage against its deadline per organisation: median, 90th percentile, share late", async () => {
    const f = await figures();
    expect(f.clocks.map((c) => [c.stage, c.orgCode, c.spells, c.deadlineDays, c.medianDays, c.p90Days, c.late, c.lateShare])).toEqual([
      ["CENTER_REVIEW", "BJZGHZ", 5, 5, 2, 5.6, 1, 0.2],
      ["GUARANTOR_REVIEW", "SCDB", 3, 5, 3, 6.2, 1, 0.3333],
      ["BANK_REVIEW", "BJRCB", 2, 3, 1.5, 1.9, 0, 0],
      ["CONTRACTING", "BJRCB", 2, 5, 1.5, 1.9, 0, 0],
    ]);
    expect(f.turnaround).toEqual([
      { channel: "green", loans: 1, medianDays: 7, p90Days: 7 },
      { channel: "normal", loans: 1, medianDays: 12, p90Days: 12 },
    ]);
  });

  it("counts the holiday: without it the centre's rejection of D is late", async () => {
    await db.holiday.delete({ where: { day: day("2024-04-04") } });
    try {
      const centreClock = (await figures()).clocks.find((c) => c.stage === "CENTER_REVIEW")!;
      expect([centreClock.medianDays, centreClock.p90Days, centreClock.late, centreClock.lateShare]).toEqual([2, 6, 2, 0.4]);
    } finally {
      await db.holiday.create({ data: { day: day("2024-04-04"), name: "清明节" } });
    }
  });

  it("counts a 调休 working weekend: Saturday 03-16 worked lengthens C's centre spell and A's bank spell by a day", async () => {
    await db.holiday.create({ data: { day: day("2024-03-16"), kind: "WORKDAY", name: "调休上班" } });
    try {
      const clocks = (await figures()).clocks;
      const centreClock = clocks.find((c) => c.stage === "CENTER_REVIEW")!;
      // Centre [1, 2, 2, 5, 7]: p90 = 5 + 0.6 × (7 − 5); bank [2, 2].
      expect([centreClock.medianDays, centreClock.p90Days, centreClock.late, centreClock.lateShare]).toEqual([2, 6.2, 1, 0.2]);
      expect(clocks.find((c) => c.stage === "BANK_REVIEW")).toMatchObject({ medianDays: 2, p90Days: 2, late: 0 });
    } finally {
      await db.holiday.delete({ where: { day: day("2024-03-16") } });
    }
  });

  it("gives the loan book, the renewal rate, subsidy per yuan lent, exceptions and the budget burn-down", async () => {
    const f = await figures();
    // The bank's loans on the books in the period: H and I (2023) closed in it, A settled only on 07-09.
    const book = (await figures({ channel: "all", org: "BJRCB" })).portfolio.loansByState;
    expect(book).toEqual({
      ACTIVE: { loans: 1, principalFen: 30_000_000n },
      OVERDUE: { loans: 1, principalFen: 20_000_000n },
      SETTLED: { loans: 1, principalFen: 10_000_000n },
      COMPENSATED: { loans: 1, principalFen: 50_000_000n },
    });
    // A year later only B (overdue, never closed) and A (settled 2024-07-09) are on the books.
    const later = (await figures({ channel: "all", org: "BJRCB" }, { from: "2024-07-01", to: "2024-12-31" })).portfolio.loansByState;
    expect([later.ACTIVE.loans, later.OVERDUE.loans, later.SETTLED.loans, later.COMPENSATED.loans]).toEqual([0, 1, 1, 0]);
    expect(f.portfolio.renewal).toEqual({ matured: 2, renewed: 1, rate: 0.5 });
    // Lent in the period: A and B, ¥500,000; subsidy paid on them by its end: A's ¥3,300 (H's is a 2023 loan's).
    expect(f.portfolio.subsidyPerYuan).toEqual({ subsidyFen: 330_000n, lentFen: 50_000_000n, perYuan: 0.0066 });
    // H's 代偿 and the first recovery fall in the period; the second recovery in the next half-year.
    expect(f.portfolio.recovery).toEqual({ compensatedLoans: 1, compensatedFen: 50_120_000n, recoveredFen: 10_000_000n });
    expect((await figures(ALL, { from: "2024-07-01", to: "2024-12-31" })).portfolio.recovery).toEqual({ compensatedLoans: 0, compensatedFen: 0n, recoveredFen: 5_000_000n });
    expect((await figures({ channel: "all", org: "SCDB" })).portfolio.recovery.compensatedFen).toBe(50_120_000n);
    expect(f.portfolio.exceptions).toEqual({
      INTEREST_DEFERRAL: { approved: 1, inForce: 1 }, EXTENSION: { approved: 1, inForce: 0 }, RENEWAL_FAST_TRACK: { approved: 0, inForce: 1 },
      // Refused and pending requests are not counted.
      HIGHER_CAP: { approved: 0, inForce: 0 }, LONGER_TERM: { approved: 0, inForce: 0 }, COOLING_WAIVED: { approved: 0, inForce: 0 }, DOCUMENT_WAIVED: { approved: 0, inForce: 0 },
    });
    expect(f.budget.year).toBe(2024);
    expect(f.budget.budgetFen).toBe(10_000_000n);
    expect(f.budget.months.map((m) => [m.month, m.paidFen, m.cumulativeFen, m.remainingFen])).toEqual([
      [1, 0n, 0n, 10_000_000n], [2, 0n, 0n, 10_000_000n], [3, 0n, 0n, 10_000_000n],
      [4, 220_000n, 220_000n, 9_780_000n], [5, 0n, 220_000n, 9_780_000n], [6, 330_000n, 550_000n, 9_450_000n],
    ]);
  });

  it("gives the figures per guarantor and per bank", async () => {
    const f = await figures();
    expect(f.partners.map((p) => [p.code, p.type, p.received, p.passed, p.rejected, p.disbursed, p.lentFen])).toEqual([
      ["SCDB", "GUARANTOR", 3, 2, 1, 2, 50_000_000n],
      ["BJRCB", "BANK", 2, 2, 0, 2, 50_000_000n],
    ]);
  });

  it("filters by channel and by organisation", async () => {
    const green = await figures({ channel: "green", org: null });
    expect(green.funnel.steps).toEqual({ applied: 1, recommended: 1, guaranteed: 1, approved: 1, disbursed: 1, subsidised: 0 });
    expect(green.clocks.map((c) => [c.stage, c.spells, c.late])).toEqual([
      ["CENTER_REVIEW", 1, 0], ["GUARANTOR_REVIEW", 1, 0], ["BANK_REVIEW", 1, 0], ["CONTRACTING", 1, 0],
    ]);
    const normal = await figures({ channel: "normal", org: null });
    expect(normal.funnel.steps.applied).toBe(6);
    const scdb = await figures({ channel: "all", org: "SCDB" });
    // Cases routed to the guarantor: all seven of the period carry it.
    expect(scdb.funnel.steps.applied).toBe(7);
    expect(scdb.partners.map((p) => p.code)).toEqual(["SCDB"]);
  });

  it("puts the same numbers in the workbook rows", async () => {
    const f = await figures();
    const sheets = insightSheets(f, { t: (key) => key, locale: "zh-CN" });
    const funnel = sheets.find((s) => s.key === "funnel")!;
    expect(funnel.rows.map((r) => r[1])).toEqual([7, 3, 2, 2, 2, 1]);
    const clocks = sheets.find((s) => s.key === "clocks")!;
    expect(clocks.rows[0]!.slice(2)).toEqual([5, 5, 2, 5.6, 1, 0.2]);
  });
});

describe("bad input", () => {
  it("refuses empty, malformed and reversed periods and unknown filters with a code", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    expect(parsePeriodParams({}, now)).toEqual({ ok: true, period: { from: "2026-01-01", to: "2026-12-04" }, filters: ALL });
    expect(parsePeriodParams({ from: "", to: "2018-06-30" }, now)).toMatchObject({ ok: false, code: "EMPTY_DATE" });
    expect(parsePeriodParams({ from: "2018-02-30" }, now)).toMatchObject({ ok: false, code: "BAD_DATE" });
    expect(parsePeriodParams({ from: "2018-07-01", to: "2018-06-30" }, now)).toMatchObject({ ok: false, code: "REVERSED" });
    expect(parsePeriodParams({ district: "CY" }, now)).toMatchObject({ ok: false, code: "UNKNOWN_FILTER" });
    expect(parsePeriodParams({ channel: "fast" }, now)).toMatchObject({ ok: false, code: "UNKNOWN_FILTER" });
    expect(parsePeriodParams({ org: "scdb; drop" }, now)).toMatchObject({ ok: false, code: "UNKNOWN_ORG" });
    expect(parsePeriodParams({ from: "2024-03-01", to: "2024-06-30", channel: "green", org: "SCDB", asOf: "2024-06-30" }, now))
      .toEqual({ ok: true, period: PERIOD, filters: { channel: "green", org: "SCDB" } });
  });

  it("refuses a period before the programme began, a reversed one and an organisation that is not a partner", async () => {
    expect(await insightFigures(centre, { from: "2016-01-01", to: "2017-04-30" }, ALL)).toEqual({ ok: false, code: "BEFORE_PROGRAMME", programmeStart: "2017-05-01" });
    expect(await insightFigures(centre, { from: "2018-06-30", to: "2018-03-01" }, ALL)).toMatchObject({ ok: false, code: "REVERSED" });
    expect(await insightFigures(centre, PERIOD, { channel: "all", org: "NOPE" })).toMatchObject({ ok: false, code: "UNKNOWN_ORG" });
    expect(await insightFigures(centre, PERIOD, { channel: "all", org: "BJZGHZ" })).toMatchObject({ ok: false, code: "UNKNOWN_ORG" });
    // A period that starts before the programme but ends inside it is fine.
    expect((await insightFigures(centre, { from: "2016-01-01", to: "2017-05-01" }, ALL)).ok).toBe(true);
  });

  it("is for the statistics roles only", async () => {
    expect(await outcome(insightFigures(await staffActor("officer@bank.demo"), PERIOD, ALL))).toBe("NOT_FOUND");
    expect(await outcome(insightFigures(null, PERIOD, ALL))).toBe("UNAUTHENTICATED");
    expect((await insightFigures(await staffActor("auditor@center.demo"), PERIOD, ALL)).ok).toBe(true);
  });
});

describe("the public figures", () => {
  // Other files may add 2022 records at any moment (stats.test.ts); read until two reads agree.
  async function steady<T>(read: () => Promise<T>): Promise<T> {
    for (let i = 0; i < 5; i += 1) {
      const [a, b] = [await read(), await read()];
      if (JSON.stringify(a, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) === JSON.stringify(b, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))) return a;
    }
    throw new Error("the figures kept changing");
  }

  it("are the published headline figures, the same as the statistics page's", async () => {
    const asOf = "2024-06-30";
    const [pub, full] = await steady(async () => [await publicProgrammeFigures(beijingNoon(asOf)), await programmeFigures(centre, { asOf: beijingNoon(asOf) })] as const);
    expect(pub).toEqual({
      asOf, applications: full.applications, enterprisesFunded: full.enterprisesFunded, lentFen: String(full.lentFen), subsidyFen: String(full.subsidyFen),
      policy: { maxLoanFen: "50000000", maxTermMonths: 36 },
    });
    // What spring 2024 added, by hand: A–F and R submitted; A and B disbursed (two enterprises,
    // ¥500,000); ¥5,500 of subsidy paid (H's and A's lines).
    const [before, after] = await steady(async () => [await publicProgrammeFigures(beijingNoon("2024-02-29")), await publicProgrammeFigures(beijingNoon(asOf))] as const);
    expect({
      applications: after.applications - before.applications,
      enterprisesFunded: after.enterprisesFunded - before.enterprisesFunded,
      lentFen: BigInt(after.lentFen) - BigInt(before.lentFen),
      subsidyFen: BigInt(after.subsidyFen) - BigInt(before.subsidyFen),
    }).toEqual({ applications: 7, enterprisesFunded: 2, lentFen: 50_000_000n, subsidyFen: 550_000n });
  });
});

describe("the annual report", () => {
  const translator = (locale: "zh-CN" | "en") => createTranslator({ locale, messages: locale === "en" ? en : zhCN }) as unknown as Translate;
  const cells = (...values: string[]) => new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"));
  const key = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x));
  // Other files may add 2022 records at any moment (stats.test.ts): read until two reads agree.
  async function steadyReport(year: number | null, period = PERIOD) {
    for (let i = 0; i < 5; i += 1) {
      const [a, b] = [await annualReportFigures(centre, period, ALL), await annualReportFigures(centre, period, ALL)];
      if (a.ok && b.ok && key(a.figures) === key(b.figures)) return { figures: a.figures, year };
    }
    throw new Error("the figures kept changing");
  }
  const render = async (r: Awaited<ReturnType<typeof steadyReport>>, locale: "zh-CN" | "en") => {
    const pdf = await renderAnnualReport(annualReportContent(r.figures, { t: translator(locale), locale, generatedAt: new Date("2024-07-01T02:00:00Z"), year: r.year }));
    if (process.env.REPORT_PDF_OUT) writeFileSync(`${process.env.REPORT_PDF_OUT}-${locale}.pdf`, pdf);
    return { pdf, text: pdfText(pdf) };
  };

  it("prints the statistics' own figures for the period: the table, the funnel, the loan book and the budget", async () => {
    const r = await steadyReport(null);
    const { pdf, text } = await render(r, "zh-CN");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const end = r.figures.end;
    expect(text).toContain("首都职工创业小额贷款（暖·创贷）");
    expect(text).toContain("项目运行情况报告");
    expect(text).toContain("统计期间：2024-03-01 至 2024-06-30");
    // The period column by hand (A–F and R submitted; A and B disbursed, ¥500,000; H's and A's subsidy, ¥5,500); the cumulative one as the query has it.
    expect(text).toMatch(cells("收到贷款申请（份）", "7", end.applications.toLocaleString("en-US")));
    expect(text).toMatch(cells("其中续贷（份）", "1", end.renewals.toLocaleString("en-US")));
    expect(text).toMatch(cells("放款企业（家）", "2", end.enterprisesFunded.toLocaleString("en-US")));
    expect(text).toMatch(cells("放款金额", "¥500,000.00", formatFen(end.lentFen)));
    expect(text).toMatch(cells("贴息金额", "¥5,500.00", formatFen(end.subsidyFen)));
    // The funnel and why the others stopped, as the page counts them.
    for (const [step, n, share] of [["提交申请", "7", "100%"], ["中心推荐", "3", "42.9%"], ["担保通过", "2", "28.6%"], ["已放款", "2", "28.6%"], ["已贴息", "1", "14.3%"]]) {
      expect(text).toMatch(cells(step!, n!, share!));
    }
    expect(text).toMatch(cells("中心审核未通过", "1"));
    expect(text).toMatch(cells("退回补正逾期", "1"));
    // The stage clocks, the 2024 budget burn-down and the summary's words.
    expect(text).toMatch(cells("5", "5", "2", "5.6", "20%"));
    expect(text).toMatch(cells("担保审核", "北京首创融资担保有限公司", "3", "5", "3", "6.2", "33.3%"));
    expect(text).toMatch(cells("2024-06", "¥3,300.00", "¥5,500.00", "¥94,500.00"));
    expect(text).toContain("七、2024 年贴息预算执行情况");
    expect(text.replace(/\s+/g, "")).toContain("发放贷款2笔，金额¥500,000.00（人民币伍拾万元整）");
    expect(text.replace(/\s+/g, "")).toContain("2024年贴息预算¥100,000.00，已支付¥5,500.00，执行率5.5%");
    expect(text).toContain("文号：NCD-AR-20240301-20240630");
    expect(text).toMatch(/第1页／共\d页/);
  });

  it("speaks English to an English reader, with the same figures", async () => {
    const r = await steadyReport(2024, { from: "2024-01-01", to: "2024-06-30" });
    const { text } = await render(r, "en");
    expect(text).toContain("Annual report 2024");
    expect(text).toMatch(cells("Loan applications received", "7", r.figures.end.applications.toLocaleString("en-US")));
    expect(text).toMatch(cells("Amount lent", "¥500,000.00", formatFen(r.figures.end.lentFen)));
    expect(text).toMatch(cells("Disbursed", "2", "28.6%"));
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toContain("人民币");
    expect(text).not.toContain("统计期间");
  });
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ncd-pdf-"));
  const file = path.join(dir, "report.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
}
