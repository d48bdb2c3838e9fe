import { expect, test, type Browser, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";

// The reference lists end to end: the administrator opens /admin/reference from the admin home,
// adds a loan category with its own document checklist (an empty one is refused first), sets the
// recommendation letter's numbering pattern (a pattern without a sequence is refused first) and
// sees the next number; the auditor finds those changes in the configuration audit view; a
// reviewer has no such page.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const CODE = `E2E_${stamp}`;
const NAME = `绿色农业企业${stamp}`;

async function as(browser: Browser, identifier: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier);
  return context.newPage();
}

test.afterAll(async () => {
  // Later specs number letters by the default pattern.
  await queryE2e(`UPDATE "NumberingPattern" SET pattern = 'TJ-{APP}' WHERE key = 'RECOMMENDATION_LETTER'`);
});

test("the administrator adds a category with its checklist and a numbering pattern; the configuration audit view lists both", async ({ browser }) => {
  const admin = await as(browser, "admin@center.demo");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "参考数据" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "参考数据" })).toBeVisible();

  // A category with no document for new applications is refused, with the reason on the checklist.
  const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "新增类别" }) });
  await form.getByLabel("代码").fill(CODE);
  await form.getByLabel("中文名称").fill(NAME);
  await form.getByLabel("英文名称").fill("Green agriculture enterprise");
  const fresh = form.getByTestId("new-checklistNEW");
  for (const box of await fresh.getByRole("checkbox").all()) await box.uncheck();
  await form.getByRole("button", { name: "新增类别" }).click();
  await expect(form.getByText("材料清单不能为空：请至少选择一项材料").first()).toBeVisible();
  await expect(admin.getByTestId("categories").locator(`tr[data-code="${CODE}"]`)).toHaveCount(0);
  // What was typed and ticked is kept.
  await expect(form.getByLabel("代码")).toHaveValue(CODE);
  for (const box of await fresh.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await expect(form.getByTestId("new-checklistRENEWAL").getByRole("checkbox", { name: "贷款用途计划" })).toBeChecked();

  // Its own checklist: the licence and the loan-use plan for a new application.
  const listNew = fresh;
  await listNew.getByRole("checkbox", { name: "营业执照" }).check();
  await listNew.getByRole("checkbox", { name: "贷款用途计划" }).check();
  await form.getByRole("button", { name: "新增类别" }).click();
  await expect(admin.getByText("贷款类别已新增")).toBeVisible();
  const row = admin.getByTestId("categories").locator(`tr[data-code="${CODE}"]`);
  await expect(row).toContainText(NAME);
  await expect(row).toContainText("营业执照、贷款用途计划");

  // The letter's number: a pattern without a sequence is refused; then one with year and sequence.
  const letter = admin.getByTestId("numbering").locator('tr[data-thing="RECOMMENDATION_LETTER"]');
  await letter.getByLabel("规则").fill("TJ-{YYYY}");
  await letter.getByRole("button", { name: "保存规则" }).click();
  await expect(letter.getByText(/编号规则须包含序号占位符/).first()).toBeVisible();
  await letter.getByLabel("规则").fill("TJ{YYYY}-{SEQ:3}");
  await letter.getByRole("button", { name: "保存规则" }).click();
  await expect(admin.getByText("编号规则已保存：下一个编号按新规则生成")).toBeVisible();
  await expect(admin.getByTestId("next-RECOMMENDATION_LETTER")).toHaveText(/^TJ\d{4}-\d{3}$/);
  expect(await captureScreens(admin, "admin-reference"), "the reference page scrolls sideways").toEqual({ phone: 0, desktop: 0 });

  const auditor = await as(browser, "auditor@center.demo");
  await auditor.goto("/audit/config");
  await auditor.getByLabel("类型").selectOption("reference");
  await auditor.getByRole("button", { name: "筛选" }).click();
  await expect(auditor).toHaveURL(/kind=reference/);
  const created = auditor.getByTestId("config-changes").getByRole("row").filter({ hasText: `LoanCategory ${CODE}` });
  await expect(created).toContainText("新增贷款类别");
  await expect(created).toContainText("郑管理");
  await expect(created).toContainText("BUSINESS_LICENCE");
  const pattern = auditor.getByTestId("config-changes").getByRole("row").filter({ hasText: "NumberingPattern RECOMMENDATION_LETTER" }).first();
  await expect(pattern).toContainText("修改编号规则");
  await expect(pattern).toContainText("pattern: TJ-{APP}");
  await expect(pattern).toContainText("pattern: TJ{YYYY}-{SEQ:3}");

  // The same page in English.
  await admin.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: admin.url() }]);
  await admin.reload();
  await expect(admin.getByRole("heading", { level: 1, name: "Reference data" })).toBeVisible();
  await captureScreens(admin, "admin-reference-en");

  // A reviewer has no reference page.
  const centre = await as(browser, "reviewer@center.demo");
  const response = await centre.goto("/admin/reference");
  expect(response?.status()).toBe(404);
});
