import { expect, test, type Browser, type Page } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { pdfText } from "./support/files";
import { captureScreens } from "./support/screens";
import { runBackgroundJobs } from "./support/jobs";
import { seal } from "@/lib/personal-data/sealed";

// A quarter's interest subsidy from the bank's statement to the applicant's confirmation.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const contractNo = `NCD-S-${stamp}`;
let applicant: Awaited<ReturnType<typeof createApplicant>>;
let loanId = "";
let batchId = "";

async function as(browser: Browser, identifier: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier, password);
  return context.newPage();
}

const HEADER = "合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期";
// ¥400,000 at 3.00 % for 91 days: 400,000 × 0.03 × 91 / 360 = ¥3,033.33. The bank first reports ¥3,000.00 paid.
const goodCsv = () => `${HEADER}\n${contractNo},2026-06-22,2026-09-20,400000.00,3.00%,3033.33,3000.00,2026-09-21,否,0,否\n`;
const badCsv = () =>
  `${HEADER}\nNO-SUCH-LOAN,2026-06-22,2026-09-20,400000.00,3.00%,3033.33,3033.33,2026-09-21,否,0,否\n${contractNo},2026-06-22,2026-09-20,400000.00,3.00%,3033.33,-5,2026-09-21,否,0,否\n`;

test.beforeAll(async () => {
  applicant = await createApplicant();
  const [policy] = await queryE2e<{ id: string }>(`SELECT id FROM "PolicyVersion" ORDER BY version LIMIT 1`);
  const [bank] = await queryE2e<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'BJRCB'`);
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '北京市西城区测试街 3 号', '咨询服务', '2019-01-01', 6, 200000000, true, 6, now()) RETURNING id`,
    [applicant.userId, `北京贴息测试咨询有限公司${stamp}`, makeCreditCode(), applicant.displayName],
  );
  await queryE2e(`INSERT INTO "UnionStanding" (id, "enterpriseId", "validFrom", evidence) VALUES (gen_random_uuid(), $1, '2026-01-01', '区总工会会籍证明')`, [enterprise!.id]);
  const [app] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, status, "applicantId", "enterpriseId", "bankOrgId", "policyVersionId", "amountFen", "termMonths", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'ACTIVE', $2, $3, $4, $5, 40000000, 12, now()) RETURNING id`,
    [`SQ-S-${stamp}`, applicant.userId, enterprise!.id, bank!.id, policy!.id],
  );
  const [loan] = await queryE2e<{ id: string }>(
    `INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "annualRateMicros", "lprReference", "termMonths",
       "repaymentMethod", status, "signedAt", "disbursedOn", "disbursedFen", "accountNoSealed", "maturityOn")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 40000000, 30000, '一年期 LPR 3.00%', 12, 'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'ACTIVE', now(),
       '2026-06-22', 40000000, $5, '2027-06-22') RETURNING id`,
    [app!.id, enterprise!.id, bank!.id, contractNo, seal("622848001234567899", "Loan.accountNo")],
  );
  loanId = loan!.id;
});

test("the bank's bad file is refused line by line and stores nothing; the good one is imported once", async ({ browser }) => {
  test.setTimeout(90_000);
  const bank = await as(browser, "officer@bank.demo");
  await bank.goto("/bank/statements");
  await bank.locator("#statement-file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(badCsv()) });
  await bank.getByRole("button", { name: "上传并导入" }).click();
  // The file is stored and queued; its job has not run yet (the e2e server runs no worker).
  await expect(bank.getByTestId("upload-answer")).toContainText("已收到文件“bad.csv”");
  const badJob = bank.getByTestId("import-job").filter({ hasText: "bad.csv" });
  await expect(badJob).toHaveAttribute("data-status", "QUEUED");
  await expect(badJob.getByTestId("import-job-status")).toHaveText("排队中");
  await captureScreens(bank, "bank-statements-queued");
  runBackgroundJobs();
  // The page asks the job's route until the job is done: both problems at once, a contract that is
  // not this bank's, and a negative amount.
  await expect(badJob).toHaveAttribute("data-status", "DONE", { timeout: 15_000 });
  await expect(badJob.getByText(/合同编号不存在或不属于本行/)).toBeVisible();
  await expect(badJob.getByText("金额不能为负数")).toBeVisible();
  expect((await queryE2e(`SELECT 1 FROM "StatementLine" l JOIN "Loan" o ON o.id = l."loanId" WHERE o."contractNo" = $1`, [contractNo])).length).toBe(0);

  await bank.locator("#statement-file").setInputFiles({ name: "2026Q3.csv", mimeType: "text/csv", buffer: Buffer.from(goodCsv()) });
  await bank.getByRole("button", { name: "上传并导入" }).click();
  const goodJob = bank.getByTestId("import-job").filter({ hasText: "2026Q3.csv" });
  await expect(goodJob).toHaveAttribute("data-status", "QUEUED");
  runBackgroundJobs();
  await expect(goodJob).toContainText("已导入 1 笔明细", { timeout: 15_000 });
  await expect(bank.getByTestId("batch-table")).toContainText("2026");
  // The same file again is answered at once: nothing is queued, nothing recorded twice.
  await bank.locator("#statement-file").setInputFiles({ name: "2026Q3-again.csv", mimeType: "text/csv", buffer: Buffer.from(goodCsv()) });
  await bank.getByRole("button", { name: "上传并导入" }).click();
  await expect(bank.getByTestId("upload-answer")).toContainText("（2026Q3.csv），本次未新增任何记录");
  await expect(bank.getByTestId("import-job").filter({ hasText: "2026Q3-again.csv" })).toHaveCount(0);
  const lines = await queryE2e<{ batchId: string }>(
    `SELECT l."batchId" FROM "StatementLine" l JOIN "Loan" o ON o.id = l."loanId" WHERE o."contractNo" = $1`, [contractNo]);
  expect(lines).toHaveLength(1);
  batchId = lines[0]!.batchId;
  await captureScreens(bank, "bank-statements");
});

test("the centre queries the line and the bank corrects it: a new version, the old one kept", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center/subsidies/${batchId}`);
  const table = reviewer.getByTestId("lines-table");
  await expect(table).toContainText(contractNo);
  await expect(table).toContainText("¥3,000.00");
  await table.locator("summary", { hasText: "质询" }).first().click();
  await table.locator('textarea[id$="-question"]').fill("实付利息少于应付利息，请核实");
  await table.getByRole("button", { name: "发送质询" }).click();
  await expect(table).toContainText("问：实付利息少于应付利息，请核实");

  const bank = await as(browser, "officer@bank.demo");
  await bank.goto("/bank/statements");
  const queried = bank.getByTestId("queried-lines");
  await queried.getByText("更正明细（生成新版本，原记录保留）").click();
  await queried.locator('input[id$="-interestPaidFen"]').fill("3033.33");
  await queried.locator('[id^="correct-"][id$="-answer"]').fill("系统重复扣减，已更正为实际付息金额");
  await queried.getByRole("button", { name: "提交更正" }).click();
  await expect.poll(async () =>
    (await queryE2e<{ n: string }>(`SELECT count(*)::text AS n FROM "StatementLine" l JOIN "Loan" o ON o.id = l."loanId" WHERE o."contractNo" = $1`, [contractNo]))[0]!.n,
  ).toBe("2");
  const current = await queryE2e<{ subsidyFen: string; lineVersion: number }>(
    `SELECT l."subsidyFen"::text AS "subsidyFen", l."lineVersion" FROM "StatementLine" l JOIN "Loan" o ON o.id = l."loanId" WHERE o."contractNo" = $1 AND l.current`, [contractNo]);
  expect(current).toEqual([{ subsidyFen: "303333", lineVersion: 2 }]);
});

test("verified, approved by two different people, paid once", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center/subsidies/${batchId}`);
  await expect(reviewer.getByTestId("lines-table")).toContainText("¥3,033.33");
  for (const box of ["checkAmounts", "checkRepayment", "checkUnion"]) await reviewer.locator(`#verify-${box}`).check();
  await reviewer.locator("#verify-comment").fill("金额、还款状态、工会会籍核对无误");
  await reviewer.getByRole("button", { name: "核验通过" }).click();
  await reviewer.locator("#maker-comment").fill("经办审核同意");
  await reviewer.getByRole("button", { name: "经办审批通过" }).click();
  await expect(reviewer.getByRole("button", { name: "复核审批通过" })).toHaveCount(0);

  const approver = await as(browser, "approver@center.demo");
  await approver.goto(`/center/subsidies/${batchId}`);
  await approver.locator("#checker-comment").fill("复核同意");
  await approver.getByRole("button", { name: "复核审批通过" }).click();
  await approver.locator("#pay-paymentRef").fill(`TX-${stamp}`);
  await approver.getByRole("button", { name: "登记支付" }).click();
  await expect.poll(async () => (await queryE2e<{ status: string }>(`SELECT status FROM "SubsidyBatch" WHERE id = $1`, [batchId]))[0]!.status).toBe("PAID");
  const [batch] = await queryE2e<{ totalFen: string; paymentRef: string; makerId: string; checkerId: string }>(
    `SELECT "totalFen"::text AS "totalFen", "paymentRef", "makerId", "checkerId" FROM "SubsidyBatch" WHERE id = $1`, [batchId]);
  expect(batch!.totalFen).toBe("303333");
  expect(batch!.paymentRef).toBe(`TX-${stamp}`);
  expect(batch!.makerId).not.toBe(batch!.checkerId);
  await captureScreens(approver, "centre-batch-paid");
});

test("the centre has all of the batch's PDFs prepared in the background and downloads them as one ZIP", async ({ browser }) => {
  test.setTimeout(90_000);
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center/subsidies/${batchId}`);
  await reviewer.getByRole("button", { name: "生成本批次全部 PDF（汇总表及各企业贴息确认单，ZIP）" }).click();
  const job = reviewer.getByTestId("batch-pdfs-job");
  await expect(job).toHaveAttribute("data-status", "QUEUED");
  await expect(job.getByTestId("batch-pdfs-job-status")).toHaveText("排队中");
  runBackgroundJobs();
  await expect(job).toHaveAttribute("data-status", "DONE", { timeout: 15_000 });
  await expect(job).toContainText("已生成 2 份 PDF（汇总表及 1 家企业的贴息确认单）");
  await captureScreens(reviewer, "batch-pdfs-done");
  const href = await job.getByRole("link", { name: "下载 ZIP" }).getAttribute("href");
  const zip = await reviewer.request.get(href!);
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  // The bank may not fetch the centre's archive.
  const bank = await as(browser, "officer@bank.demo");
  expect((await bank.request.get(href!)).status()).toBe(404);
});

test("the applicant sees the subsidy on the loan page and downloads the statement", async ({ browser }) => {
  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/loans/${loanId}`);
  await expect(page.getByTestId("subsidy-received")).toContainText("¥3,033.33");
  await captureScreens(page, "applicant-loan");
  const href = await page.getByTestId("statement-links").locator("a").first().getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment/);
  const text = pdfText(Buffer.from(await response.body())).replace(/\s+/g, "");
  expect(text).toContain(contractNo);
  expect(text).toContain("¥3,033.33");
  expect(text).toContain("叁仟零叁拾叁元叁角叁分");
  expect(text).toContain(`TX-${stamp}`);
  // Another applicant cannot fetch it.
  const other = await createApplicant();
  const stranger = await as(browser, other.mobile, other.password);
  expect((await stranger.request.get(href!)).status()).toBe(404);
});
