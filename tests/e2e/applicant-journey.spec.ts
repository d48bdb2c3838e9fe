import { expect, test, type Page } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { giveConsents, signInViaApi, signOutViaHeader } from "./support/auth";
import { applicantFields } from "./support/factories";
import { pdfFile, pdfText } from "./support/files";
import { latestCodeTo, queryE2e } from "./support/db";
import { mobileLookup } from "@/lib/personal-data/sealed";
import { captureScreens } from "./support/screens";

// The applicant's whole journey in Chromium, as one person doing it across two sessions.
test.describe.configure({ mode: "serial" });

const me = applicantFields();
const enterprise = { name: `北京测试科技有限公司${Date.now().toString(36)}`, creditCode: makeCreditCode() };
let applicationUrl = "";

async function uploadAll(page: Page) {
  const inputs = page.locator('[data-testid="document-checklist"] input[type="file"]:not([capture])');
  const count = await inputs.count();
  for (let i = 0; i < count; i += 1) {
    const row = page.locator('[data-testid="document-checklist"] tbody tr').nth(i);
    if ((await row.getByText("待上传").count()) === 0) continue;
    await inputs.nth(i).setInputFiles(pdfFile(`材料${i + 1}.pdf`));
    await expect(row.getByText("已上传", { exact: true })).toBeVisible();
  }
}

test("register, profile, consents and enterprise", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("手机号码").fill(me.mobile);
  await page.getByRole("button", { name: "获取短信验证码" }).click();
  await expect(page.getByLabel("短信验证码")).toBeVisible();
  await page.getByLabel("短信验证码").fill(await latestCodeTo(me.mobile));
  await page.getByLabel("姓名").fill(me.displayName);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(me.password);
  await page.getByLabel("确认密码").fill(me.password);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/applicant$/);
  await expect(page.getByTestId("setup-needed")).toBeVisible();

  await page.goto("/applicant/profile");
  await page.getByLabel("身份证号码").fill("11010519491231002Y");
  await page.getByLabel("所在工会名称").fill("朝阳区小微企业联合工会");
  await page.getByLabel("工会会员证号").fill("GH-0105-2026-0001");
  await page.getByRole("button", { name: "保存个人信息" }).click();
  // A wrong check character is refused next to the field, and what was typed stays.
  await expect(page.locator("#idNumber-error")).toContainText("身份证号码");
  await expect(page.getByLabel("所在工会名称")).toHaveValue("朝阳区小微企业联合工会");
  await page.getByLabel("身份证号码").fill(me.idNumber);
  await page.getByRole("button", { name: "保存个人信息" }).click();
  await expect(page.getByText("个人信息已保存")).toBeVisible();

  await giveConsents(page);

  await page.goto("/applicant/enterprises/new");
  await page.getByLabel("企业名称").fill(enterprise.name);
  await page.getByLabel("统一社会信用代码").fill(enterprise.creditCode);
  await page.getByLabel("法定代表人").fill(me.displayName);
  await page.getByLabel("经营地址").fill("北京市朝阳区望京街道 1 号");
  await page.getByLabel("所属行业").fill("软件和信息技术服务");
  await page.getByLabel("成立日期").fill("2021-03-01");
  await page.getByLabel("从业人数").fill("8");
  await page.getByLabel("上年营业收入（元）").fill("1,200,000.00");
  await page.getByLabel("企业已建立工会").check();
  await page.getByLabel("工会会员人数").fill("8");
  await page.getByRole("button", { name: "保存企业信息" }).click();
  await expect(page).toHaveURL(/\/applicant\?enterprise=/);
  await expect(page.getByTestId("enterprise-card")).toContainText(enterprise.name);
});

test("the loan form saves itself and resumes in a new session", async ({ page, context }) => {
  await signInViaApi(context, me.mobile, me.password);
  await page.goto("/applicant");
  await page.getByTestId("enterprise-card").getByRole("button", { name: "为该企业申请贷款" }).click();
  await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]+\?step=loan/);
  applicationUrl = page.url().split("?")[0]!;
  await expect(page.getByText("单户最高 ¥500,000.00")).toBeVisible();
  await page.getByLabel("贷款类别").selectOption("SMALL_MICRO");
  await page.getByLabel("申请金额（元）").fill("300000");
  await page.getByLabel("贷款期限（月）").fill("12");
  await page.getByLabel("贷款用途").fill("采购服务器和软件许可");
  await page.getByLabel("还款来源").fill("软件服务收入");
  await expect(page.getByTestId("autosave-status")).toHaveText(/^已保存于 \d{2}:\d{2}$/, { timeout: 15_000 });
  await captureScreens(page, "applicant-loan-step");
  await signOutViaHeader(page);
  await expect(page).toHaveURL(/\/login/);

  // Another device: sign in again and find everything where it was left.
  await signInViaApi(context, me.mobile, me.password);
  await page.goto(`${applicationUrl}?step=loan`);
  await expect(page.getByLabel("申请金额（元）")).toHaveValue("300000.00");
  await expect(page.getByLabel("贷款用途")).toHaveValue("采购服务器和软件许可");
  await page.getByRole("button", { name: "保存并下一步" }).click();
  await expect(page).toHaveURL(/step=documents/);
});

test("documents upload with progress, then submit: the centre has it", async ({ page, context }) => {
  await signInViaApi(context, me.mobile, me.password);
  await page.goto(`${applicationUrl}?step=documents`);
  // A disguised file is refused with a message next to it.
  const firstInput = page.locator('[data-testid="document-checklist"] input[type="file"]:not([capture])').first();
  await firstInput.setInputFiles({ name: "执照.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'></svg>") });
  await expect(page.getByRole("alert").first()).toContainText(/格式|不符/);

  // Slow the upload down so the progress bar can be seen.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
  await firstInput.setInputFiles(pdfFile("营业执照.pdf", 1_500_000));
  await expect(page.locator("progress").first()).toBeVisible();
  await expect(page.locator('[data-testid="document-checklist"] tbody tr').first().getByText("已上传", { exact: true })).toBeVisible({ timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await uploadAll(page);
  await captureScreens(page, "applicant-documents-step");

  await page.goto(`${applicationUrl}?step=review`);
  await page.getByRole("button", { name: "确认无误，提交申请" }).click();
  await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`));
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  await expect(page.getByTestId("holder")).toContainText("办理时限");
  await expect(page.getByTestId("timeline")).toContainText("提交申请");
  await captureScreens(page, "applicant-submitted");

  const pdf = await page.request.get(`/api/applications/${applicationUrl.split("/").pop()}/form-pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment/);
  const text = pdfText(Buffer.from(await pdf.body())).replace(/\s+/g, "");
  expect(text).toContain(enterprise.name);
  expect(text).toContain(enterprise.creditCode);
  expect(text).toContain("¥300,000.00");
  expect(text).toContain("叁拾万元整");
  expect(text).toContain(me.idNumber);
});

test("a returned case is fixed and lands at the same stage", async ({ page, context }) => {
  await signInViaApi(context, "13800000002");
  const [row] = await queryE2e<{ id: string }>(`SELECT id FROM "LoanApplication" WHERE number = 'SQ-2026-0002'`);
  const url = `/applicant/applications/${row!.id}`;
  await page.goto(url);
  await expect(page.getByTestId("return-list")).toContainText("2025 年度财务报表");
  await expect(page.getByTestId("return-list")).toContainText("工会会员证明");
  await page.goto(`${url}?step=loan`);
  await expect(page.getByLabel("贷款用途")).toHaveValue("购置设计设备");
  await page.getByLabel("申请金额（元）").fill("180000");
  await page.getByRole("button", { name: "保存并下一步" }).click();
  await expect(page).toHaveURL(/step=documents/);
  await expect(page.getByTestId("document-checklist")).toBeVisible();
  await uploadAll(page);
  await page.goto(`${url}?step=review`);
  await page.getByRole("button", { name: "补充完毕，重新提交" }).click();
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  await expect(page.getByTestId("timeline")).toContainText("补充材料后重新提交");
  const [after] = await queryE2e<{ status: string; amountFen: string; purpose: string }>(
    `SELECT status, "amountFen"::text AS "amountFen", purpose FROM "LoanApplication" WHERE id = $1`, [row!.id]);
  expect(after).toEqual({ status: "CENTER_REVIEW", amountFen: "18000000", purpose: "购置设计设备" });
});

test("withdrawal with a reason", async ({ page, context }) => {
  await signInViaApi(context, me.mobile, me.password);
  await page.goto(applicationUrl);
  await page.getByText("撤回申请").click();
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.locator("#reason-error")).toBeVisible();
  await page.getByLabel("撤回原因").fill("已通过其他渠道解决资金");
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.locator("h1 [data-status]")).toHaveAttribute("data-status", "WITHDRAWN");
  await expect(page.getByTestId("timeline")).toContainText("申请人撤回申请");
});

test("renewal from a settled loan is prefilled and the loan chain is visible", async ({ page, context }) => {
  const [app] = await queryE2e<{ id: string; enterpriseId: string }>(
    `SELECT id, "enterpriseId" FROM "LoanApplication" WHERE "applicantId" = (SELECT id FROM "User" WHERE "mobileIndex" = $1) LIMIT 1`, [mobileLookup(me.mobile).mobileIndex]);
  const [bank] = await queryE2e<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'BJRCB'`);
  await queryE2e(
    `INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "annualRateMicros", "lprReference",
       "termMonths", "repaymentMethod", status, "disbursedOn", "maturityOn", "closedOn")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 30000000, 30000, 'LPR', 12, 'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'SETTLED', '2025-01-10', '2026-01-10', '2026-01-10')`,
    [app!.id, app!.enterpriseId, bank!.id, `JK-E2E-${Date.now()}`],
  );
  await signInViaApi(context, me.mobile, me.password);
  await page.goto("/applicant");
  await expect(page.getByTestId("enterprise-card")).toContainText("贷款记录（续贷链）");
  await page.getByRole("button", { name: "申请续贷" }).click();
  await expect(page).toHaveURL(/step=loan/);
  await expect(page.getByText("续贷：上一笔贷款")).toBeVisible();
  await expect(page.getByLabel("申请金额（元）")).toHaveValue("300000.00");
  await expect(page.getByLabel("贷款用途")).toHaveValue("采购服务器和软件许可");
  await expect(page.locator("h1")).toContainText("续贷");
});
