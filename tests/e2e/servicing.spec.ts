import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";
import { addMonthsClamped, buildSchedule } from "@/lib/loans/schedule";
import { beijingToday } from "@/lib/calendar/beijing";
import { fenToYuanString, formatFen, parseYuanToFen } from "@/lib/money/fen";

// After the loan: the bank records a repayment and reports an overdue with amounts; the guarantee
// company finds the loan on its portfolio, records 代偿 and two recoveries; the centre's portfolio
// totals move by exactly those amounts; the applicant reads what happened.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const contractNo = `NCD-SV-${stamp}`;
const enterpriseName = `北京贷后测试商贸有限公司${stamp}`;
const today = beijingToday();
const disbursedOn = addMonthsClamped(today, -3);
const PRINCIPAL = 30_000_000n;
const schedule = buildSchedule({ principalFen: PRINCIPAL, annualRateMicros: 34_500, termMonths: 12, disbursedOn, method: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY" });
const firstInterest = schedule[0]!.interestFen;
const secondInterest = schedule[1]!.interestFen;
const OVERDUE_PRINCIPAL = 5_000_000n;
const COMPENSATED = PRINCIPAL + secondInterest;
const RECOVERIES = [4_000_000n, 2_500_050n];

let applicant: Awaited<ReturnType<typeof createApplicant>>;
let applicationId = "";
let loanId = "";
let before: Record<string, bigint> = {};

async function as(browser: Browser, identifier: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier, password);
  return context.newPage();
}

const TOTALS = ["overduePrincipal", "overdueInterest", "compensated", "recovered"] as const;
async function centreTotals(page: Page): Promise<Record<string, bigint>> {
  await page.goto("/center/loans");
  const out: Record<string, bigint> = {};
  for (const key of TOTALS) out[key] = parseYuanToFen((await page.getByTestId(`total-${key}`).innerText()).trim());
  return out;
}

const loanStatus = async () => (await queryE2e<{ status: string }>(`SELECT status::text FROM "Loan" WHERE id = $1`, [loanId]))[0]!.status;

test.beforeAll(async () => {
  applicant = await createApplicant();
  const [policy] = await queryE2e<{ id: string }>(`SELECT id FROM "PolicyVersion" ORDER BY version LIMIT 1`);
  const [bank] = await queryE2e<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'BJRCB'`);
  const [guarantor] = await queryE2e<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'SCDB'`);
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '北京市东城区测试街 8 号', '批发零售', '2020-01-01', 5, 150000000, true, 5, now()) RETURNING id`,
    [applicant.userId, enterpriseName, makeCreditCode(), applicant.displayName],
  );
  const [app] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, status, version, "applicantId", "enterpriseId", "bankOrgId", "guarantorOrgId", "policyVersionId", "amountFen", "termMonths", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'ACTIVE', 9, $2, $3, $4, $5, $6, $7, 12, now()) RETURNING id`,
    [`SQ-SV-${stamp}`, applicant.userId, enterprise!.id, bank!.id, guarantor!.id, policy!.id, PRINCIPAL.toString()],
  );
  applicationId = app!.id;
  const [loan] = await queryE2e<{ id: string }>(
    `INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "annualRateMicros", "lprReference", "termMonths",
       "repaymentMethod", status, "signedAt", "disbursedOn", "disbursedFen", "maturityOn")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 34500, '一年期 LPR 3.45%', 12, 'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'ACTIVE', now(), $6, $5, $7) RETURNING id`,
    [applicationId, enterprise!.id, bank!.id, contractNo, PRINCIPAL.toString(), disbursedOn, addMonthsClamped(disbursedOn, 12)],
  );
  loanId = loan!.id;
});

test("the bank records a repayment and reports the overdue with its amounts; the centre's totals move by them", async ({ browser }) => {
  const centre = await as(browser, "reviewer@center.demo");
  before = await centreTotals(centre);

  const bank = await as(browser, "officer@bank.demo");
  await bank.goto(`/bank/cases/${applicationId}`);
  const repay = bank.locator('[data-action="recordRepayment"]');
  await repay.getByRole("textbox", { name: "利息（元）", exact: true }).fill(fenToYuanString(firstInterest));
  await repay.getByLabel("还款日期").fill(schedule[0]!.dueOn);
  await repay.getByRole("textbox", { name: "业务流水号", exact: true }).fill(`HK-${stamp}-1`);
  await repay.getByRole("button", { name: "登记还款" }).click();
  await expect(bank.getByTestId("page-feedback")).toHaveText("已登记还款");
  await expect(bank.getByTestId("case-servicing")).toContainText(`HK-${stamp}-1`);

  await bank.locator('[data-action="reportOverdue"] summary').click();
  const overdue = bank.locator('[data-action="reportOverdue"]');
  // More interest than has fallen due is refused with the figures, and nothing is stored.
  await overdue.getByRole("textbox", { name: "逾期本金（元）", exact: true }).fill(fenToYuanString(OVERDUE_PRINCIPAL));
  await overdue.getByRole("textbox", { name: "逾期利息（元）", exact: true }).fill("99999");
  await overdue.getByLabel("首次未按期还款日").fill(schedule[1]!.dueOn);
  await overdue.getByRole("textbox", { name: "说明", exact: true }).fill("第二期利息及部分本金未按期归还");
  await overdue.getByRole("button", { name: "确认报告逾期" }).click();
  await expect(overdue.getByText(/逾期金额超过应还金额/).first()).toBeVisible();
  expect(await loanStatus()).toBe("ACTIVE");
  await overdue.getByRole("textbox", { name: "逾期利息（元）", exact: true }).fill(fenToYuanString(secondInterest));
  await overdue.getByRole("button", { name: "确认报告逾期" }).click();
  await expect.poll(loanStatus).toBe("OVERDUE");

  const after = await centreTotals(centre);
  expect(after.overduePrincipal! - before.overduePrincipal!).toBe(OVERDUE_PRINCIPAL);
  expect(after.overdueInterest! - before.overdueInterest!).toBe(secondInterest);
});

test("the guarantee company finds the overdue loan on its portfolio, records 代偿 and two recoveries", async ({ browser }) => {
  const guarantor = await as(browser, "officer@guarantor.demo");
  await guarantor.goto("/guarantor");
  await guarantor.getByRole("link", { name: "贷款台账" }).click();
  await guarantor.getByRole("link", { name: "逾期", exact: true }).click();
  await guarantor.getByRole("searchbox", { name: "合同编号或企业名称" }).fill(contractNo);
  await guarantor.getByRole("button", { name: "搜索" }).click();
  const row = guarantor.locator(`tr[data-contract="${contractNo}"]`);
  await expect(row).toContainText(enterpriseName);
  await captureScreens(guarantor, "guarantor-portfolio");
  await row.getByRole("link", { name: contractNo }).click();

  const compensate = guarantor.locator('[data-action="compensate"]');
  await compensate.getByRole("textbox", { name: "代偿金额（元）", exact: true }).fill(fenToYuanString(COMPENSATED));
  await compensate.getByLabel("代偿日期").fill(today);
  await compensate.getByRole("textbox", { name: "说明", exact: true }).fill("已向银行代偿本息");
  await compensate.getByRole("button", { name: "登记代偿" }).click();
  await expect.poll(loanStatus).toBe("COMPENSATED");

  const recover = guarantor.locator('[data-action="recordRecovery"]');
  for (const [i, amount] of RECOVERIES.entries()) {
    await recover.getByRole("textbox", { name: "追偿收回金额（元）", exact: true }).fill(fenToYuanString(amount));
    await recover.getByLabel("收回日期").fill(today);
    await recover.getByRole("textbox", { name: "业务流水号", exact: true }).fill(`ZC-${stamp}-${i + 1}`);
    await recover.getByRole("button", { name: "登记追偿收回" }).click();
    await expect(guarantor.getByTestId("case-servicing")).toContainText(`ZC-${stamp}-${i + 1}`);
  }
  // More than is left to recover is refused with the figures.
  await recover.getByRole("textbox", { name: "追偿收回金额（元）", exact: true }).fill(fenToYuanString(COMPENSATED));
  await recover.getByRole("textbox", { name: "业务流水号", exact: true }).fill(`ZC-${stamp}-X`);
  await recover.getByRole("button", { name: "登记追偿收回" }).click();
  await expect(recover.getByText(/超过尚可追偿的/).first()).toBeVisible();
  expect((await queryE2e(`SELECT 1 FROM "LoanRecovery" WHERE "loanId" = $1`, [loanId])).length).toBe(2);
  await captureScreens(guarantor, "guarantor-case-compensated");
});

test("the centre's portfolio totals changed by exactly the 代偿 and the recoveries", async ({ browser }) => {
  const centre = await as(browser, "reviewer@center.demo");
  const after = await centreTotals(centre);
  expect(after.compensated! - before.compensated!).toBe(COMPENSATED);
  expect(after.recovered! - before.recovered!).toBe(RECOVERIES[0]! + RECOVERIES[1]!);
  // Compensated, the loan is no longer overdue to the bank.
  expect(after.overduePrincipal).toBe(before.overduePrincipal);
  expect(after.overdueInterest).toBe(before.overdueInterest);
  await captureScreens(centre, "center-portfolio");

  // The list exports as CSV with the same figures (loan figures only, no personal data).
  const csv = await centre.request.get(`/api/loans/export?filter=compensated&q=${contractNo}`);
  expect(csv.ok()).toBe(true);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain("合同编号");
  const line = text.split("\r\n").find((l) => l.startsWith(contractNo));
  expect(line).toContain(`,${fenToYuanString(COMPENSATED)},${fenToYuanString(RECOVERIES[0]! + RECOVERIES[1]!)},`);
  // …and as XLSX, read back: the same loan, its amounts as numbers a spreadsheet adds up.
  const xlsx = await centre.request.get(`/api/loans/export?filter=compensated&q=${contractNo}&format=xlsx`);
  expect(xlsx.ok()).toBe(true);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await xlsx.body()) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const row = (sheet.getRow(2).values as unknown[]).slice(1);
  expect(row[0]).toBe(contractNo);
  expect(row[header.indexOf("代偿金额（元）")]).toBe(Number(COMPENSATED) / 100);
  expect(row[header.indexOf("追偿收回（元）")]).toBe(Number(RECOVERIES[0]! + RECOVERIES[1]!) / 100);
  expect(sheet.rowCount).toBe(2);
  const outsider = await as(browser, applicant.mobile, applicant.password);
  expect((await outsider.request.get("/api/loans/export")).status()).toBe(404);
  expect((await outsider.request.get("/api/loans/export?format=xlsx")).status()).toBe(404);
});

test("the applicant's loan page says what happened in plain Chinese", async ({ browser }) => {
  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/loans/${loanId}`);
  const events = page.getByTestId("loan-events");
  await expect(events).toContainText("银行登记您归还了本金 ¥0.00、利息");
  await expect(events).toContainText("银行报告您的贷款逾期");
  await expect(events).toContainText(`担保公司已代您向银行偿还 ${formatFen(COMPENSATED)}`);
  await expect(events).toContainText("担保公司收到您归还的代偿款");
  await expect(events).not.toContainText("COMPENSATED");
  await expect(page.getByTestId("loan-terms")).toContainText(`代偿日${today}`);
  await captureScreens(page, "applicant-loan-events");
});

test("a renewal's case page shows the earlier loan's repayments, overdue days and 代偿 to the centre", async ({ browser }) => {
  const [earlier] = await queryE2e<{ enterpriseId: string; policyVersionId: string }>(
    `SELECT "enterpriseId", "policyVersionId" FROM "LoanApplication" WHERE id = $1`, [applicationId]);
  const [renewal] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, kind, status, "applicantId", "enterpriseId", "previousLoanId", "policyVersionId", "amountFen", "termMonths", "submittedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'RENEWAL', 'CENTER_REVIEW', $2, $3, $4, $5, 30000000, 12, now(), now()) RETURNING id`,
    [`SQ-SVR-${stamp}`, applicant.userId, earlier!.enterpriseId, loanId, earlier!.policyVersionId],
  );
  const centre = await as(browser, "reviewer@center.demo");
  await centre.goto(`/center/cases/${renewal!.id}`);
  const history = centre.getByTestId(`earlier-servicing-${contractNo}`);
  await expect(history).toBeVisible(); // open: the earlier loan was compensated
  await expect(history).toContainText(`HK-${stamp}-1`);
  await expect(history.getByTestId("servicing-overdue-days")).toHaveText(/^\d+ 天$/);
  await expect(history).toContainText(`代偿 ${formatFen(COMPENSATED)}`);
  await expect(history).toContainText(`ZC-${stamp}-2`);
  await captureScreens(centre, "center-renewal-earlier-loans");
});
