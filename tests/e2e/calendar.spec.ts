import { expect, test, type Browser, type Page } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";

// The working calendar end to end: an open case at the centre is due on a day; the administrator
// adds a public holiday inside its clock on /admin/calendar; the page says which open cases'
// due dates moved; the reviewer's queue shows the later date; the auditor sees the change, with
// before and after, in the configuration audit view.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const number = `SQ-CAL-${stamp}`;
const enterpriseName = `北京日历测试科技有限公司${stamp}`;
// Next year (no other spec's calendar reaches it): the first Monday of March, its Wednesday, and
// the due days of five working days before and after that Wednesday became a holiday.
const YEAR = new Date().getUTCFullYear() + 1;
const monday = (() => {
  const d = new Date(Date.UTC(YEAR, 2, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
})();
const plus = (days: number) => new Date(monday.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const WEDNESDAY = plus(2);
const DUE_BEFORE = plus(7); // the next Monday
const DUE_AFTER = plus(8); // the next Tuesday
const zhDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

async function as(browser: Browser, identifier: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier);
  return context.newPage();
}

test.beforeAll(async () => {
  await queryE2e(`DELETE FROM "Holiday" WHERE day = $1`, [WEDNESDAY]);
  const applicant = await createApplicant();
  const [policy] = await queryE2e<{ id: string }>(`SELECT id FROM "PolicyVersion" ORDER BY version LIMIT 1`);
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '北京市东城区测试街 8 号', '软件信息', '2021-03-01', 6, 120000000, true, 6, now()) RETURNING id`,
    [applicant.userId, enterpriseName, makeCreditCode(), applicant.displayName],
  );
  await queryE2e(
    `INSERT INTO "LoanApplication" (id, number, status, version, "applicantId", "enterpriseId", "policyVersionId", "amountFen", "termMonths",
       "submittedAt", "stageEnteredAt", "stageDueAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'CENTER_REVIEW', 2, $2, $3, $4, 30000000, 12, $5, $5, $6, now())`,
    // The columns hold UTC without a zone (as Prisma writes them): pass the instants in UTC.
    [number, applicant.userId, enterprise!.id, policy!.id, new Date(`${plus(0)}T10:00:00+08:00`).toISOString(), new Date(`${DUE_BEFORE}T23:59:59.999+08:00`).toISOString()],
  );
});

test("the administrator adds a holiday; the open case's due date moves in the centre queue; the audit view shows the change", async ({ browser }) => {
  const centre = await as(browser, "reviewer@center.demo");
  await centre.goto(`/center?q=${number}`);
  const row = centre.getByTestId("application-table").getByRole("row").filter({ hasText: number });
  await expect(row).toContainText(zhDate(DUE_BEFORE));

  const admin = await as(browser, "admin@center.demo");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "工作日历" }).click();
  await admin.getByRole("link", { name: String(YEAR), exact: true }).click();
  await expect(admin).toHaveURL(new RegExp(`year=${YEAR}`));
  // A working weekend on a weekday is refused, with the reason on the field; nothing is stored.
  await admin.getByLabel("日期").fill(WEDNESDAY);
  await admin.getByRole("combobox", { name: "类型" }).selectOption("workday");
  await admin.getByLabel("名称").fill("测试假日");
  await admin.getByRole("button", { name: "添加", exact: true }).click();
  await expect(admin.getByText(`${WEDNESDAY} 不是周六或周日：调休上班日只能是周末`).first()).toBeVisible();
  await expect(admin.getByLabel("名称")).toHaveValue("测试假日");

  await admin.getByRole("combobox", { name: "类型" }).selectOption("holiday");
  await admin.getByRole("button", { name: "添加", exact: true }).click();
  await expect(admin.getByText(/日历已更新：\d+ 项在办案件的到期日已调整/)).toBeVisible();
  await expect(admin.getByTestId("calendar-days").locator(`tr[data-day="${WEDNESDAY}"]`)).toContainText("法定节假日");
  const moved = admin.getByTestId("calendar-moved").getByRole("row").filter({ hasText: number });
  await expect(moved).toContainText(zhDate(DUE_BEFORE));
  await expect(moved).toContainText(zhDate(DUE_AFTER));
  await captureScreens(admin, "admin-calendar");

  await centre.reload();
  await expect(row).toContainText(zhDate(DUE_AFTER));
  await expect(row).not.toContainText(zhDate(DUE_BEFORE));

  const auditor = await as(browser, "auditor@center.demo");
  await auditor.goto("/audit");
  await auditor.getByRole("link", { name: "配置变更记录" }).click();
  await auditor.getByLabel("类型").selectOption("calendar");
  await auditor.getByRole("button", { name: "筛选" }).click();
  await expect(auditor).toHaveURL(/kind=calendar/);
  const change = auditor.getByTestId("config-changes").getByRole("row").filter({ hasText: `日期: ${WEDNESDAY}` }).first();
  await expect(change).toContainText("添加日期");
  await expect(change).toContainText("郑管理");
  await expect(change).toContainText("名称: 测试假日");
  await expect(change).toContainText(/\d+ 项在办案件的到期日已调整/);
  const [download] = await Promise.all([auditor.waitForEvent("download"), auditor.getByRole("link", { name: "导出 CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^config-changes-\d{4}-\d{2}-\d{2}\.csv$/);
  await captureScreens(auditor, "audit-config");

  // The same pages in English.
  for (const page of [admin, auditor]) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    await page.reload();
  }
  await expect(admin.getByRole("heading", { level: 1, name: "Working calendar" })).toBeVisible();
  await expect(admin.getByTestId("calendar-moved-count")).toContainText(/due date/);
  await captureScreens(admin, "admin-calendar-en");
  await expect(auditor.getByRole("heading", { level: 1, name: "Configuration changes" })).toBeVisible();
  await captureScreens(auditor, "audit-config-en");

  // A reviewer has no calendar page and no configuration audit view.
  for (const path of ["/admin/calendar", "/audit/config"]) {
    const response = await centre.goto(path);
    expect(response?.status()).toBe(404);
  }
  await queryE2e(`DELETE FROM "Holiday" WHERE day = $1`, [WEDNESDAY]);
});
