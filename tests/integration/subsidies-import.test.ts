import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { accruedInterestFen } from "@/lib/loans/interest";
import { addMonthsClamped, daysBetween } from "@/lib/loans/schedule";
import { fenToYuanString, formatFen } from "@/lib/money/fen";
import { FIRST_POLICY } from "@/lib/setup/programme-defaults";
import { importStatement } from "@/lib/subsidies/services/import-statement";
import { enterStatementLine } from "@/lib/subsidies/services/enter-statement-line";
import type { ImportOutcome } from "@/lib/subsidies/services/intake-outcome";
import { db, uniqueSuffix } from "../support/db";
import { worded } from "../support/words";
import { createApplicant, createEnterprise, createStaff, ensureReferenceData, staffActor } from "../support/factories";

// Statement import on the real database: good files in both formats, every kind of bad file
// (reported per line, nothing stored), re-imports, typed entry and the subsidy of each line.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADER = "合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期";

async function newBank() {
  await ensureReferenceData();
  const org = await db.organisation.create({ data: { code: `BK-${uniqueSuffix()}`, type: "BANK", nameZh: `测试银行${uniqueSuffix().slice(-4)}`, nameEn: "Test bank" } });
  return { org, officer: await createStaff(org.code, "BANK_OFFICER") };
}

type LoanOptions = { principalFen?: bigint; rate?: number; disbursedOn?: string; union?: { from: string; to: string | null } | null; ratioBp?: number };

async function newLoan(bankOrgId: string, o: LoanOptions = {}) {
  const applicant = await createApplicant();
  const enterprise = await createEnterprise(applicant);
  const policy = o.ratioBp === undefined
    ? await db.policyVersion.findUniqueOrThrow({ where: { version: 1 } })
    : await db.policyVersion.create({ data: { ...FIRST_POLICY, version: 1000 + Math.floor(Math.random() * 1_000_000), subsidyRatioBp: o.ratioBp } });
  const principalFen = o.principalFen ?? 50_000_000n;
  const disbursedOn = o.disbursedOn ?? "2025-06-10";
  const app = await db.loanApplication.create({
    data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "ACTIVE", bankOrgId, policyVersionId: policy.id, amountFen: principalFen, termMonths: 12 },
  });
  const loan = await db.loan.create({
    data: {
      applicationId: app.id, enterpriseId: enterprise.id, bankOrgId, contractNo: `HT-${uniqueSuffix()}`, principalFen, annualRateMicros: o.rate ?? 38_500,
      lprReference: "一年期 LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
      disbursedOn: day(disbursedOn), disbursedFen: principalFen, maturityOn: day(addMonthsClamped(disbursedOn, 12)),
    },
  });
  const union = o.union === undefined ? { from: "2020-01-01", to: null } : o.union;
  if (union) await db.unionStanding.create({ data: { enterpriseId: enterprise.id, validFrom: day(union.from), validTo: union.to ? day(union.to) : null, evidence: "测试工会会员证" } });
  return { loan, applicant, enterprise };
}

type Line = { contractNo: string; start: string; end: string; balance?: string; rate?: string; due?: string; paid?: string; paidOn?: string; overdue?: string; penalty?: string; extended?: string };

/** Interest due on ¥500,000 at 3.85 % for the period, as the bank computes it. */
const interest = (start: string, end: string, principalFen = 50_000_000n, rate = 38_500) =>
  fenToYuanString(accruedInterestFen({ principalFen, annualRateMicros: rate, days: daysBetween(start, end) + 1 }));

function csv(lines: Line[], header = HEADER): Uint8Array {
  const rows = lines.map((l) => {
    const due = l.due ?? interest(l.start, l.end);
    return [l.contractNo, l.start, l.end, l.balance ?? "500000.00", l.rate ?? "3.85%", due, l.paid ?? due, l.paidOn ?? l.end, l.overdue ?? "否", l.penalty ?? "0", l.extended ?? "否"].join(",");
  });
  return new TextEncoder().encode([header, ...rows].join("\n"));
}

const Q3 = { start: "2025-06-10", end: "2025-09-20", paidOn: "2025-09-21" };
const Q4 = { start: "2025-09-21", end: "2025-12-20", paidOn: "2025-12-21" };
const Q1 = { start: "2025-12-21", end: "2026-03-20", paidOn: "2026-03-21" };

const stored = async (bankOrgId: string) => ({
  lines: await db.statementLine.count({ where: { loan: { bankOrgId } } }),
  imports: await db.statementImport.count({ where: { bankOrgId } }),
  batches: await db.subsidyBatch.count({ where: { bankOrgId } }),
});

/** The per-line report as a Chinese reader sees it. */
function rejected(outcome: ImportOutcome) {
  if (outcome.status !== "REJECTED") throw new Error(`expected REJECTED, got ${outcome.status}`);
  return outcome.errors.map((e) => ({ ...e, message: worded(e.message) }));
}

describe("importing a bank's interest statement", () => {
  it("stores a good CSV: subsidy per line, one OPEN batch per quarter of payment, totals that add up, evidence, audit", async () => {
    const { org, officer } = await newBank();
    const { loan } = await newLoan(org.id);
    const outcome = await importStatement(officer, { fileName: "2025Q3-Q4.csv", bytes: csv([{ contractNo: loan.contractNo, ...Q3 }, { contractNo: loan.contractNo, ...Q4 }]) });
    expect(outcome).toMatchObject({ status: "IMPORTED", added: 2, skipped: 0, quarters: ["2025Q3", "2025Q4"] });
    const lines = await db.statementLine.findMany({ where: { loanId: loan.id }, orderBy: { periodStart: "asc" }, include: { batch: true } });
    expect(lines.map((l) => l.batch!.quarter)).toEqual(["2025Q3", "2025Q4"]);
    expect(lines[0]!.subsidyFen).toBe(lines[0]!.interestPaidFen);
    expect(lines[0]!.unionEvidence).toEqual({ checkedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), ratioBasisPoints: 10_000, standing: [{ validFrom: "2020-01-01", validTo: null, evidence: "测试工会会员证" }] });
    for (const l of lines) {
      expect(l.batch!.status).toBe("OPEN");
      expect(l.batch!.totalFen).toBe(l.subsidyFen);
    }
    expect(outcome.status === "IMPORTED" && outcome.subsidyFen).toBe(lines[0]!.subsidyFen + lines[1]!.subsidyFen);
    expect(await db.auditEvent.count({ where: { entityType: "SubsidyBatch", entityId: lines[0]!.batchId!, action: "subsidy.batch_opened" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "StatementImport", action: "subsidy.statement_imported", actorId: officer.userId } })).toBe(1);
  });

  it("stores a good XLSX the same way", async () => {
    const { org, officer } = await newBank();
    const { loan } = await newLoan(org.id);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("利息清单");
    sheet.addRow(HEADER.split(","));
    const due = interest(Q3.start, Q3.end);
    sheet.addRow([loan.contractNo, Q3.start, Q3.end, 500000, "3.85%", Number(due), Number(due), Q3.paidOn, "否", 0, "否"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importStatement(officer, { fileName: "q3.xlsx", bytes })).toMatchObject({ status: "IMPORTED", added: 1 });
    const line = await db.statementLine.findFirstOrThrow({ where: { loanId: loan.id } });
    expect(fenToYuanString(line.interestPaidFen)).toBe(due);
  });

  it("the same file again adds nothing and says so; a file overlapping stored lines adds only the new ones", async () => {
    const { org, officer } = await newBank();
    const { loan } = await newLoan(org.id);
    const first = csv([{ contractNo: loan.contractNo, ...Q3 }]);
    const imported = await importStatement(officer, { fileName: "a.csv", bytes: first });
    const before = await stored(org.id);
    const again = await importStatement(officer, { fileName: "a (1).csv", bytes: first });
    expect(again).toMatchObject({ status: "ALREADY_IMPORTED", importId: imported.status === "IMPORTED" ? imported.importId : "", fileName: "a.csv" });
    expect(await stored(org.id)).toEqual(before);

    const overlapping = await importStatement(officer, { fileName: "b.csv", bytes: csv([{ contractNo: loan.contractNo, ...Q3 }, { contractNo: loan.contractNo, ...Q4 }], HEADER + "\n") });
    expect(overlapping).toMatchObject({ status: "IMPORTED", added: 1, skipped: 1 });
    const onlyOld = await importStatement(officer, { fileName: "c.csv", bytes: csv([{ contractNo: loan.contractNo, ...Q4 }], HEADER + "\r") });
    expect(onlyOld).toMatchObject({ status: "IMPORTED", added: 0, skipped: 1, importId: null });
    expect(await db.statementLine.count({ where: { loanId: loan.id } })).toBe(2);
  });

  it("the same period with different figures is an error, not a silent second line", async () => {
    const { org, officer } = await newBank();
    const { loan } = await newLoan(org.id);
    await importStatement(officer, { fileName: "a.csv", bytes: csv([{ contractNo: loan.contractNo, ...Q3 }]) });
    const before = await stored(org.id);
    const errors = rejected(await importStatement(officer, { fileName: "b.csv", bytes: csv([{ contractNo: loan.contractNo, ...Q3, paid: "100.00" }]) }));
    expect(errors).toEqual([{ line: 2, column: "合同编号", message: expect.stringContaining("已导入且金额不同") }]);
    expect(await stored(org.id)).toEqual(before);
  });

  it("a period's interest paid in several payments: each its own line (in the quarter of its payment), never more than is due in all", async () => {
    const { org, officer } = await newBank();
    const { loan } = await newLoan(org.id);
    // Q3 interest of ¥5,493.06 (103 days at 3.85 % on ¥500,000), paid as ¥2,000.00 on 21 Sep and the rest on 8 Oct.
    const due = interest(Q3.start, Q3.end);
    const dueFen = BigInt(due.replace(".", ""));
    const rest = fenToYuanString(dueFen - 200_000n);
    const first = { contractNo: loan.contractNo, ...Q3, paid: "2000.00" };
    const second = { contractNo: loan.contractNo, ...Q3, paid: rest, paidOn: "2025-10-08" };
    expect(await importStatement(officer, { fileName: "sep.csv", bytes: csv([first]) })).toMatchObject({ status: "IMPORTED", added: 1, quarters: ["2025Q3"] });
    const before = await stored(org.id);
    // The second payment overpays by a fen: refused with the figures, nothing stored.
    const over = { ...second, paid: fenToYuanString(dueFen - 200_000n + 1n) };
    expect(rejected(await importStatement(officer, { fileName: "oct-over.csv", bytes: csv([over]) }))).toEqual([
      { line: 2, column: "实付利息", message: `该计息期间各笔实付利息合计 ${formatFen(dueFen + 1n)}，超过应付利息 ${formatFen(dueFen)}` },
    ]);
    // A different interest due for the same period: refused too.
    expect(rejected(await importStatement(officer, { fileName: "oct-due.csv", bytes: csv([{ ...second, due: "6000.00" }]) }))).toEqual([
      { line: 2, column: "应付利息", message: expect.stringContaining("应付利息须一致") },
    ]);
    expect(await stored(org.id)).toEqual(before);

    expect(await importStatement(officer, { fileName: "oct.csv", bytes: csv([second]) })).toMatchObject({ status: "IMPORTED", added: 1, quarters: ["2025Q4"] });
    const lines = await db.statementLine.findMany({ where: { loanId: loan.id }, orderBy: { paidOn: "asc" }, include: { batch: true } });
    expect(lines.map((l) => [l.batch!.quarter, fenToYuanString(l.interestPaidFen), fenToYuanString(l.subsidyFen)])).toEqual([
      ["2025Q3", "2000.00", "2000.00"], ["2025Q4", rest, rest],
    ]);
    expect(lines[0]!.subsidyFen + lines[1]!.subsidyFen).toBe(dueFen);
    // Both payments again in one file: both already there, nothing added.
    expect(await importStatement(officer, { fileName: "both.csv", bytes: csv([first, second]) })).toMatchObject({ status: "IMPORTED", added: 0, skipped: 2 });
  });

  describe("bad files: every problem reported per line, nothing stored", () => {
    const cases: [string, (c: { mine: string; foreign: string }) => Uint8Array, { line: number; column: string; message: RegExp }[]][] = [
      ["not a CSV or XLSX (a PDF)", () => new TextEncoder().encode("%PDF-1.7\n\u0000\u0001binary"), [{ line: 0, column: "", message: /不是 CSV 或 XLSX/ }]],
      ["not a CSV or XLSX (a broken zip)", () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), [{ line: 0, column: "", message: /XLSX 文件已损坏/ }]],
      ["a missing column", (c) => new TextEncoder().encode(`合同编号,计息起日,计息止日,本金余额,年利率,应付利息,付息日期,逾期,罚息\n${c.mine},2025-06-10,2025-09-20,500000,3.85%,10,2025-09-21,否,0`),
        [{ line: 1, column: "实付利息", message: /缺少必填列/ }]],
      ["an unknown column", (c) => csv([{ contractNo: c.mine, ...Q3 }], `${HEADER},备注`), [{ line: 1, column: "备注", message: /无法识别的列/ }]],
      ["an unknown contract number", () => csv([{ contractNo: "NO-SUCH-LOAN", ...Q3 }]), [{ line: 2, column: "合同编号", message: /不存在或不属于本行/ }]],
      ["another bank's contract number", (c) => csv([{ contractNo: c.foreign, ...Q3 }]), [{ line: 2, column: "合同编号", message: /不存在或不属于本行/ }]],
      ["a negative amount", (c) => csv([{ contractNo: c.mine, ...Q3, paid: "-5.00" }]), [{ line: 2, column: "实付利息", message: /不能为负数/ }]],
      ["a non-numeric amount", (c) => csv([{ contractNo: c.mine, ...Q3, due: "abc", paid: "10.00" }]), [{ line: 2, column: "应付利息", message: /必须是数字/ }]],
      ["a period outside the loan", (c) => csv([{ contractNo: c.mine, start: "2025-05-01", end: "2025-06-30", paidOn: "2025-07-01" }]), [{ line: 2, column: "计息起日", message: /超出贷款期限/ }]],
      ["a period after maturity", (c) => csv([{ contractNo: c.mine, start: "2026-03-21", end: "2026-07-20", paidOn: "2026-07-21" }]), [{ line: 2, column: "计息止日", message: /超出贷款期限/ }]],
      ["a duplicate line", (c) => csv([{ contractNo: c.mine, ...Q3 }, { contractNo: c.mine, ...Q3 }]), [{ line: 3, column: "合同编号", message: /与第 2 行重复/ }]],
      ["interest paid above interest due", (c) => csv([{ contractNo: c.mine, ...Q3, due: "100.00", paid: "100.01" }]), [{ line: 2, column: "实付利息", message: /超过应付利息/ }]],
      ["a date in the future", (c) => csv([{ contractNo: c.mine, ...Q3, paidOn: "2099-01-01" }]), [{ line: 2, column: "付息日期", message: /不能晚于今天/ }]],
    ];
    for (const [name, build, expected] of cases) {
      it(name, async () => {
        const { org, officer } = await newBank();
        const other = await newBank();
        const { loan } = await newLoan(org.id);
        const { loan: foreign } = await newLoan(other.org.id);
        // A good line first: one bad line must reject it too.
        const errors = rejected(await importStatement(officer, { fileName: "bad.csv", bytes: build({ mine: loan.contractNo, foreign: foreign.contractNo }) }));
        expect(errors).toEqual(expected.map((e) => ({ line: e.line, column: e.column, message: expect.stringMatching(e.message) })));
        expect(await stored(org.id)).toEqual({ lines: 0, imports: 0, batches: 0 });
      });
    }

    it("one bad line among good ones rejects the whole file, with every problem listed", async () => {
      const { org, officer } = await newBank();
      const { loan } = await newLoan(org.id);
      const bytes = csv([
        { contractNo: loan.contractNo, ...Q3 },
        { contractNo: "UNKNOWN-1", ...Q4 },
        { contractNo: loan.contractNo, ...Q1, paid: "x" },
        { contractNo: loan.contractNo, start: "2026-03-21", end: "2026-06-20", paidOn: "2099-06-21" },
      ]);
      // Format problems and the well-formed rows' problems with the loans, in one report …
      let errors = rejected(await importStatement(officer, { fileName: "mixed.csv", bytes }));
      expect(errors.map((e) => [e.line, e.column])).toEqual([[3, "合同编号"], [4, "实付利息"], [5, "付息日期"]]);
      // … and once the format is right, every check against the loans at once.
      const fixed = csv([
        { contractNo: loan.contractNo, ...Q3 },
        { contractNo: "UNKNOWN-1", ...Q4 },
        { contractNo: loan.contractNo, start: "2025-12-21", end: "2026-08-20", paidOn: "2026-08-21" },
      ]);
      errors = rejected(await importStatement(officer, { fileName: "mixed.csv", bytes: fixed }));
      expect(errors.map((e) => [e.line, e.column])).toEqual([[3, "合同编号"], [4, "计息止日"]]);
      expect(await stored(org.id)).toEqual({ lines: 0, imports: 0, batches: 0 });
    });

    it("a line for a quarter whose batch the centre has already verified", async () => {
      const { org, officer } = await newBank();
      const { loan } = await newLoan(org.id);
      await db.subsidyBatch.create({ data: { bankOrgId: org.id, quarter: "2025Q3", status: "VERIFIED" } });
      const errors = rejected(await importStatement(officer, { fileName: "late.csv", bytes: csv([{ contractNo: loan.contractNo, ...Q4 }, { contractNo: loan.contractNo, ...Q3 }]) }));
      expect(errors).toEqual([{ line: 3, column: "付息日期", message: "该季度（2025年第3季度）批次已审核，不能再导入" }]);
      expect(await db.statementLine.count({ where: { loanId: loan.id } })).toBe(0);
    });
  });

  it("only a bank officer imports, and only for their own bank", async () => {
    const reviewer = await staffActor("reviewer@center.demo");
    await expect(importStatement(reviewer, { fileName: "x.csv", bytes: csv([]) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const applicant = await createApplicant();
    await expect(importStatement(applicant, { fileName: "x.csv", bytes: csv([]) })).rejects.toBeInstanceOf(AppError);
  });

  it("computes each line's subsidy: pinned ratio, union standing prorated and stored as evidence, overdue and extended excluded", async () => {
    const { org, officer } = await newBank();
    const half = await newLoan(org.id, { ratioBp: 5_000 });
    const partial = await newLoan(org.id, { union: { from: "2025-08-01", to: null } });
    const none = await newLoan(org.id, { union: null });
    const overdue = await newLoan(org.id);
    const extended = await newLoan(org.id);
    const bytes = csv([
      { contractNo: half.loan.contractNo, ...Q3, due: "5000.01", paid: "5000.01", penalty: "12.00" },
      { contractNo: partial.loan.contractNo, ...Q3, due: "1030.00", paid: "1030.00" },
      { contractNo: none.loan.contractNo, ...Q3 },
      { contractNo: overdue.loan.contractNo, ...Q3, overdue: "是", paid: "0", paidOn: "" },
      { contractNo: extended.loan.contractNo, ...Q3, extended: "是" },
    ]);
    expect(await importStatement(officer, { fileName: "mix.csv", bytes })).toMatchObject({ status: "IMPORTED", added: 5 });
    const of = (loanId: string) => db.statementLine.findFirstOrThrow({ where: { loanId } });
    // 5000.01 × 50 % = 2500.005 → half up → 2500.01
    expect((await of(half.loan.id)).subsidyFen).toBe(250_001n);
    // 103 days in the period, 51 of them with union standing (1 Aug – 20 Sep): 103000 × 51 / 103 = 51000 fen.
    const p = await of(partial.loan.id);
    expect(p.subsidyFen).toBe(51_000n);
    expect(p.unionEvidence).toMatchObject({ standing: [{ validFrom: "2025-08-01", validTo: null }] });
    expect(await of(none.loan.id)).toMatchObject({ subsidyFen: 0n, excludedReason: "UNION_STANDING", unionEvidence: { standing: [], ratioBasisPoints: 10_000 } });
    expect(await of(overdue.loan.id)).toMatchObject({ subsidyFen: 0n, excludedReason: "OVERDUE" });
    expect(await of(extended.loan.id)).toMatchObject({ subsidyFen: 0n, excludedReason: "EXTENDED" });
    const batch = await db.subsidyBatch.findFirstOrThrow({ where: { bankOrgId: org.id, quarter: "2025Q3" } });
    expect(batch.totalFen).toBe(250_001n + 51_000n);
  });

  it("typed entry goes through the same checks and the same line twice adds nothing", async () => {
    const { org, officer } = await newBank();
    const { loan } = await newLoan(org.id);
    const due = interest(Q3.start, Q3.end);
    const input = {
      contractNo: loan.contractNo, periodStart: Q3.start, periodEnd: Q3.end, principalBalanceFen: "500,000.00", annualRateMicros: "3.85%",
      interestDueFen: due, interestPaidFen: due, paidOn: Q3.paidOn, overdue: "否" as const, penaltyInterestFen: "", extended: "否" as const,
    };
    expect(await enterStatementLine(officer, input)).toMatchObject({ status: "IMPORTED", added: 1 });
    expect(await enterStatementLine(officer, input)).toMatchObject({ status: "ALREADY_IMPORTED" });
    const bad = rejected(await enterStatementLine(officer, { ...input, periodStart: Q4.start, periodEnd: Q4.end, paidOn: Q4.paidOn, interestPaidFen: "99999.00" }));
    expect(bad).toEqual([{ line: 2, column: "实付利息", message: "实付利息超过应付利息" }]);
    expect(await db.statementLine.count({ where: { loanId: loan.id } })).toBe(1);
  });
});
