import { expect, test } from "./support/test";
import { signInViaApi } from "./support/auth";
import { captureScreens } from "./support/screens";

test("the administrator publishes a future policy version and ends another account's sessions", async ({ browser }) => {
  const auditorContext = await browser.newContext();
  await signInViaApi(auditorContext, "auditor@center.demo");
  const auditor = await auditorContext.newPage();
  await auditor.goto("/audit");
  await expect(auditor.getByTestId("chain-status")).toContainText("审计链完整");

  const adminContext = await browser.newContext();
  await signInViaApi(adminContext, "admin@center.demo");
  const admin = await adminContext.newPage();
  await admin.goto("/admin");
  await admin.getByText("发布新政策版本").click();
  await admin.getByLabel("生效日期").fill("2099-06-01");
  await admin.getByLabel("单户最高贷款额（元）").fill("600000");
  await admin.getByLabel("说明").fill("加大贷款力度：单户最高 60 万元");
  await admin.getByRole("button", { name: "发布" }).click();
  await expect(admin.getByText(/已发布第 \d+ 版政策/)).toBeVisible();
  await expect(admin.getByRole("cell", { name: "¥600,000.00" })).toBeVisible();
  await captureScreens(admin, "admin-home");

  const row = admin.getByTestId("staff-accounts").getByRole("row").filter({ hasText: "钱审计" });
  await row.getByRole("button", { name: "强制下线" }).click();
  await expect(admin.getByText("该账号的所有会话已失效")).toBeVisible();
  await auditor.goto("/audit");
  await expect(auditor).toHaveURL(/\/login/);
  await adminContext.close();
  await auditorContext.close();
});
