import { execFileSync } from "node:child_process";
import { expect, test } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { signInViaApi } from "./support/auth";
import { claimAccount, completeProfile, fillLoanRequest, uploadMissingDocuments } from "./support/member-steps";
import { applicantFields } from "./support/factories";
import { textsTo } from "./support/db";
import { captureScreens } from "./support/screens";
import { runStatisticsJob } from "./support/statistics";
import { e2eDatabase } from "./support/database";
import { addDays, beijingToday } from "@/lib/calendar/beijing";

// A member calls the 12351 hotline: the operator records the call with a follow-up, registers the
// caller, turns the call into a draft application and marks the follow-up done; the member
// claims the account from the text, completes the draft, consents and submits; the centre sees
// the case with channel 热线 and the operator's name.

const caller = applicantFields();
const enterprise = { name: `海淀小书店${Date.now().toString(36)}有限公司`, creditCode: makeCreditCode() };

/** A Beijing calendar day, `offset` days from today. */
const beijingDay = (offset: number) => addDays(beijingToday(), offset);

/** Runs a scheduled job once against the e2e database, as the scheduler would. */
function runJob(name: string, now: string): void {
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/run-job.ts", name, "--now", now], {
    env: { ...process.env, DATABASE_URL: e2eDatabase().url, NODE_ENV: "test", SCHEDULER: "off" },
    encoding: "utf8",
  });
}

test("the hotline logs a call with a follow-up and turns it into a draft; the member claims, consents and submits; the centre sees channel 热线", async ({ browser }) => {
  // ── the hotline desk ──
  const deskContext = await browser.newContext();
  await signInViaApi(deskContext, "hotline@center.demo");
  const desk = await deskContext.newPage();
  await desk.goto("/hotline");
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("12351 热线");

  const log = desk.locator("section.card", { has: desk.getByRole("heading", { name: "记录来电" }) });
  await log.getByRole("textbox", { name: "来电人姓名" }).fill(caller.displayName);
  await log.getByRole("textbox", { name: "来电人手机号" }).fill(caller.mobile.slice(0, 10));
  await log.getByLabel("咨询事项").selectOption("HOW_TO_APPLY");
  await log.getByLabel("处理结果").selectOption("CALL_BACK");
  await log.getByLabel("回访日期").fill(beijingDay(-1));
  await log.getByLabel("备注").fill("想申请贷款，约定今天回电");
  await log.getByRole("button", { name: "保存来电记录" }).click();
  await expect(log.locator("#callerMobile-error")).toHaveText("请输入正确的11位手机号码");

  await log.getByRole("textbox", { name: "来电人手机号" }).fill(caller.mobile);
  await log.getByRole("button", { name: "保存来电记录" }).click();
  await expect(log.locator("#followUpOn-error")).toHaveText("回访日期不能早于今天");
  await expect(log.getByLabel("咨询事项")).toHaveValue("HOW_TO_APPLY");

  await log.getByLabel("回访日期").fill(beijingDay(0));
  await captureScreens(desk, "hotline-log");
  await log.getByRole("button", { name: "保存来电记录" }).click();
  await expect(desk).toHaveURL(/\/hotline\/calls\/[0-9a-f-]{36}$/);
  const callUrl = new URL(desk.url()).pathname;
  await expect(desk.getByText(`${caller.displayName}（${caller.mobile}）`)).toBeVisible();

  // The follow-up is due today: it is on the desk's 待回访 list, the mobile masked.
  await desk.getByRole("link", { name: "返回热线来电" }).click();
  const masked = `${caller.mobile.slice(0, 3)}****${caller.mobile.slice(-4)}`;
  const due = desk.getByTestId("follow-ups-due").getByRole("row").filter({ hasText: caller.displayName });
  await expect(due).toContainText(masked);
  await expect(due).toContainText("如何申请");
  await expect(due).toContainText("需回电");
  await expect(desk.getByText(caller.mobile)).toHaveCount(0);
  await captureScreens(desk, "hotline-due");

  // The call log finds the caller's calls by mobile (11 digits exactly), masked.
  const search = desk.getByRole("search", { name: "按手机号查找来电" });
  await search.getByRole("textbox", { name: "来电人手机号（11 位）" }).fill(caller.mobile.slice(0, 10));
  await search.getByRole("button", { name: "查找" }).click();
  await expect(desk.locator("#call-search-error")).toHaveText("请输入正确的11位手机号码");
  await desk.getByRole("search", { name: "按手机号查找来电" }).getByRole("textbox", { name: "来电人手机号（11 位）" }).fill(caller.mobile);
  await desk.getByRole("search", { name: "按手机号查找来电" }).getByRole("button", { name: "查找" }).click();
  const found = desk.getByTestId("recent-calls").getByRole("row");
  await expect(found).toHaveCount(2);
  await expect(found.nth(1)).toContainText(masked);

  // The daily job puts the follow-up due into the inbox of the operator who took the call.
  runJob("hotline-follow-ups", new Date().toISOString());
  await desk.goto("/hotline/inbox");
  const notice = desk.locator('[data-testid="notification"][data-code="hotlineFollowUpDue"]').filter({ hasText: caller.displayName });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(masked);
  await notice.getByRole("link", { name: "查看来电记录" }).click();
  await expect(desk).toHaveURL(new RegExp(`${callUrl}$`));

  // The call becomes a draft for a new member.
  await desk.goto(callUrl);
  const start = desk.locator("section.card", { has: desk.getByRole("heading", { name: "转为申请草稿" }) });
  await expect(start).toContainText("该手机号尚未注册");
  await start.getByRole("button", { name: "为来电人登记账号并发送认领短信" }).click();
  await expect(desk.getByTestId("member-found")).toHaveText(`会员账号：${caller.displayName}（${masked}）`);
  await desk.getByRole("textbox", { name: "企业名称" }).fill(enterprise.name);
  await desk.getByRole("textbox", { name: "统一社会信用代码" }).fill(enterprise.creditCode);
  await desk.getByRole("textbox", { name: "法定代表人" }).fill(caller.displayName);
  await desk.getByRole("textbox", { name: "经营地址" }).fill("北京市海淀区中关村大街 8 号");
  await desk.getByRole("textbox", { name: "所属行业" }).fill("零售");
  await desk.getByLabel("成立日期").fill("2021-05-01");
  await desk.getByRole("textbox", { name: "从业人数" }).fill("3");
  await desk.getByRole("textbox", { name: "上年营业收入（元）" }).fill("500,000.00");
  await desk.getByRole("button", { name: "创建申请草稿" }).click();
  await expect(desk).toHaveURL(new RegExp(`${callUrl}$`));
  await expect(desk.getByTestId("linked-case")).toContainText(/已转为申请 \S+/);
  const number = /已转为申请 (\S+)/.exec((await desk.getByTestId("linked-case").textContent()) ?? "")![1]!;
  await expect(desk.getByTestId("call-facts")).toContainText("已建立申请");
  await captureScreens(desk, "hotline-call");

  // The follow-up is made.
  await desk.getByRole("button", { name: "标记已回访" }).click();
  await expect(desk.getByTestId("call-facts")).toContainText("已回访");
  await desk.goto("/hotline");
  await expect(desk.getByTestId("follow-ups-due").getByRole("row").filter({ hasText: caller.displayName })).toHaveCount(0);
  const listed = desk.getByTestId("assisted-cases").getByRole("row").filter({ hasText: enterprise.name });
  await expect(listed).toContainText("12351 热线");
  await expect(listed).toContainText("冯热线");
  await expect(listed).toContainText("等待申请人核对、同意并提交");

  // The operator has no way into the applicant's side (no consent, no submission).
  const applicantSide = await desk.request.get("/applicant/profile", { maxRedirects: 0 });
  expect(applicantSide.status()).toBe(404);

  // The case the call became: channel and operator, waiting for the member.
  await listed.getByRole("link", { name: number }).click();
  await expect(desk).toHaveURL(/\/hotline\/cases\/[0-9a-f-]{36}$/);
  const applicationId = desk.url().split("/").pop()!;
  await expect(desk.getByTestId("intake-channel")).toHaveText("受理渠道：12351 热线 · 经办人 冯热线");
  await expect(desk.getByTestId("waiting")).toHaveText("等待申请人核对、同意并提交");
  await captureScreens(desk, "hotline-case");

  // ── the member ──
  const texts = await textsTo(caller.mobile);
  expect(texts).toHaveLength(1);
  const memberContext = await browser.newContext();
  const page = await claimAccount(memberContext, texts[0]!, caller);
  const base = `/applicant/applications/${applicationId}`;
  await page.goto(`${base}?step=enterprise`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(enterprise.name);

  await completeProfile(page, { idNumber: caller.idNumber, unionName: "海淀区商贸业联合工会", cardNo: "GH-0108-2026-1205" });

  await fillLoanRequest(page, base, { amountYuan: "150000", purpose: "采购图书", repaymentSource: "门店经营收入" });
  await uploadMissingDocuments(page);
  await page.goto(`${base}?step=review`);
  await page.getByRole("button", { name: "确认无误，提交申请" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  await memberContext.close();

  await desk.goto("/hotline");
  await expect(desk.getByTestId("assisted-cases").getByRole("row").filter({ hasText: enterprise.name })).toContainText("申请人已提交");
  await deskContext.close();

  // ── the centre ──
  const centreContext = await browser.newContext();
  await signInViaApi(centreContext, "reviewer@center.demo");
  const centre = await centreContext.newPage();
  await centre.goto(`/center/cases/${applicationId}`);
  await expect(centre.getByTestId("intake-channel")).toHaveText("受理渠道：12351 热线 · 经办人 冯热线");
  await expect(centre.getByTestId("timeline")).toContainText("冯热线");
  await captureScreens(centre, "hotline-centre-case");
  await runStatisticsJob();
  await centre.goto("/center/stats");
  await expect(centre.getByTestId("intake-channel-stats").getByRole("row").filter({ hasText: "12351 热线" })).toBeVisible();
  await centreContext.close();
});
