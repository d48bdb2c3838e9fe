import { expect, test, type Browser, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";
import { pdfText } from "./support/files";
import { preparedDraft } from "./support/prepared-draft";

// Four organisations, four people signed in at once, one case from submission to disbursement.
test.describe.configure({ mode: "serial" });

let applicationId = "";
let applicant: Awaited<ReturnType<typeof createApplicant>>;
const stamp = Date.now().toString(36).toUpperCase();

async function as(browser: Browser, identifier: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier, password);
  return context.newPage();
}

const statusOf = async (id: string) => (await queryE2e<{ status: string }>(`SELECT status FROM "LoanApplication" WHERE id = $1`, [id]))[0]!.status;

test("the applicant submits", async ({ browser }) => {
  applicant = await createApplicant();
  applicationId = await preparedDraft(applicant, stamp);
  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/applications/${applicationId}?step=review`);
  await page.getByRole("button", { name: "确认无误，提交申请" }).click();
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  expect(await statusOf(applicationId)).toBe("CENTER_REVIEW");
});

test("other organisations cannot open it yet", async ({ browser }) => {
  for (const [who, path] of [["officer@guarantor.demo", "guarantor"], ["officer@bank.demo", "bank"]] as const) {
    const page = await as(browser, who);
    const response = await page.goto(`/${path}/cases/${applicationId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(`SQ-E2E-${stamp}`)).toHaveCount(0);
  }
});

test("the applicant renames the enterprise while the centre has the case; the reviewer sees the submitted name and the change", async ({ browser }) => {
  const submittedName = `北京审核流程测试有限公司${stamp}`;
  const renamed = `北京审核流程改名有限公司${stamp}`;
  const [app] = await queryE2e<{ enterpriseId: string }>(`SELECT "enterpriseId" FROM "LoanApplication" WHERE id = $1`, [applicationId]);
  const enterpriseId = app!.enterpriseId;
  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/enterprises/${enterpriseId}`);
  await page.getByLabel("企业名称").fill(renamed);
  await page.getByRole("button", { name: "保存企业信息" }).click();
  await expect.poll(async () => (await queryE2e<{ name: string }>(`SELECT name FROM "Enterprise" WHERE id = $1`, [enterpriseId]))[0]!.name).toBe(renamed);

  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center/cases/${applicationId}`);
  await expect(reviewer.locator("h1")).toContainText(submittedName);
  await expect(reviewer.locator("#case-enterprise + dl")).toContainText(submittedName);
  await expect(reviewer.locator("#case-enterprise + dl")).not.toContainText(renamed);
  const diff = reviewer.getByTestId("changed-since-submission");
  await expect(diff).toContainText("提交后有变更（1 项）");
  const row = diff.locator('tr[data-field="enterprise.name"]');
  await expect(row.locator("del")).toHaveText(submittedName);
  await expect(row.locator("ins")).toHaveText(renamed);
  await expect(diff.locator("tbody tr")).toHaveCount(1);
  // The policy the case is judged under: its version and the day it took effect.
  await expect(reviewer.locator("#case-application + dl")).toContainText(/第 \d+ 版，.+起施行/);
  await expect(reviewer.getByTestId("changed-since-notice")).toContainText("修改了 1 项信息");
  expect(await captureScreens(reviewer, "center-case-snapshot-diff")).toEqual({ phone: 0, desktop: 0 });
  await reviewer.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: reviewer.url() }]);
  await reviewer.reload();
  await expect(reviewer.getByTestId("changed-since-submission")).toContainText("Changed since submission (1)");
  expect(await captureScreens(reviewer, "center-case-snapshot-diff-en")).toEqual({ phone: 0, desktop: 0 });

  // Put the name back: the rest of the journey reads the letters by the submitted name.
  await page.goto(`/applicant/enterprises/${enterpriseId}`);
  await page.getByLabel("企业名称").fill(submittedName);
  await page.getByRole("button", { name: "保存企业信息" }).click();
  await expect.poll(async () => (await queryE2e<{ name: string }>(`SELECT name FROM "Enterprise" WHERE id = $1`, [enterpriseId]))[0]!.name).toBe(submittedName);
  await reviewer.reload();
  await expect(reviewer.getByTestId("unchanged-since-submission")).toBeVisible();
  await expect(reviewer.getByTestId("changed-since-notice")).toHaveCount(0);
});

test("the centre returns it with the complete list; the applicant fixes it and it comes back", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center?q=SQ-E2E-${stamp}`);
  await reviewer.getByRole("link", { name: `SQ-E2E-${stamp}` }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/center/cases/${applicationId}$`));
  // Personal data is masked until revealed with a purpose.
  await expect(reviewer.getByText(applicant.idNumber)).toHaveCount(0);
  await captureScreens(reviewer, "center-case");
  await reviewer.locator('[data-action="return"] summary').click();
  await reviewer.locator("#return-missingItems").fill("2025 年度财务报表（加盖公章）\n近六个月银行流水");
  await reviewer.locator("#return-comment").fill("材料不全，退回补正");
  await reviewer.locator("#return-applicantMessage").fill("请一次性补充以下材料");
  await reviewer.getByRole("button", { name: "确认退回，通知申请人补充" }).click();
  await expect.poll(() => statusOf(applicationId)).toBe("RETURNED");

  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/applications/${applicationId}`);
  await expect(page.getByTestId("return-list")).toContainText("2025 年度财务报表（加盖公章）");
  await expect(page.getByTestId("return-list")).toContainText("近六个月银行流水");
  await page.goto(`/applicant/applications/${applicationId}?step=review`);
  await page.getByRole("button", { name: "补充完毕，重新提交" }).click();
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  expect(await statusOf(applicationId)).toBe("CENTER_REVIEW");
});

test("a reviewer recommends and a different approver confirms", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center/cases/${applicationId}`);
  // The resubmission took the case's second snapshot; the name was put back, so nothing changed between them.
  const history = reviewer.getByTestId("snapshot-history");
  await expect(history).toContainText("历次提交（2）");
  await history.locator("summary").click();
  await expect(history.locator('li[data-sequence="2"]')).toContainText("与上次提交相比没有变化");
  await reviewer.getByLabel("已核验申请人工会会员身份").check();
  await reviewer.getByLabel("已核对材料齐全、真实有效").check();
  await reviewer.locator("#recommend-comment").fill("会员身份、企业资质核验通过");
  await reviewer.getByRole("button", { name: "提交推荐意见" }).click();
  await expect(reviewer.getByText("等待另一位审批人复核")).toBeVisible();
  expect(await statusOf(applicationId)).toBe("CENTER_REVIEW");

  const approver = await as(browser, "approver@center.demo");
  await approver.goto(`/center/cases/${applicationId}`);
  await approver.locator("#confirm-comment").fill("复核同意");
  await approver.getByRole("button", { name: "复核同意，推荐至担保公司" }).click();
  await expect.poll(() => statusOf(applicationId)).toBe("GUARANTOR_REVIEW");
});

test("the guarantor issues the guarantee and the bank approves, signs and disburses", async ({ browser }) => {
  const guarantor = await as(browser, "officer@guarantor.demo");
  await guarantor.goto(`/guarantor/cases/${applicationId}`);
  await guarantor.locator("#guarantee-contractNo").fill(`DB-${stamp}`);
  await guarantor.locator("#guarantee-comment").fill("同意提供全额担保");
  await guarantor.getByRole("button", { name: "同意担保，出具担保函" }).click();
  await expect.poll(() => statusOf(applicationId)).toBe("BANK_REVIEW");

  const bank = await as(browser, "officer@bank.demo");
  await bank.goto(`/bank/cases/${applicationId}`);
  // The form proposes the one-year LPR in force today from the LPR table, and the spread to it.
  await expect(bank.locator("#approve-lprReference")).toHaveValue("一年期 LPR 3.00%");
  await bank.locator("#approve-annualRatePercent").fill("3.45");
  await expect(bank.getByTestId("lpr-spread")).toHaveText("贷款利率与 LPR 之差：45 个基点");
  await bank.locator("#approve-annualRatePercent").fill("3.00");
  await bank.locator("#approve-contractNo").fill(`NCD-${stamp}`);
  await bank.locator("#approve-comment").fill("同意授信");
  await bank.getByRole("button", { name: "审批通过" }).click();
  await expect.poll(() => statusOf(applicationId)).toBe("CONTRACTING");
  await bank.reload();
  await bank.locator("#sign-comment").fill("借款合同已线上签署");
  await bank.getByRole("button", { name: "登记合同已签订" }).click();
  await expect(bank.locator("#disburse-accountNo")).toBeVisible();
  await bank.locator("#disburse-accountNo").fill("622848001234567890");
  await bank.locator("#disburse-comment").fill("已放款至企业结算账户");
  await bank.getByRole("button", { name: "登记放款" }).click();
  await expect.poll(() => statusOf(applicationId)).toBe("ACTIVE");
  await captureScreens(bank, "bank-case-disbursed");
});

test("the applicant's timeline shows every step in plain Chinese and the loan appears", async ({ browser }) => {
  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/applications/${applicationId}`);
  const timeline = page.getByTestId("timeline");
  for (const label of ["提交申请", "退回补充材料", "补充材料后重新提交", "保障中心审核通过，建议推荐", "保障中心复核同意，推荐至担保公司",
    "担保公司同意担保，出具担保函", "银行审批通过", "签订借款合同", "银行放款"]) {
    await expect(timeline).toContainText(label);
  }
  await expect(timeline).not.toContainText("application.");
  // The return's message is for the applicant; the organisations' comments to each other are not.
  await expect(timeline).toContainText("请一次性补充以下材料");
  for (const note of ["材料不全，退回补正", "会员身份、企业资质核验通过", "同意提供全额担保", "同意授信"]) await expect(timeline).not.toContainText(note);
  await expect(page.getByText(`NCD-${stamp}`)).toBeVisible();
  await captureScreens(page, "applicant-timeline-active");
  await page.goto("/applicant");
  await expect(page.getByTestId("enterprise-card").filter({ hasText: `NCD-${stamp}` })).toContainText("还款中");
});

test("each organisation gets its letters; none carries the applicant's ID number or phone", async ({ browser }) => {
  const letters: [string, string, RegExp[]][] = [
    ["approver@center.demo", "recommendation", [/推荐函/, /¥450,000\.00/, /肆拾伍万元整/]],
    ["officer@guarantor.demo", "guarantee", [/担保函/, new RegExp(`DB-${stamp}`), /肆拾伍万元整/, /免收/]],
    ["officer@bank.demo", "approval", [/审批通知书/, new RegExp(`NCD-${stamp}`), /3\.00%/]],
  ];
  for (const [who, kind, expected] of letters) {
    const page = await as(browser, who);
    const response = await page.request.get(`/api/applications/${applicationId}/letters/${kind}`);
    expect(response.status(), `${who} ${kind}`).toBe(200);
    const text = pdfText(Buffer.from(await response.body())).replace(/\s+/g, "");
    for (const re of expected) expect(text).toMatch(re);
    expect(text).not.toContain(applicant.idNumber);
    expect(text).not.toContain(applicant.mobile);
  }
  // The guarantor may not read the bank's notice.
  const guarantor = await as(browser, "officer@guarantor.demo");
  expect((await guarantor.request.get(`/api/applications/${applicationId}/letters/approval`)).status()).toBe(404);
});

test("the centre's queue: batch assignment and CSV export of the tab", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto("/center?status=CENTER_REVIEW&q=SQ-2026-0001");
  await reviewer.getByRole("checkbox", { name: "选择 SQ-2026-0001" }).check();
  await reviewer.locator("#batch-assignee").selectOption({ label: "赵审批" });
  await reviewer.getByRole("button", { name: "批量分配" }).click();
  await expect(reviewer.getByText("已分配 1 件案件")).toBeVisible();
  const [row] = await queryE2e<{ name: string }>(
    `SELECT u."displayName" AS name FROM "LoanApplication" a JOIN "User" u ON u.id = a."assigneeId" WHERE a.number = 'SQ-2026-0001'`);
  expect(row?.name).toBe("赵审批");
  const csv = await reviewer.request.get("/api/queue/export?status=CENTER_REVIEW");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment/);
  const text = await csv.text();
  expect(text).toContain("申请编号,类型,企业");
  expect(text).toContain("SQ-2026-0001");
});

test("a renewal shows what changed in the firm since the earlier loan's case", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  const [renewal] = await queryE2e<{ id: string }>(`SELECT id FROM "LoanApplication" WHERE number = 'SQ-2026-0001'`);
  await reviewer.goto(`/center/cases/${renewal!.id}`);
  const diff = reviewer.getByTestId("renewal-diff");
  await expect(diff).toContainText("与上一笔贷款的申请（SQ-2021-0158）相比");
  await expect(diff.locator("thead")).toContainText("上一笔贷款的申请");
  await expect(diff.locator("tbody tr")).toHaveCount(2);
  await expect(diff.locator('tr[data-field="enterprise.employees"]')).toContainText("11");
  await expect(diff.locator('tr[data-field="enterprise.employees"] ins')).toHaveText("12");
  await expect(diff.locator('tr[data-field="enterprise.annualRevenueFen"] del')).toHaveText("¥2,900,000.00");
  await expect(diff.locator('tr[data-field="enterprise.annualRevenueFen"] ins')).toHaveText("¥3,200,000.00");
  await expect(reviewer.getByTestId("unchanged-since-submission")).toBeVisible();
  expect(await captureScreens(reviewer, "center-renewal-diff")).toEqual({ phone: 0, desktop: 0 });
});
