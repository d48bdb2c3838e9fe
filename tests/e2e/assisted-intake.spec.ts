import { expect, test } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { signInViaApi } from "./support/auth";
import { claimAccount, completeProfile, fillLoanRequest, uploadMissingDocuments } from "./support/member-steps";
import { applicantFields } from "./support/factories";
import { png } from "../support/sample-files";
import { textsTo } from "./support/db";
import { captureScreens } from "./support/screens";
import { runStatisticsJob } from "./support/statistics";

// A member applies at the district union's desk: the agent registers them by mobile number,
// records the enterprise, creates the draft and uploads the papers; the member claims the
// account from the text message, checks and corrects the draft, consents and submits; the centre
// sees the case with its intake channel and the agent.

const member = applicantFields();
const enterprise = { name: `朝阳小面馆${Date.now().toString(36)}有限公司`, creditCode: makeCreditCode() };

test("an agent prepares a new member's application; the member claims the account, corrects, consents and submits", async ({ browser }) => {
  // ── the desk ──
  const agentContext = await browser.newContext();
  await signInViaApi(agentContext, "agent@district.demo");
  const agent = await agentContext.newPage();
  await agent.goto("/agent");
  await agent.getByRole("link", { name: "代办申请" }).click();
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("代办申请");

  const lookup = agent.getByRole("search").getByRole("textbox", { name: "会员手机号" });
  await lookup.fill("1380013");
  await agent.getByRole("button", { name: "查找" }).click();
  await expect(agent.locator("#lookup-error")).toHaveText("请输入正确的11位手机号码");

  await agent.getByRole("search").getByRole("textbox", { name: "会员手机号" }).fill(member.mobile);
  await agent.getByRole("button", { name: "查找" }).click();
  const register = agent.locator("section.card", { has: agent.getByRole("heading", { name: "为会员登记账号" }) });
  await expect(register).toContainText("该手机号尚未注册");
  await expect(register.getByRole("textbox", { name: "会员手机号" })).toHaveValue(member.mobile);
  await register.getByRole("textbox", { name: "会员姓名" }).fill(member.displayName);
  await captureScreens(agent, "intake-register");
  await register.getByRole("button", { name: "登记并发送认领短信" }).click();
  const masked = `${member.mobile.slice(0, 3)}****${member.mobile.slice(-4)}`;
  await expect(agent.getByTestId("member-found")).toHaveText(`已找到会员：${member.displayName}（${masked}） · 会员尚未认领账号（认领短信已发送）`);
  await expect(agent.getByText(member.mobile)).toHaveCount(0);

  await agent.getByRole("textbox", { name: "企业名称" }).fill(enterprise.name);
  await agent.getByRole("textbox", { name: "统一社会信用代码" }).fill(enterprise.creditCode);
  await agent.getByRole("textbox", { name: "法定代表人" }).fill(member.displayName);
  await agent.getByRole("textbox", { name: "经营地址" }).fill("北京市朝阳区三里屯路 8 号");
  await agent.getByRole("textbox", { name: "所属行业" }).fill("餐饮");
  await agent.getByLabel("成立日期").fill("2021-06-01");
  await agent.getByRole("textbox", { name: "从业人数" }).fill("6");
  await agent.getByRole("textbox", { name: "上年营业收入（元）" }).fill("800,000.00");
  await agent.getByRole("checkbox", { name: "企业已建立工会" }).check();
  await agent.getByRole("textbox", { name: "工会会员人数" }).fill("4");
  await captureScreens(agent, "intake-start");
  await agent.getByRole("button", { name: "创建申请草稿" }).click();
  await expect(agent).toHaveURL(/\/agent\/intake\/[0-9a-f-]{36}$/);
  const applicationId = agent.url().split("/").pop()!;
  await expect(agent.getByTestId("waiting")).toHaveText("等待申请人核对、同意并提交");
  await expect(agent.getByTestId("intake-channel")).toHaveText("受理渠道：区总工会代办 · 朝阳区总工会代办处 · 经办人 吴代办");
  await uploadMissingDocuments(agent, "窗口材料");
  // A second page of the bank statements, photographed with the phone's camera at the desk.
  const statements = agent.locator('[data-testid="document-checklist"] tbody tr[data-kind="BANK_STATEMENTS"]');
  const camera = statements.getByTestId("camera-input");
  await expect(camera).toHaveAttribute("capture", "environment");
  await expect(camera).toHaveAttribute("accept", "image/*,application/pdf");
  await statements.getByRole("checkbox", { name: /作为下一页添加/ }).check();
  await camera.setInputFiles({ name: "IMG_2041.png", mimeType: "image/png", buffer: Buffer.from(png()) });
  await expect(statements.getByTestId("document-pages").getByRole("listitem")).toHaveCount(2);
  await expect(statements.getByTestId("document-pages")).toContainText("第 2 页：IMG_2041.png");
  await captureScreens(agent, "intake-documents");

  // The desk's list: the draft waits for the applicant.
  await agent.getByRole("link", { name: "返回代办申请" }).click();
  const row = agent.getByTestId("assisted-cases").getByRole("row").filter({ hasText: enterprise.name });
  await expect(row).toContainText("区总工会代办");
  await expect(row).toContainText("吴代办");
  await expect(row).toContainText("等待申请人核对、同意并提交");
  await captureScreens(agent, "intake-list");

  // ── the member ──
  const texts = await textsTo(member.mobile);
  expect(texts).toHaveLength(1);
  expect(texts[0]).toContain("朝阳区总工会代办处已为您登记");
  const memberContext = await browser.newContext();
  const page = await claimAccount(memberContext, texts[0]!, member);
  const base = `/applicant/applications/${applicationId}`;
  await page.goto(`${base}?step=enterprise`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(enterprise.name);
  await expect(page.getByText(enterprise.creditCode)).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("朝阳区总工会代办处");
  await captureScreens(page, "intake-member-draft");
  await page.goto(`${base}?step=documents`);
  await expect(page.locator('[data-testid="document-checklist"]').getByText("待上传")).toHaveCount(0);
  // Every page the desk uploaded is shown to the member.
  await expect(page.locator('[data-testid="document-checklist"] tbody tr[data-kind="BANK_STATEMENTS"]').getByTestId("document-pages")).toContainText("第 2 页：IMG_2041.png");

  // The member corrects what the desk typed.
  await page.goto(`${base}?step=enterprise`);
  await page.getByRole("link", { name: "修改企业信息" }).click();
  await expect(page.getByRole("textbox", { name: "从业人数" })).toHaveValue("6");
  await page.getByRole("textbox", { name: "从业人数" }).fill("7");
  await page.getByRole("button", { name: "保存企业信息" }).click();
  await expect(page).toHaveURL(/\/applicant\?enterprise=/);

  await completeProfile(page, { idNumber: member.idNumber, unionName: "朝阳区餐饮业联合工会", cardNo: "GH-0105-2026-0420" });

  await fillLoanRequest(page, base, { amountYuan: "200000", purpose: "更新厨房设备", repaymentSource: "餐饮经营收入" });
  await page.goto(`${base}?step=review`);
  await page.getByRole("button", { name: "确认无误，提交申请" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  await memberContext.close();

  // The desk's list now shows it submitted.
  await agent.reload();
  await expect(agent.getByTestId("assisted-cases").getByRole("row").filter({ hasText: enterprise.name })).toContainText("申请人已提交");
  await agentContext.close();

  // ── the centre ──
  const centreContext = await browser.newContext();
  await signInViaApi(centreContext, "reviewer@center.demo");
  const centre = await centreContext.newPage();
  await centre.goto(`/center/cases/${applicationId}`);
  await expect(centre.getByTestId("intake-channel")).toHaveText("受理渠道：区总工会代办 · 朝阳区总工会代办处 · 经办人 吴代办");
  await expect(centre.getByTestId("timeline")).toContainText("吴代办");
  await captureScreens(centre, "intake-centre-case");
  await runStatisticsJob();
  await centre.goto("/center/stats");
  await expect(centre.getByTestId("intake-channel-stats")).toContainText("朝阳区总工会代办处");
  await centreContext.close();
});
