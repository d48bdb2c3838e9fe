import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { accruedInterestFen } from "@/lib/loans/interest";
import { addMonthsClamped, daysBetween } from "@/lib/loans/schedule";
import { fenToYuanString } from "@/lib/money/fen";
import { importStatement } from "@/lib/subsidies/services/import-statement";
import { verifyBatch } from "@/lib/subsidies/services/verify-batch";
import { queryLine } from "@/lib/subsidies/services/query-line";
import { answerLineQuery } from "@/lib/subsidies/services/answer-line-query";
import { correctLine } from "@/lib/subsidies/services/correct-line";
import { reopenBatch } from "@/lib/subsidies/services/reopen-batch";
import { approveBatchAsMaker } from "@/lib/subsidies/services/approve-batch-as-maker";
import { approveBatchAsChecker } from "@/lib/subsidies/services/approve-batch-as-checker";
import { recordPayment } from "@/lib/subsidies/services/record-payment";
import { reconcileBatch } from "@/lib/subsidies/services/reconcile-batch";
import { subsidyStatementPdf } from "@/lib/subsidies/services/subsidy-statement-pdf";
import { batchSummaryPdf } from "@/lib/subsidies/services/batch-summary-pdf";
import { batchDetail, budgetOverview, listBatches, queriedLines } from "@/lib/subsidies/queries";
import { listLoans, loanDetail } from "@/lib/loans/queries";
import { beijingToday } from "@/lib/calendar/beijing";
import { DEMO_CONSULTING_SUBSIDY_TOTAL_FEN } from "@/lib/subsidies/demo-fixture";
import { outcome as code } from "../support/outcome";
import { worded } from "../support/words";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { createApplicant, createEnterprise, createStaff, ensureReferenceData, staffActor } from "../support/factories";
import { mobileLookup, seal } from "@/lib/personal-data/sealed";

// The quarterly batch on the real database: verify, query, answer or correct (a new version, the
// old one kept), two-person approval, payment exactly once, reconciliation, budget, documents.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADER = "合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期";
const interest = (start: string, end: string, principalFen = 50_000_000n) =>
  fenToYuanString(accruedInterestFen({ principalFen, annualRateMicros: 38_500, days: daysBetween(start, end) + 1 }));


/** A fresh bank with one officer and `loans` disbursed loans, each with a Q3 line imported into one OPEN batch. */
async function openBatch(loans = 2) {
  await ensureReferenceData();
  const org = await db.organisation.create({ data: { code: `BK-${uniqueSuffix()}`, type: "BANK", nameZh: `测试银行${uniqueSuffix().slice(-4)}`, nameEn: "Test bank" } });
  const officer = await createStaff(org.code, "BANK_OFFICER");
  const policy = await db.policyVersion.findUniqueOrThrow({ where: { version: 1 } });
  const applicant = await createApplicant();
  const enterprise = await createEnterprise(applicant);
  await db.unionStanding.create({ data: { enterpriseId: enterprise.id, validFrom: day("2020-01-01"), evidence: "测试工会" } });
  const rows: string[] = [];
  const made = [];
  for (let i = 0; i < loans; i += 1) {
    const app = await db.loanApplication.create({
      data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "ACTIVE", bankOrgId: org.id, policyVersionId: policy.id, amountFen: 50_000_000n, termMonths: 12 },
    });
    const loan = await db.loan.create({
      data: {
        applicationId: app.id, enterpriseId: enterprise.id, bankOrgId: org.id, contractNo: `HT-${uniqueSuffix()}`, principalFen: 50_000_000n, annualRateMicros: 38_500,
        lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
        disbursedOn: day("2025-06-10"), disbursedFen: 50_000_000n, maturityOn: day(addMonthsClamped("2025-06-10", 12)), accountNoSealed: seal("6228480012345678901", "Loan.accountNo"),
      },
    });
    made.push(loan);
    const due = interest("2025-06-10", "2025-09-20");
    rows.push([loan.contractNo, "2025-06-10", "2025-09-20", "500000", "3.85%", due, due, "2025-09-21", "否", "0", "否"].join(","));
  }
  await importStatement(officer, { fileName: "q3.csv", bytes: new TextEncoder().encode([HEADER, ...rows].join("\n")) });
  const batch = await db.subsidyBatch.findFirstOrThrow({ where: { bankOrgId: org.id } });
  return { org, officer, applicant, enterprise, loans: made, batch };
}

const batchNow = (id: string) => db.subsidyBatch.findUniqueOrThrow({ where: { id } });
const sumOfCurrentLines = async (batchId: string) =>
  (await db.statementLine.aggregate({ where: { batchId, current: true }, _sum: { subsidyFen: true } }))._sum.subsidyFen ?? 0n;

async function approved() {
  const setup = await openBatch();
  const reviewer = await staffActor("reviewer@center.demo");
  const approver = await staffActor("approver@center.demo");
  const id = setup.batch.id;
  await verifyBatch(reviewer, { batchId: id, version: (await batchNow(id)).version, checkAmounts: true, checkRepayment: true, checkUnion: true, comment: "" });
  await approveBatchAsMaker(reviewer, { batchId: id, version: (await batchNow(id)).version, comment: "" });
  await approveBatchAsChecker(approver, { batchId: id, version: (await batchNow(id)).version, comment: "" });
  return { ...setup, reviewer, approver, id };
}

const payment = async (id: string, ref = `PAY-${uniqueSuffix()}`) => ({ batchId: id, version: (await batchNow(id)).version, paidOn: beijingToday(), payerAccount: "北京市总工会贴息专户", paymentRef: ref });

describe("the quarterly subsidy batch", () => {
  it("a correction of one of a period's payments may not make the payments exceed the interest due", async () => {
    const { batch, officer, loans } = await openBatch(1);
    const reviewer = await staffActor("reviewer@center.demo");
    const first = await db.statementLine.findFirstOrThrow({ where: { loanId: loans[0]!.id } });
    // A second payment of the same period: the bank had reported the whole interest as paid, now ¥0.00 more fits.
    const due = fenToYuanString(first.interestDueFen);
    const row = [loans[0]!.contractNo, "2025-06-10", "2025-09-20", "500000", "3.85%", due, "0.00", "2025-09-25", "否", "0", "否"].join(",");
    expect(await importStatement(officer, { fileName: "second.csv", bytes: new TextEncoder().encode([HEADER, row].join("\n")) })).toMatchObject({ status: "IMPORTED", added: 1 });
    const second = await db.statementLine.findFirstOrThrow({ where: { loanId: loans[0]!.id, lineKey: { not: first.lineKey } } });
    await queryLine(reviewer, { lineId: second.id, batchVersion: (await batchNow(batch.id)).version, question: "第二笔付息金额为零，请核实" });
    const correction = {
      lineId: second.id, answer: "第二笔实付 1 元", principalBalanceFen: "500000", annualRateMicros: "3.85%",
      interestDueFen: due, interestPaidFen: "1.00", paidOn: "2025-09-25", overdue: "否" as const, penaltyInterestFen: "0", extended: "否" as const,
    };
    const refused = correctLine(officer, { ...correction, batchVersion: (await batchNow(batch.id)).version });
    const error = (await refused.catch((e: AppError) => e)) as AppError;
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { interestPaidFen: [expect.anything()] } });
    expect(worded(error.fieldErrors!.interestPaidFen![0])).toContain("各笔实付利息合计");
    expect(await db.statementLine.count({ where: { loanId: loans[0]!.id } })).toBe(2);
    // Lowering the first payment by a yuan leaves room for the second's.
    await queryLine(reviewer, { lineId: first.id, batchVersion: (await batchNow(batch.id)).version, question: "第一笔多报 1 元？" });
    await correctLine(officer, { ...correction, lineId: first.id, answer: "第一笔少 1 元", interestPaidFen: fenToYuanString(first.interestDueFen - 100n), paidOn: "2025-09-21", batchVersion: (await batchNow(batch.id)).version });
    await correctLine(officer, { ...correction, batchVersion: (await batchNow(batch.id)).version });
    const current = await db.statementLine.findMany({ where: { loanId: loans[0]!.id, current: true } });
    expect(current.reduce((sum, l) => sum + l.interestPaidFen, 0n)).toBe(first.interestDueFen);
    expect((await batchNow(batch.id)).totalFen).toBe(first.interestDueFen);
  });

  it("life cycle: verify with a checklist, query, correct (new version, old kept), re-verify, maker, checker, pay, reconcile — all audited", async () => {
    const { batch, officer, loans } = await openBatch();
    const reviewer = await staffActor("reviewer@center.demo");
    const approver = await staffActor("approver@center.demo");
    const id = batch.id;
    const before = await batchNow(id);
    expect(before.totalFen).toBe(await sumOfCurrentLines(id));

    // The centre queries one line; the batch cannot be verified while the query is open.
    const line = await db.statementLine.findFirstOrThrow({ where: { loanId: loans[0]!.id } });
    await queryLine(reviewer, { lineId: line.id, batchVersion: before.version, question: "实付利息与银行流水不符，请核实" });
    const queried = await queriedLines(officer);
    expect(queried.map((q) => q.id)).toEqual([line.id]);
    expect(await code(verifyBatch(reviewer, { batchId: id, version: (await batchNow(id)).version, checkAmounts: true, checkRepayment: true, checkUnion: true, comment: "" }))).toBe("VALIDATION");

    // The bank corrects it: interest paid was lower.
    const v = (await batchNow(id)).version;
    await correctLine(officer, {
      lineId: line.id, batchVersion: v, answer: "系统差错，已更正实付利息", principalBalanceFen: "500000", annualRateMicros: "3.85%",
      interestDueFen: fenToYuanString(line.interestDueFen), interestPaidFen: "1000.00", paidOn: "2025-09-21", overdue: "否", penaltyInterestFen: "0", extended: "否",
    });
    const versions = await db.statementLine.findMany({ where: { loanId: loans[0]!.id, lineKey: line.lineKey }, orderBy: { lineVersion: "asc" } });
    expect(versions.map((x) => [x.lineVersion, x.current, x.subsidyFen])).toEqual([[1, false, line.subsidyFen], [2, true, 100_000n]]);
    expect(versions[1]).toMatchObject({ query: "实付利息与银行流水不符，请核实", queryAnswer: "系统差错，已更正实付利息", batchId: id });
    const corrected = await batchNow(id);
    expect(corrected.totalFen).toBe(await sumOfCurrentLines(id));
    expect(corrected.totalFen).toBe(before.totalFen - line.subsidyFen + 100_000n);

    // A second query answered without a change.
    const other = await db.statementLine.findFirstOrThrow({ where: { loanId: loans[1]!.id } });
    await queryLine(approver, { lineId: other.id, batchVersion: corrected.version, question: "请确认付息日期" });
    await answerLineQuery(officer, { lineId: other.id, batchVersion: (await batchNow(id)).version, answer: "付息日期无误" });

    await verifyBatch(reviewer, { batchId: id, version: (await batchNow(id)).version, checkAmounts: true, checkRepayment: true, checkUnion: true, comment: "已核对" });
    const detail = await batchDetail(reviewer, id);
    expect(detail!.checklist).toMatchObject({ lineCount: 2, amountsOk: true, unionOk: true, sumOfLinesFen: corrected.totalFen, confirmed: { amounts: true, repayment: true, union: true } });
    expect(detail!.lines.find((l) => l.lineKey === line.lineKey)!.previous).toEqual([expect.objectContaining({ lineVersion: 1, subsidyFen: line.subsidyFen })]);
    // Lines are frozen once verified.
    expect(await code(queryLine(reviewer, { lineId: other.id, batchVersion: (await batchNow(id)).version, question: "再问一次" }))).toBe("INVALID_TRANSITION");

    await approveBatchAsMaker(reviewer, { batchId: id, version: (await batchNow(id)).version, comment: "" });
    await approveBatchAsChecker(approver, { batchId: id, version: (await batchNow(id)).version, comment: "" });
    await recordPayment(approver, await payment(id));
    await reconcileBatch(reviewer, { batchId: id, version: (await batchNow(id)).version, comment: "已与专户流水核对一致" });
    const done = await batchNow(id);
    expect(done).toMatchObject({ status: "RECONCILED", makerId: reviewer.userId, checkerId: approver.userId, totalFen: corrected.totalFen });
    const actions = (await db.auditEvent.findMany({ where: { entityType: "SubsidyBatch", entityId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "subsidy.batch_opened", "subsidy.line_queried", "subsidy.line_corrected", "subsidy.line_queried", "subsidy.line_query_answered",
      "subsidy.batch_verified", "subsidy.batch_maker_approved", "subsidy.batch_checker_approved", "subsidy.batch_paid", "subsidy.batch_reconciled",
    ]);
  });

  it("maker ≠ checker: the maker cannot check, a reviewer cannot check at all, and nothing changes", async () => {
    const { batch } = await openBatch();
    const approver = await createStaff("BJZGHZ", "CENTER_APPROVER");
    const reviewer = await staffActor("reviewer@center.demo");
    const id = batch.id;
    await verifyBatch(approver, { batchId: id, version: (await batchNow(id)).version, checkAmounts: true, checkRepayment: true, checkUnion: true, comment: "" });
    await approveBatchAsMaker(approver, { batchId: id, version: (await batchNow(id)).version, comment: "" });
    const v = (await batchNow(id)).version;
    expect(await code(approveBatchAsChecker(approver, { batchId: id, version: v, comment: "" }))).toBe("SAME_PERSON");
    expect(await code(approveBatchAsChecker(reviewer, { batchId: id, version: v, comment: "" }))).toBe("FORBIDDEN");
    expect(await batchNow(id)).toMatchObject({ status: "MAKER_APPROVED", version: v, checkerId: null });
    const detail = await batchDetail(approver, id);
    expect(detail!.actions).not.toContain("checkerApprove");
  });

  it("paying an unapproved batch is refused, paying twice is refused, a payment reference is recorded once", async () => {
    const open = await openBatch();
    const approver = await staffActor("approver@center.demo");
    const attempt = await payment(open.batch.id);
    const refused = await recordPayment(approver, attempt).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(worded((refused as AppError).detail)).toContain("不能登记支付");
    expect(await batchNow(open.batch.id)).toMatchObject({ status: "OPEN", paymentRef: null });

    const { id } = await approved();
    const first = await payment(id);
    await recordPayment(approver, first);
    const twice = await recordPayment(approver, { ...first, paymentRef: `PAY-${uniqueSuffix()}` }).catch((e: AppError) => e);
    expect(twice).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(worded((twice as AppError).detail)).toBe("该批次已登记支付，不能重复支付");
    expect(await batchNow(id)).toMatchObject({ status: "PAID", paymentRef: first.paymentRef });

    const another = await approved();
    expect(await code(recordPayment(approver, await payment(another.id, first.paymentRef)))).toBe("DUPLICATE");
    expect(await batchNow(another.id)).toMatchObject({ status: "APPROVED", paymentRef: null });
  });

  itOnPostgres("two payments of one batch at once: exactly one succeeds", async () => {
    const { id, approver } = await approved();
    const reviewer = await staffActor("reviewer@center.demo");
    const [a, b] = [await payment(id), await payment(id)];
    const results = await Promise.allSettled([recordPayment(approver, a), recordPayment(reviewer, b)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(["CONFLICT", "INVALID_TRANSITION"]).toContain((failure.reason as AppError).code);
    const paid = await batchNow(id);
    expect(paid.status).toBe("PAID");
    expect([a.paymentRef, b.paymentRef]).toContain(paid.paymentRef);
    expect(await db.auditEvent.count({ where: { entityType: "SubsidyBatch", entityId: id, action: "subsidy.batch_paid" } })).toBe(1);
  });

  itOnPostgres("the same payment reference on two batches at once: exactly one records it", async () => {
    const [x, y] = [await approved(), await approved()];
    const ref = `PAY-${uniqueSuffix()}`;
    const results = await Promise.allSettled([recordPayment(x.approver, await payment(x.id, ref)), recordPayment(y.approver, await payment(y.id, ref))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as AppError).code).toBe("DUPLICATE");
    expect(await db.subsidyBatch.count({ where: { paymentRef: ref } })).toBe(1);
  });

  it("scope and roles: another bank sees nothing, a bank cannot verify, the centre cannot answer", async () => {
    const { batch, officer, loans } = await openBatch();
    const stranger = await openBatch(1);
    const reviewer = await staffActor("reviewer@center.demo");
    const v = (await batchNow(batch.id)).version;
    const verify = { batchId: batch.id, version: v, checkAmounts: true, checkRepayment: true, checkUnion: true, comment: "" };
    expect(await code(verifyBatch(stranger.officer, verify))).toBe("NOT_FOUND");
    expect(await code(verifyBatch(officer, verify))).toBe("FORBIDDEN");
    expect(await batchDetail(stranger.officer, batch.id)).toBeNull();
    expect((await listBatches(stranger.officer)).map((b) => b.id)).toEqual([stranger.batch.id]);
    const line = await db.statementLine.findFirstOrThrow({ where: { loanId: loans[0]!.id } });
    expect(await code(queryLine(officer, { lineId: line.id, batchVersion: v, question: "自问自答" }))).toBe("FORBIDDEN");
    await queryLine(reviewer, { lineId: line.id, batchVersion: v, question: "请核实" });
    const v2 = (await batchNow(batch.id)).version;
    expect(await code(answerLineQuery(reviewer, { lineId: line.id, batchVersion: v2, answer: "代答" }))).toBe("FORBIDDEN");
    expect(await code(answerLineQuery(stranger.officer, { lineId: line.id, batchVersion: v2, answer: "代答" }))).toBe("NOT_FOUND");
    expect(await code(answerLineQuery(officer, { lineId: line.id, batchVersion: v, answer: "过期的版本" }))).toBe("CONFLICT");
    expect(await batchNow(batch.id)).toMatchObject({ status: "OPEN", version: v2 });
  });

  it("a stale version is a conflict; reopening clears the maker", async () => {
    const { batch } = await openBatch();
    const reviewer = await staffActor("reviewer@center.demo");
    const v = (await batchNow(batch.id)).version;
    await verifyBatch(reviewer, { batchId: batch.id, version: v, checkAmounts: true, checkRepayment: true, checkUnion: true, comment: "" });
    expect(await code(approveBatchAsMaker(reviewer, { batchId: batch.id, version: v, comment: "" }))).toBe("CONFLICT");
    await approveBatchAsMaker(reviewer, { batchId: batch.id, version: v + 1, comment: "" });
    await reopenBatch(reviewer, { batchId: batch.id, version: v + 2, comment: "需要再核一笔" });
    expect(await batchNow(batch.id)).toMatchObject({ status: "OPEN", makerId: null, version: v + 3 });
  });

  it("spend is tracked against the year's budget and a payment over it is refused", async () => {
    const year = Number(beijingToday().slice(0, 4));
    const reviewer = await staffActor("reviewer@center.demo");
    const before = (await budgetOverview(reviewer)).find((y) => y.year === year)!;
    const { id, approver } = await approved();
    const total = (await batchNow(id)).totalFen;
    await recordPayment(approver, await payment(id));
    const after = (await budgetOverview(reviewer)).find((y) => y.year === year)!;
    expect(after.spentFen - before.spentFen).toBe(total);
    if (after.budgetFen !== null) expect(after.remainingFen).toBe(after.budgetFen - after.spentFen);

    const budget = await db.subsidyBudget.findUnique({ where: { year } });
    const over = await approved();
    await db.subsidyBudget.upsert({ where: { year }, create: { year, amountFen: after.spentFen + 1n }, update: { amountFen: after.spentFen + 1n } });
    try {
      expect(await code(recordPayment(over.approver, await payment(over.id)))).toBe("VALIDATION");
      expect((await batchNow(over.id)).status).toBe("APPROVED");
    } finally {
      if (budget) await db.subsidyBudget.update({ where: { year }, data: { amountFen: budget.amountFen } });
      else await db.subsidyBudget.delete({ where: { year } });
    }
  });

  it("documents: the applicant's 贴息确认单 and the batch summary, authorised, with Chinese text", async () => {
    const { id, applicant, loans, officer } = await approved();
    await recordPayment((await staffActor("approver@center.demo")), await payment(id, `PAY-DOC-${uniqueSuffix()}`));
    const statement = await subsidyStatementPdf(applicant, loans[0]!.id, "2025Q3");
    expect(statement!.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(statement!.pdf);
    expect(text).toContain("贴息确认单");
    const total = (await batchNow(id)).totalFen;
    expect(text.replace(/\s+/g, "")).toContain(`¥${fenToYuanString(total).replace(/\B(?=(\d{3})+\.)/g, ",")}`);
    expect(await subsidyStatementPdf(officer, loans[0]!.id, "2025Q3")).toBeNull();
    expect(await subsidyStatementPdf(await createApplicant(), loans[0]!.id, "2025Q3")).toBeNull();
    expect(await subsidyStatementPdf(applicant, loans[0]!.id, "2024Q1")).toBeNull();

    const summary = await batchSummaryPdf(officer, id);
    expect(pdfText(summary!.pdf)).toContain("贴息批次汇总表");
    expect(await batchSummaryPdf(applicant, id)).toBeNull();
    expect(await batchSummaryPdf((await openBatch(1)).officer, id)).toBeNull();
  });

  it("the seed's demo subsidies add up to ¥35,146.94 through the queries", async () => {
    await ensureReferenceData();
    const reviewer = await staffActor("reviewer@center.demo");
    const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
    const demo = (await listBatches(reviewer)).filter((b) => b.bankName === bank.nameZh && b.quarter < "2022");
    expect(demo.reduce((s, b) => s + b.totalFen, 0n)).toBe(DEMO_CONSULTING_SUBSIDY_TOTAL_FEN);
    const zhang = await db.user.findUniqueOrThrow({ where: mobileLookup("13800000001") });
    const applicant = { kind: "APPLICANT" as const, userId: zhang.id, role: "APPLICANT" as const, displayName: zhang.displayName };
    const loans = await listLoans(applicant);
    let received = 0n;
    for (const l of loans) received += (await loanDetail(applicant, l.id))!.subsidyReceivedFen;
    expect(received).toBe(DEMO_CONSULTING_SUBSIDY_TOTAL_FEN);
  });
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ncd-pdf-"));
  const file = path.join(dir, "x.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
}
