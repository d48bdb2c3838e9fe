import { expect, test } from "./support/test";
import { signIn, signInViaApi } from "./support/auth";
import { queryE2e } from "./support/db";
import { createCentreStaff } from "./support/factories";
import { captureScreens } from "./support/screens";

test("a policy that loosens a control waits for a second administrator, who publishes it; the administrator ends another account's sessions", async ({ browser }) => {
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
  await expect(admin.getByText("该版本放松了管控，已提交，待另一位管理员复核后发布")).toBeVisible();
  const pending = admin.getByTestId("control-changes").getByRole("row").filter({ hasText: "¥600,000.00" });
  await expect(pending).toContainText("提高贷款上限");
  await expect(pending.getByRole("button", { name: "撤回" })).toBeVisible();
  await expect(pending.getByRole("button", { name: "批准" })).toHaveCount(0);
  await expect(admin.getByTestId("policy-versions").getByRole("cell", { name: "¥600,000.00" })).toHaveCount(0);
  await captureScreens(admin, "admin-home");

  // A second administrator approves it: the version is published.
  const second = `second-admin-${Date.now().toString(36)}@center.example`;
  await createCentreStaff(second, "陈复核", "PROGRAM_ADMIN", "Second2026pass");
  const checkerContext = await browser.newContext();
  await signInViaApi(checkerContext, second, "Second2026pass");
  const checker = await checkerContext.newPage();
  await checker.goto("/admin");
  const toDecide = checker.getByTestId("control-changes").getByRole("row").filter({ hasText: "¥600,000.00" });
  await toDecide.getByRole("textbox", { name: "复核说明（选填）" }).fill("经主任办公会同意");
  await toDecide.getByRole("button", { name: "批准" }).click();
  await expect(checker.getByText("已批准，变更已生效")).toBeVisible();
  await expect(checker.getByTestId("policy-versions").getByRole("cell", { name: "¥600,000.00" })).toBeVisible();
  await checkerContext.close();

  await admin.reload();
  await expect(admin.getByTestId("policy-versions").getByRole("cell", { name: "¥600,000.00" })).toBeVisible();
  const row = admin.getByTestId("staff-accounts").getByRole("row").filter({ hasText: "钱审计" });
  await row.getByRole("button", { name: "强制下线" }).click();
  await expect(admin.getByText("该账号的所有会话已失效")).toBeVisible();
  await auditor.goto("/audit");
  await expect(auditor).toHaveURL(/\/login/);
  await adminContext.close();
  await auditorContext.close();
});

test("the administrator invites a bank officer; the officer sets a password through the e-mailed link and lands on the bank's queue", async ({ browser }) => {
  const address = `new-officer-${Date.now().toString(36)}@bank.example`;
  const adminContext = await browser.newContext();
  await signInViaApi(adminContext, "admin@center.demo");
  const admin = await adminContext.newPage();
  await admin.goto("/admin");
  await admin.getByText("邀请工作人员").click();
  await admin.getByLabel("电子邮箱").fill(address);
  await admin.getByLabel("姓名").fill("郑新员");
  await admin.getByRole("combobox", { name: "机构", exact: true }).selectOption({ label: "朝阳区总工会代办处（区总工会）" });
  await admin.getByRole("combobox", { name: "角色", exact: true }).selectOption({ label: "银行经办人（合作银行）" });
  await admin.getByRole("button", { name: "发送邀请" }).click();
  // A bank officer does not belong in a district union: refused, nothing typed is lost.
  await expect(admin.getByText("该角色不属于此类机构")).toBeVisible();
  await expect(admin.getByLabel("电子邮箱")).toHaveValue(address);
  await admin.getByRole("combobox", { name: "机构", exact: true }).selectOption({ label: "北京农村商业银行（合作银行）" });
  await admin.getByRole("button", { name: "发送邀请" }).click();
  await expect(admin.getByText("邀请已发出")).toBeVisible();
  await expect(admin.getByTestId("staff-accounts")).toContainText("郑新员");

  const [mail] = await queryE2e<{ body: string }>(`SELECT body FROM "OutboxEmail" WHERE "to" = $1`, [address]);
  const link = /http:\/\/localhost:\d+\/set-password\?token=[A-Za-z0-9_-]+/.exec(mail!.body)?.[0];
  expect(link).toBeTruthy();

  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await officer.goto(link!);
  await officer.getByRole("textbox", { name: "新密码", exact: true }).fill("Officer2026pass");
  await officer.getByRole("textbox", { name: "确认密码", exact: true }).fill("Officer2026pass");
  await officer.getByRole("button", { name: "设置密码" }).click();
  await expect(officer).toHaveURL(/\/login\?passwordSet=1/);
  await signIn(officer, address, "Officer2026pass");
  await expect(officer).toHaveURL("/bank");
  await expect(officer.getByTestId("who")).toContainText("郑新员");
  await adminContext.close();
  await officerContext.close();
});

test("the administrator sets next year's subsidy budget; one below what a year already paid is refused", async ({ browser }) => {
  const context = await browser.newContext();
  await signInViaApi(context, "admin@center.demo");
  const admin = await context.newPage();
  await admin.goto("/admin");
  await admin.getByText("设置年度贴息预算").click();
  await admin.getByLabel("年度").fill("2021");
  await admin.getByLabel("预算金额（元）").fill("1");
  await admin.getByRole("button", { name: "保存预算" }).click();
  await expect(admin.getByText(/预算不能低于该年已支付的贴息 ¥/)).toBeVisible();

  const next = String(new Date().getFullYear() + 1);
  await admin.getByLabel("年度").fill(next);
  await admin.getByLabel("预算金额（元）").fill("650000");
  await admin.getByRole("button", { name: "保存预算" }).click();
  await expect(admin.getByText(`已设置 ${next} 年贴息预算：¥650,000.00`)).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: next })).toContainText("¥650,000.00");
  await context.close();
});

test("the administrator creates a district union, renames it and disables it", async ({ browser }) => {
  const code = `HD${Date.now().toString(36).toUpperCase()}`.slice(0, 20);
  const context = await browser.newContext();
  await signInViaApi(context, "admin@center.demo");
  const admin = await context.newPage();
  await admin.goto("/admin");
  await admin.getByText("新建机构").click();
  await admin.getByRole("textbox", { name: "机构代码", exact: true }).fill(code);
  await admin.getByLabel("机构类型").selectOption({ label: "区总工会" });
  await admin.getByRole("textbox", { name: "中文名称", exact: true }).fill("海淀区总工会代办处");
  await admin.getByRole("textbox", { name: "英文名称", exact: true }).fill("Haidian District Union intake office");
  await admin.getByRole("button", { name: "创建机构" }).click();
  await expect(admin.getByText("机构已创建")).toBeVisible();

  const row = admin.getByRole("row").filter({ hasText: code });
  await row.getByText("改名").click();
  await row.getByRole("textbox", { name: "中文名称" }).fill("海淀区总工会服务站");
  await row.getByRole("button", { name: "保存名称" }).click();
  await expect(admin.getByText("机构名称已更新")).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: code })).toContainText("海淀区总工会服务站");

  await admin.getByRole("row").filter({ hasText: code }).getByRole("button", { name: "停用" }).click();
  await expect(admin.getByText("机构已停用")).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: code })).toContainText("已停用");
  await context.close();
});

test("the administrator changes a centre reviewer into an approver; the staff list shows two-factor state", async ({ browser }) => {
  const email = `role-${Date.now().toString(36)}@center.example`;
  await createCentreStaff(email, "冯换岗", "CENTER_REVIEWER");
  const context = await browser.newContext();
  await signInViaApi(context, "admin@center.demo");
  const admin = await context.newPage();
  await admin.goto("/admin");
  const row = () => admin.getByTestId("staff-accounts").getByRole("row").filter({ hasText: email });
  await expect(row()).toContainText("保障中心审核员");
  await expect(row()).toContainText("未启用");
  await row().getByRole("combobox", { name: "新角色" }).selectOption({ label: "保障中心审批人" });
  await row().getByRole("button", { name: "改角色" }).click();
  await expect(admin.getByText("角色已修改")).toBeVisible();
  await expect(row()).toContainText("保障中心审批人");
  const [member] = await queryE2e<{ role: string }>(`SELECT m.role FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [email]);
  expect(member!.role).toBe("CENTER_APPROVER");
  await context.close();
});
