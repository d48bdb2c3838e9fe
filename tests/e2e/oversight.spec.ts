import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { e2eDatabase } from "./support/database";
import { captureScreens } from "./support/screens";

// The centre oversees every stage: a case left at the bank past its deadline is flagged on the
// centre's oversight page; the job (run as the scheduler would, with time moved on) reminds the
// bank, then escalates to the bank's officers and the centre's approver, whose inboxes show it.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const number = `SQ-OV-${stamp}`;
const enterpriseName = `北京督办测试科技有限公司${stamp}`;
// Entered the bank's stage on Monday 8 September 2025, due at the end of Monday 15 September.
const ENTERED = "2025-09-08T10:00:00+08:00";
const DUE = "2025-09-15T23:59:59.999+08:00";
let applicationId = "";
let bankId = "";

/** Runs a scheduled job once against the e2e database, at the given time. */
function runJob(name: string, now: string): number {
  const out = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/run-job.ts", name, "--now", now], {
    env: { ...process.env, DATABASE_URL: e2eDatabase().url, NODE_ENV: "test", SCHEDULER: "off", ESCALATE_AFTER_WORKING_DAYS: "2" },
    encoding: "utf8",
  });
  return (JSON.parse(out.trim().split("\n").at(-1)!) as { count: number }).count;
}

async function as(browser: Browser, identifier: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier);
  return context.newPage();
}

const noticesFor = async (email: string) =>
  (await queryE2e<{ code: string }>(
    `SELECT n.code FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = $1 AND n."applicationId" = $2 ORDER BY n.code`,
    [email, applicationId],
  )).map((r) => r.code);

test.beforeAll(async () => {
  const applicant = await createApplicant();
  const [policy] = await queryE2e<{ id: string }>(`SELECT id FROM "PolicyVersion" ORDER BY version LIMIT 1`);
  const [bank] = await queryE2e<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'BJRCB'`);
  const [guarantor] = await queryE2e<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'SCDB'`);
  bankId = bank!.id;
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '北京市西城区测试街 6 号', '软件信息', '2021-03-01', 6, 120000000, true, 6, now()) RETURNING id`,
    [applicant.userId, enterpriseName, makeCreditCode(), applicant.displayName],
  );
  const [app] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, status, version, "applicantId", "enterpriseId", "bankOrgId", "guarantorOrgId", "policyVersionId", "amountFen", "termMonths",
       "submittedAt", "stageEnteredAt", "stageDueAt", "assigneeId", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'BANK_REVIEW', 5, $2, $3, $4, $5, $6, 30000000, 12, $7, $7, $8, (SELECT id FROM "User" WHERE email = 'officer@bank.demo'), now()) RETURNING id`,
    // The columns hold UTC without a zone (as Prisma writes them): pass the instants in UTC.
    [number, applicant.userId, enterprise!.id, bank!.id, guarantor!.id, policy!.id, new Date(ENTERED).toISOString(), new Date(DUE).toISOString()],
  );
  applicationId = app!.id;
});

test("the centre sees the case past its deadline flagged on the oversight page", async ({ browser }) => {
  const centre = await as(browser, "reviewer@center.demo");
  await centre.goto("/center");
  await centre.getByTestId("oversight-link").click();
  await expect(centre.getByRole("heading", { level: 1, name: "全流程督办" })).toBeVisible();
  await centre.getByLabel("环节").selectOption("BANK_REVIEW");
  await centre.getByLabel("承办机构").selectOption(bankId);
  await centre.getByLabel("只看超期").check();
  await centre.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(centre).toHaveURL(/late=1/);
  const row = centre.locator(`tr[data-number="${number}"]`);
  await expect(row).toHaveAttribute("data-late", "true");
  await expect(row).toContainText(enterpriseName);
  await expect(row).toContainText(/超期 \d+ 个工作日/);
  await expect(row).not.toContainText("已督办");
  await captureScreens(centre, "oversight-centre");
});

test("the reminder reaches the bank, the escalation the bank and the centre's approver, each once", async ({ browser }) => {
  // The day after the deadline: one working day late, the bank is reminded.
  expect(runJob("deadline-reminders", "2025-09-16T10:00:00+08:00")).toBeGreaterThanOrEqual(1);
  expect(await noticesFor("officer@bank.demo")).toEqual(["stageOverdue"]);
  expect(await noticesFor("approver@center.demo")).toEqual([]);
  // Two working days late: escalated.
  runJob("deadline-reminders", "2025-09-17T10:00:00+08:00");
  expect(await noticesFor("officer@bank.demo")).toEqual(["stageEscalated", "stageOverdue"]);
  expect(await noticesFor("approver@center.demo")).toEqual(["stageEscalated"]);
  // Again, and later: nothing twice.
  runJob("deadline-reminders", "2025-09-17T10:00:00+08:00");
  runJob("deadline-reminders", "2025-09-25T10:00:00+08:00");
  expect(await noticesFor("officer@bank.demo")).toEqual(["stageEscalated", "stageOverdue"]);
  expect(await noticesFor("approver@center.demo")).toEqual(["stageEscalated"]);
  expect(await noticesFor("officer@guarantor.demo")).toEqual([]);

  const bank = await as(browser, "officer@bank.demo");
  await bank.goto("/bank");
  await expect(bank.getByTestId("inbox-link")).toContainText(/未读/);
  await bank.getByTestId("inbox-link").click();
  await expect(bank.getByRole("heading", { level: 1, name: "消息与待办" })).toBeVisible();
  await expect(bank.getByTestId("assigned").getByRole("link", { name: number })).toBeVisible();
  const escalation = bank.locator('[data-testid="notification"][data-code="stageEscalated"]', { hasText: number });
  await expect(escalation).toHaveCount(1);
  await expect(escalation).toContainText("督办");
  await expect(escalation).toContainText("超期 2 个工作日");
  await expect(bank.locator('[data-testid="notification"][data-code="stageOverdue"]', { hasText: number })).toHaveCount(1);
  await captureScreens(bank, "inbox-bank");
  await escalation.getByRole("link", { name: "查看案件" }).click();
  await expect(bank).toHaveURL(new RegExp(`/bank/cases/${applicationId}$`));

  const approver = await as(browser, "approver@center.demo");
  await approver.goto("/center/inbox");
  const forApprover = approver.locator('[data-testid="notification"][data-code="stageEscalated"]', { hasText: number });
  await expect(forApprover).toHaveCount(1);
  await expect(forApprover).toContainText("银行审批");
  await captureScreens(approver, "inbox-approver");
  await approver.getByRole("button", { name: "全部标为已读" }).click();
  await expect(approver.getByTestId("inbox-unread")).toHaveText("未读 0 条");

  // The oversight page now says the reminder and the escalation went out.
  await approver.goto(`/center/oversight?stage=BANK_REVIEW&org=${bankId}&late=1`);
  const row = approver.locator(`tr[data-number="${number}"]`);
  await expect(row).toContainText("已提醒");
  await expect(row).toContainText("已督办");
  await captureScreens(approver, "oversight-escalated");
});

test("the applicant is reminded of the last repayment and of the loan's end, once, and renews from the reminder", async ({ browser }) => {
  const applicant = await createApplicant();
  const [policy] = await queryE2e<{ id: string }>(`SELECT id FROM "PolicyVersion" ORDER BY version LIMIT 1`);
  const [guarantor] = await queryE2e<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'SCDB'`);
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '北京市西城区测试街 9 号', '餐饮', '2019-05-01', 4, 90000000, true, 4, now()) RETURNING id`,
    [applicant.userId, `北京续贷提醒餐饮有限公司${stamp}`, makeCreditCode(), applicant.displayName],
  );
  const [app] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, status, version, "applicantId", "enterpriseId", "bankOrgId", "guarantorOrgId", "policyVersionId", "amountFen", "termMonths", "categoryCode", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'ACTIVE', 9, $2, $3, $4, $5, $6, 20000000, 12, (SELECT code FROM "LoanCategory" LIMIT 1), now()) RETURNING id`,
    [`SQ-RN-${stamp}`, applicant.userId, enterprise!.id, bankId, guarantor!.id, policy!.id],
  );
  const contract = `NCD-RN-${stamp}`;
  await queryE2e(
    `INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "annualRateMicros", "lprReference", "termMonths",
       "repaymentMethod", status, "signedAt", "disbursedOn", "disbursedFen", "maturityOn")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 20000000, 34500, 'LPR 3.45%', 12, 'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'ACTIVE', now(), '2024-01-10', 20000000, '2025-01-10')`,
    [app!.id, enterprise!.id, bankId, contract],
  );
  // Three days before the end: the last instalment and the end of the loan, each once.
  runJob("loan-reminders", "2025-01-07T09:00:00+08:00");
  runJob("loan-reminders", "2025-01-08T09:00:00+08:00");
  const codes = await queryE2e<{ code: string }>(`SELECT code FROM "Notification" WHERE "userId" = $1 ORDER BY code`, [applicant.userId]);
  expect(codes.map((c) => c.code)).toEqual(["loanMaturing", "repaymentDue"]);

  const context = await browser.newContext();
  await signInViaApi(context, applicant.mobile, applicant.password);
  const page = await context.newPage();
  await page.goto("/applicant");
  await expect(page.getByTestId("inbox-link")).toContainText("2");
  await page.getByTestId("inbox-link").click();
  const maturing = page.locator('[data-testid="notification"][data-code="loanMaturing"]');
  await expect(maturing).toContainText("贷款将于 2025-01-10 到期");
  await expect(maturing).toContainText(contract);
  await expect(page.locator('[data-testid="notification"][data-code="repaymentDue"]')).toContainText("第 12 期");
  await captureScreens(page, "inbox-applicant");

  // An English reader sees English.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();
  await expect(maturing).toContainText("Your loan ends on 2025-01-10");
  await maturing.getByRole("button", { name: "Apply to renew" }).click();
  await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}\?step=loan$/);
  const [renewal] = await queryE2e<{ kind: string }>(`SELECT kind::text FROM "LoanApplication" WHERE "applicantId" = $1 AND "previousLoanId" IS NOT NULL`, [applicant.userId]);
  expect(renewal?.kind).toBe("RENEWAL");
  await context.close();
});
