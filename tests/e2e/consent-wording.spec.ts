import { expect, test, type Browser, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { preparedDraft } from "./support/prepared-draft";

// The administrator publishes a new wording of the personal-information consent, in force today;
// an applicant who consented to the earlier wording is asked to read the new one and consent
// again before submitting, and then submits. The audit view lists the publication.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const version = `PI-E2E-${stamp}`;
const textZh = `本人同意按第 ${stamp} 版文本处理个人敏感信息。`;

async function as(browser: Browser, identifier: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier, password);
  return context.newPage();
}

// The specs after this one consent to the base wording: the version published here goes again.
test.afterAll(async () => {
  await queryE2e(`DELETE FROM "ConsentWording" WHERE version = $1`, [version]);
});

test("a new consent wording asks the applicant to consent again before submitting", async ({ browser }) => {
  const applicant = await createApplicant();
  const applicationId = await preparedDraft(applicant, stamp, "北京授权文本测试有限公司");

  const admin = await as(browser, "admin@center.demo");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "授权书文本" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("授权书文本版本");
  await expect(admin.getByTestId("consent-wordings").locator('tr[data-version="PI-2024-1"]')).toContainText("现行");
  await admin.getByRole("combobox", { name: "授权书" }).selectOption("SENSITIVE_PERSONAL_INFO");
  await admin.getByLabel("版本号").fill("PI-2024-1");
  await admin.getByLabel("中文文本").fill(textZh);
  await admin.getByLabel("英文文本").fill(`I agree to the processing under wording ${stamp}.`);
  await admin.getByRole("button", { name: "发布" }).click();
  // A label already used is refused, on its field; nothing is published.
  await expect(admin.locator("#version-error")).toHaveText("版本号 PI-2024-1 已存在");
  await admin.getByLabel("版本号").fill(version);
  await admin.getByRole("button", { name: "发布" }).click();
  await expect(admin.getByText(`已发布文本版本 ${version}`)).toBeVisible();
  await expect(admin.getByTestId("consent-wordings").locator(`tr[data-version="${version}"]`)).toContainText("现行");

  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/applications/${applicationId}?step=review`);
  await expect(page.getByText("授权书的文本已更新：请在“个人信息”页阅读新文本并重新同意后再提交。")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交申请", exact: true })).toBeDisabled();

  await page.goto("/applicant");
  await page.getByTestId("consent-changed").getByRole("link").click();
  const card = page.getByTestId("consent-SENSITIVE_PERSONAL_INFO");
  await expect(card.getByTestId("consent-outdated")).toBeVisible();
  await expect(card).toContainText(textZh);
  await expect(card).toContainText(version);
  await card.getByRole("checkbox").check();
  await card.getByRole("button", { name: "重新同意" }).click();
  await expect(card.getByText("已同意")).toBeVisible();
  await expect(card.getByTestId("consent-outdated")).toHaveCount(0);

  await page.goto(`/applicant/applications/${applicationId}?step=review`);
  await page.getByRole("button", { name: "确认无误，提交申请" }).click();
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  const consents = await queryE2e<{ wordingVersion: string }>(
    `SELECT "wordingVersion" FROM "Consent" WHERE "userId" = $1 AND kind = 'SENSITIVE_PERSONAL_INFO' ORDER BY "grantedAt"`, [applicant.userId],
  );
  expect(consents.map((c) => c.wordingVersion)).toEqual(["PI-2024-1", version]);

  await admin.goto("/audit/config?kind=consent");
  const row = admin.getByTestId("config-changes").locator('tr[data-action="consent.wording_published"]').filter({ hasText: version });
  await expect(row).toContainText("发布授权书文本版本");
  await expect(row).toContainText("PI-2024-1");
});
