import { expect, test, type Browser, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";
import { preparedDraft } from "./support/prepared-draft";

// The reviewer writes an internal note and returns the case with a message; the applicant sees
// the message (and the one-time list), never the note nor the reviewer's comment.
test.describe.configure({ mode: "serial" });

const stamp = `N${Date.now().toString(36).toUpperCase()}`;
const NOTE = `内部备注：法定代表人名下另有一家企业，担保公司请留意 ${stamp}`;
const COMMENT = `内部意见：流水与报表不符 ${stamp}`;
const MESSAGE = `周先生您好：\n请补充下列材料，如有疑问请致电 12351。`;
const ITEMS = ["2025 年度财务报表（加盖公章）", "近六个月银行流水"];

let applicationId = "";
let applicant: Awaited<ReturnType<typeof createApplicant>>;

async function as(browser: Browser, identifier: string, password?: string, locale = "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ locale });
  if (locale !== "zh-CN") await context.addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "localhost", path: "/" }]);
  await signInViaApi(context, identifier, password);
  return context.newPage();
}

const statusOf = async (id: string) => (await queryE2e<{ status: string }>(`SELECT status FROM "LoanApplication" WHERE id = $1`, [id]))[0]!.status;

test("the applicant submits", async ({ browser }) => {
  applicant = await createApplicant();
  applicationId = await preparedDraft(applicant, stamp, "北京内部备注测试有限公司");
  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/applications/${applicationId}?step=review`);
  await page.getByRole("button", { name: "确认无误，提交申请" }).click();
  await expect(page.getByTestId("holder")).toContainText("保障中心");
  expect(await statusOf(applicationId)).toBe("CENTER_REVIEW");
});

test("the reviewer writes an internal note, then returns the case with a message previewed word for word", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center/cases/${applicationId}`);

  await reviewer.locator('[data-action="addNote"] summary').click();
  await reviewer.locator("#note-note").fill(NOTE);
  await reviewer.locator('[data-action="addNote"] button[type="submit"]').click();
  await expect(reviewer.getByTestId("timeline").locator('[data-event="note_added"]')).toContainText(NOTE);

  const returning = reviewer.locator('[data-action="return"]');
  await returning.locator("summary").click();
  await reviewer.locator("#return-missingItems").fill(ITEMS.map((item, i) => `${i + 1}. ${item}`).join("\n"));
  await reviewer.locator("#return-comment").fill(COMMENT);
  await reviewer.locator("#return-applicantMessage").fill(MESSAGE);
  // The preview shows the exact words the applicant will get: the template with the list, and the message as written.
  const preview = returning.getByTestId("message-preview");
  await expect(preview).toContainText(`需要补充材料`);
  await expect(preview).toContainText(`${ITEMS[0]}；${ITEMS[1]}`);
  await expect(preview.locator(".staff-text")).toHaveText(MESSAGE);
  await expect(preview).not.toContainText(COMMENT);
  await captureScreens(reviewer, "notes-reviewer-return-preview");

  await reviewer.getByRole("button", { name: "确认退回，通知申请人补充" }).click();
  await expect.poll(() => statusOf(applicationId)).toBe("RETURNED");
  await reviewer.reload();
  // The staff see both, each marked for what it is.
  const returned = reviewer.getByTestId("timeline").locator('[data-event="returned"]');
  await expect(returned.getByTestId("internal-comment")).toContainText(COMMENT);
  await expect(returned.getByTestId("timeline-message")).toContainText("周先生您好");
  await captureScreens(reviewer, "notes-reviewer-after-return");
});

const OWN_MESSAGE = `您好，如需延长补正期限，请致电 12351 说明原因。${stamp}`;

test("the reviewer sends a message of its own, previewed before it goes", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center/cases/${applicationId}`);
  const messaging = reviewer.locator('[data-action="messageApplicant"]');
  await messaging.locator("summary").click();
  await reviewer.locator("#message-text").fill(OWN_MESSAGE);
  await expect(messaging.getByTestId("message-preview")).toContainText(`关于申请 SQ-E2E-${stamp} 的消息`);
  await expect(messaging.getByTestId("message-preview").locator(".staff-text")).toHaveText(OWN_MESSAGE);
  await captureScreens(reviewer, "notes-reviewer-message-preview");
  await messaging.getByRole("button", { name: "确认发送给申请人" }).click();
  await expect(reviewer.getByTestId("timeline").locator('[data-event="message_sent"]')).toContainText(OWN_MESSAGE);
});

test("the applicant sees the message and the list, never the note nor the comment", async ({ browser }) => {
  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/applications/${applicationId}`);
  const list = page.getByTestId("return-list");
  for (const item of ITEMS) await expect(list).toContainText(item);
  await expect(list.locator(".staff-text")).toHaveText(MESSAGE);
  await expect(page.getByTestId("timeline").locator('[data-event="returned"] .staff-text')).toHaveText(MESSAGE);
  const body = page.locator("body");
  await expect(body).not.toContainText(NOTE);
  await expect(body).not.toContainText(COMMENT);
  await expect(page.getByTestId("timeline").locator('[data-event="note_added"]')).toHaveCount(0);
  await expect(page.getByTestId("timeline").locator('[data-event="message_sent"]')).toContainText(OWN_MESSAGE);
  await captureScreens(page, "notes-applicant-case");

  await page.goto("/applicant/inbox");
  const notice = page.getByTestId("notification").filter({ hasText: `SQ-E2E-${stamp} 需要补充材料` });
  await expect(page.getByTestId("notification").filter({ hasText: OWN_MESSAGE })).toContainText("保障中心给您留言");
  await expect(notice.getByTestId("staff-text")).toHaveText(MESSAGE);
  await expect(page.locator("body")).not.toContainText(NOTE);
  await expect(page.locator("body")).not.toContainText(COMMENT);
  await captureScreens(page, "notes-applicant-inbox");
});

test("in English the applicant reads the template in English and the reviewer's words as written", async ({ browser }) => {
  const page = await as(browser, applicant.mobile, applicant.password, "en");
  await page.goto("/applicant/inbox");
  const notice = page.getByTestId("notification").filter({ hasText: "needs more information" });
  await expect(notice.getByTestId("staff-text")).toHaveText(MESSAGE);
  await captureScreens(page, "notes-applicant-inbox-en");
  await page.goto(`/applicant/applications/${applicationId}`);
  await expect(page.locator("body")).not.toContainText(NOTE);
  await captureScreens(page, "notes-applicant-case-en");
});
