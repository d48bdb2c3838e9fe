import { captureScreens } from "./support/screens";
import { expect, test, type Browser, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { queryE2e } from "./support/db";

// The LPR table and the policy what-if on the administrator's pages: an LPR is recorded (a day
// already there refused); a tighter policy version is proposed, its what-if read on
// /admin/policy, and withdrawn. Other roles have none of these pages.
test.describe.configure({ mode: "serial" });

const LPR_DAY = "2098-01-20";

async function as(browser: Browser, identifier: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier);
  return context.newPage();
}

test.afterAll(async () => {
  await queryE2e(`DELETE FROM "LprRate" WHERE "effectiveFrom" = $1`, [LPR_DAY]);
});

test("the administrator records an LPR; a day already recorded is refused", async ({ browser }) => {
  const admin = await as(browser, "admin@center.demo");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "LPR 利率表" }).click();
  await expect(admin.getByTestId("lpr-rates").locator('tr[data-day="2025-05-20"][data-tenor="ONE_YEAR"]')).toContainText("3.00%");
  await admin.getByLabel("生效日期").fill("2025-05-20");
  await admin.getByLabel("利率（%）").fill("3.00");
  await admin.getByRole("button", { name: "录入" }).click();
  await expect(admin.locator("#effectiveFrom-error")).toHaveText("2025-05-20 已有一年期 LPR 记录");
  await admin.getByLabel("生效日期").fill(LPR_DAY);
  await admin.getByLabel("利率（%）").fill("2.85");
  await admin.getByRole("button", { name: "录入" }).click();
  await expect(admin.getByText(`已记录 一年期 LPR 2.85%（${LPR_DAY} 起）`)).toBeVisible();
  await expect(admin.getByTestId("lpr-rates").locator(`tr[data-day="${LPR_DAY}"]`)).toContainText("2.85%");
});

test("a tighter policy version waits for a second administrator, with its what-if on /admin/policy", async ({ browser }) => {
  const [latest] = await queryE2e<{ day: string }>(
    `SELECT to_char(("effectiveFrom" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date + 10, 'YYYY-MM-DD') AS day FROM "PolicyVersion" ORDER BY "effectiveFrom" DESC LIMIT 1`,
  );
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const day = latest!.day > today ? latest!.day : new Date(Date.now() + 8 * 3_600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
  const admin = await as(browser, "admin@center.demo");
  await admin.goto("/admin");
  await admin.getByText("发布新政策版本").click();
  // A day in the past is refused.
  await admin.getByLabel("生效日期").fill("2020-01-01");
  await admin.getByLabel("单户最高贷款额（元）").fill("100000");
  await admin.getByLabel("说明").fill("收紧单户最高额");
  await admin.getByRole("button", { name: "发布" }).click();
  await expect(admin.locator("#effectiveFrom-error")).toContainText("生效日期不能早于今天");
  await admin.getByLabel("生效日期").fill(day);
  await admin.getByRole("button", { name: "发布" }).click();
  await expect(admin.getByText("已提交，待另一位管理员查看影响预估并复核后发布")).toBeVisible();
  const pending = admin.getByTestId("control-changes").getByRole("row").filter({ hasText: "¥100,000.00" });
  await expect(pending).toContainText("不放松管控");

  await pending.getByRole("link", { name: "影响预估" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("政策版本影响预估");
  const section = admin.getByTestId("policy-what-if").filter({ hasText: `${day} 起生效的新版本` });
  await expect(section.getByRole("heading", { name: /超出新上限的在办案件：[1-9]\d* 件/ })).toBeVisible();
  await expect(section.getByTestId("what-if-over-cap").getByRole("row")).not.toHaveCount(1);
  await expect(section.getByTestId("what-if-loans")).toContainText(/在贷贷款 \d+ 笔/);
  await expect(section.getByTestId("what-if-subsidy")).toContainText("合计");
  await captureScreens(admin, "policy-what-if");
  await section.getByRole("button", { name: "撤回" }).click();
  await expect(admin.getByText("已撤回")).toBeVisible();
  await admin.goto("/admin/policy");
  await expect(admin.getByTestId("policy-what-if").filter({ hasText: `${day} 起生效的新版本` })).toHaveCount(0);
});

test("a reviewer has none of these pages", async ({ browser }) => {
  const centre = await as(browser, "reviewer@center.demo");
  for (const path of ["/admin/consents", "/admin/lpr", "/admin/policy"]) {
    const response = await centre.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
