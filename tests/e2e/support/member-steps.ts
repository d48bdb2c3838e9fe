import { expect, type BrowserContext, type Page } from "./test";
import { giveConsents, signInViaApi } from "./auth";
import { pdfFile } from "./files";

// The member's side of an application an agent or the hotline started for them: claim the
// account through the texted link, complete the profile with the consents, the loan request and
// the papers still missing.

/** Opens the texted claim link, sets the password, and signs the context in. */
export async function claimAccount(context: BrowserContext, text: string, member: { mobile: string; password: string }): Promise<Page> {
  const link = new URL(/https?:\/\/\S+/.exec(text)![0]);
  const page = await context.newPage();
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(member.password);
  await page.getByRole("textbox", { name: "确认密码" }).fill(member.password);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page).toHaveURL(/\/login\?passwordSet=1/);
  await signInViaApi(context, member.mobile, member.password);
  return page;
}

/** The profile (ID number, union, member card) and both consents. */
export async function completeProfile(page: Page, p: { idNumber: string; unionName: string; cardNo: string }): Promise<void> {
  await page.goto("/applicant/profile");
  await page.getByLabel("身份证号码").fill(p.idNumber);
  await page.getByLabel("所在工会名称").fill(p.unionName);
  await page.getByLabel("工会会员证号").fill(p.cardNo);
  await page.getByRole("button", { name: "保存个人信息" }).click();
  await expect(page.getByText("个人信息已保存")).toBeVisible();
  await giveConsents(page);
}

/** The loan request step of the application at `base`; lands on the documents step. */
export async function fillLoanRequest(page: Page, base: string, r: { amountYuan: string; purpose: string; repaymentSource: string }): Promise<void> {
  await page.goto(`${base}?step=loan`);
  await page.getByLabel("贷款类别").selectOption("SMALL_MICRO");
  await page.getByLabel("申请金额（元）").fill(r.amountYuan);
  await page.getByLabel("贷款期限（月）").fill("12");
  await page.getByLabel("贷款用途").fill(r.purpose);
  await page.getByLabel("还款来源").fill(r.repaymentSource);
  await page.getByRole("button", { name: "保存并下一步" }).click();
  await expect(page).toHaveURL(/step=documents/);
}

/** Uploads a PDF for every document of the checklist still waiting for one. */
export async function uploadMissingDocuments(page: Page, prefix = "材料"): Promise<void> {
  const rows = page.locator('[data-testid="document-checklist"] tbody tr');
  const inputs = page.locator('[data-testid="document-checklist"] input[type="file"]');
  const count = await inputs.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    if ((await rows.nth(i).getByText("待上传").count()) === 0) continue;
    await inputs.nth(i).setInputFiles(pdfFile(`${prefix}${i + 1}.pdf`));
    await expect(rows.nth(i).getByText("已上传", { exact: true })).toBeVisible();
  }
}
