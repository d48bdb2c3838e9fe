import { expect, test, type Browser, type Page } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";
import { profileColumns } from "@/lib/personal-data/sealed";

// 一企一策 with effect: a reviewer asks for a higher cap on one case, the approver approves it on
// the list page, and that case (only that one) goes through the review above the policy's cap.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
let raised = "";
let other = "";
let applicant: Awaited<ReturnType<typeof createApplicant>>;

async function as(browser: Browser, identifier: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  await signInViaApi(context, identifier, password);
  return context.newPage();
}

const statusOf = async (id: string) => (await queryE2e<{ status: string }>(`SELECT status FROM "LoanApplication" WHERE id = $1`, [id]))[0]!.status;

/** A case of ¥500,000 (the policy's cap) in the centre's review, pinned to the policy in force, with every document. */
async function caseAtCentre(userId: string, n: number): Promise<string> {
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees,
       "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, '孙测试', '北京市丰台区测试路 3 号', '物流服务', '2019-03-01', 30, 900000000, true, 25, now())
     RETURNING id`,
    [userId, `北京一企一策测试有限公司${stamp}${n}`, makeCreditCode()],
  );
  const [app] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, "applicantId", "enterpriseId", "categoryCode", "amountFen", "termMonths", purpose, "repaymentSource",
       "draftStep", status, version, "policyVersionId", "submittedAt", "stageEnteredAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'SMALL_MICRO', 50000000, 12, '购置冷链运输车辆', '物流服务收入', 4, 'CENTER_REVIEW', 1,
       (SELECT id FROM "PolicyVersion" WHERE "effectiveFrom" <= now() ORDER BY "effectiveFrom" DESC LIMIT 1), now(), now(), now()) RETURNING id`,
    [`SQ-EXC-${stamp}-${n}`, userId, enterprise!.id],
  );
  for (const kind of ["BUSINESS_LICENCE", "ID_CARD_FRONT", "ID_CARD_BACK", "UNION_PROOF", "FINANCIAL_STATEMENTS", "BANK_STATEMENTS", "CREDIT_AUTHORISATION", "LOAN_USE_PLAN"]) {
    await queryE2e(
      `INSERT INTO "Document" (id, "applicationId", kind, version, "storageKey", "fileName", "mimeType", "sizeBytes", sha256, "uploadedById")
       VALUES (gen_random_uuid(), $1, $2, 1, $3, $4, 'application/pdf', 100, $5, $6)`,
      [app!.id, kind, `e2e/${app!.id}/${kind}`, `${kind}.pdf`, "0".repeat(64), userId],
    );
  }
  return app!.id;
}

test.beforeAll(async () => {
  applicant = await createApplicant();
  await queryE2e(
    `INSERT INTO "ApplicantProfile" (id, "userId", "fullName", "idNumberSealed", "idNumberIndex", "mobileSealed", "unionName", "memberCardNo", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, '丰台区总工会', $6, now())`,
    [applicant.userId, applicant.displayName, ...Object.values(profileColumns(applicant)), `GH-${stamp}`],
  );
  await queryE2e(
    `INSERT INTO "Consent" (id, "userId", kind, "wordingVersion") VALUES
       (gen_random_uuid(), $1, 'SENSITIVE_PERSONAL_INFO', 'PI-2024-1'), (gen_random_uuid(), $1, 'CREDIT_REPORT_AUTHORISATION', 'CR-2024-1')`,
    [applicant.userId],
  );
  raised = await caseAtCentre(applicant.userId, 1);
  other = await caseAtCentre(applicant.userId, 2);
});

test("a reviewer asks for a higher cap; beyond the ceiling is refused, and the reviewer cannot approve it", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  await reviewer.goto(`/center/cases/${raised}`);
  await reviewer.locator('[data-action="requestException"] summary').click();
  await reviewer.locator("#exception-type").selectOption("HIGHER_CAP");
  await reviewer.locator("#exception-valueYuan").fill("1000000.01");
  await reviewer.locator("#exception-reason").fill("冷链订单增长，需一次购置两辆车");
  await reviewer.locator("#exception-expiresOn").fill("2099-12-31");
  await reviewer.getByRole("button", { name: "提交申请，等待审批" }).click();
  await expect(reviewer.locator("#exception-valueYuan-error")).toContainText("超过了政策允许任何例外达到的上限（¥1,000,000.00）");
  expect((await queryE2e(`SELECT id FROM "PolicyException" WHERE "applicationId" = $1`, [raised])).length).toBe(0);

  await reviewer.locator("#exception-valueYuan").fill("800000");
  await reviewer.getByRole("button", { name: "提交申请，等待审批" }).click();
  await expect(reviewer.getByTestId("exception").filter({ hasText: "提高贷款额度" })).toContainText("待审批");
  await expect(reviewer.getByTestId("exception").getByRole("button", { name: "批准" })).toHaveCount(0);
  await expect(reviewer.getByTestId("case-exceptions")).toContainText("等待另一位审批人审批");
  await captureScreens(reviewer, "exception-requested");
});

test("the approver approves it on the list page; the case shows what it changed", async ({ browser }) => {
  const approver = await as(browser, "approver@center.demo");
  await approver.goto("/center/exceptions?state=PENDING&type=HIGHER_CAP");
  const item = approver.getByTestId("exception").filter({ hasText: `SQ-EXC-${stamp}-1` });
  await expect(item).toContainText("¥800,000.00");
  await captureScreens(approver, "exceptions-list");
  await item.getByLabel("审批意见").fill("订单真实，同意一企一策提高额度");
  await item.getByRole("button", { name: "批准" }).click();
  await expect.poll(async () => (await queryE2e<{ status: string }>(`SELECT status FROM "PolicyException" WHERE "applicationId" = $1`, [raised]))[0]?.status).toBe("APPROVED");
  await approver.goto(`/center/cases/${raised}`);
  await expect(approver.getByTestId("exception-effect")).toContainText("贷款额度上限由 ¥500,000.00 提高至 ¥800,000.00（仅限本案）");
  await captureScreens(approver, "exception-in-force");
});

test("that case goes through the review at ¥800,000; the other case of the same size stays under the policy's cap", async ({ browser }) => {
  const reviewer = await as(browser, "reviewer@center.demo");
  for (const id of [raised, other]) {
    await reviewer.goto(`/center/cases/${id}`);
    await reviewer.locator('[data-action="return"] summary').click();
    await reviewer.locator("#return-missingItems").fill("请按一企一策调整申请金额");
    await reviewer.locator("#return-comment").fill("请调整申请金额后重新提交");
    await reviewer.getByRole("button", { name: "确认退回，通知申请人补充" }).click();
    await expect.poll(() => statusOf(id)).toBe("RETURNED");
  }

  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/applications/${other}?step=loan`);
  await page.locator("#amountYuan").fill("800000");
  await page.getByRole("button", { name: "保存并下一步" }).click();
  await expect(page.locator("#amountYuan-error")).toContainText("¥500,000.00");
  expect((await queryE2e<{ amountFen: string }>(`SELECT "amountFen"::text AS "amountFen" FROM "LoanApplication" WHERE id = $1`, [other]))[0]!.amountFen).toBe("50000000");

  await page.goto(`/applicant/applications/${raised}?step=loan`);
  await expect(page.getByText("¥800,000.00").first()).toBeVisible();
  await page.locator("#amountYuan").fill("800000");
  await page.getByRole("button", { name: "保存并下一步" }).click();
  await expect.poll(async () => (await queryE2e<{ amountFen: string }>(`SELECT "amountFen"::text AS "amountFen" FROM "LoanApplication" WHERE id = $1`, [raised]))[0]!.amountFen).toBe("80000000");
  await page.goto(`/applicant/applications/${raised}?step=review`);
  await expect(page.getByTestId("eligibility-blocks")).toHaveCount(0);
  await page.getByRole("button", { name: "补充完毕，重新提交" }).click();
  await expect.poll(() => statusOf(raised)).toBe("CENTER_REVIEW");

  await reviewer.goto(`/center/cases/${raised}`);
  await reviewer.getByLabel("已核验申请人工会会员身份").check();
  await reviewer.getByLabel("已核对材料齐全、真实有效").check();
  await reviewer.locator("#recommend-comment").fill("一企一策已批准，同意推荐");
  await reviewer.getByRole("button", { name: "提交推荐意见" }).click();
  await expect(reviewer.getByText("等待另一位审批人复核")).toBeVisible();
  const approver = await as(browser, "approver@center.demo");
  await approver.goto(`/center/cases/${raised}`);
  await approver.locator("#confirm-comment").fill("复核同意");
  await approver.getByRole("button", { name: "复核同意，推荐至担保公司" }).click();
  await expect.poll(() => statusOf(raised)).toBe("GUARANTOR_REVIEW");

  const guarantor = await as(browser, "officer@guarantor.demo");
  await guarantor.goto(`/guarantor/cases/${raised}`);
  await expect(guarantor.locator("#guarantee-guaranteedYuan")).toHaveValue("800000.00");
  await guarantor.locator("#guarantee-contractNo").fill(`DB-EXC-${stamp}`);
  await guarantor.locator("#guarantee-comment").fill("同意提供全额担保");
  await guarantor.getByRole("button", { name: "同意担保，出具担保函" }).click();
  await expect.poll(() => statusOf(raised)).toBe("BANK_REVIEW");
  const [guarantee] = await queryE2e<{ fen: string }>(`SELECT "guaranteedFen"::text AS fen FROM "Guarantee" WHERE "applicationId" = $1`, [raised]);
  expect(guarantee!.fen).toBe("80000000");
});

test("a third firm's draft shows the per-person cap from the first step", async ({ browser }) => {
  // The person now holds ¥800,000 (in review) and ¥500,000 (returned): ¥300,000 more is above ¥1,500,000.
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees,
       "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, '孙测试', '北京市丰台区测试路 5 号', '仓储服务', '2021-03-01', 8, 200000000, true, 6, now()) RETURNING id`,
    [applicant.userId, `北京一企一策第三家公司${stamp}`, makeCreditCode()],
  );
  const [draft] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, "applicantId", "enterpriseId", "categoryCode", "amountFen", "termMonths", purpose, "repaymentSource", "draftStep", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'SMALL_MICRO', 30000000, 12, '仓库改造', '仓储收入', 1, now()) RETURNING id`,
    [`SQ-EXC-${stamp}-3`, applicant.userId, enterprise!.id],
  );
  const page = await as(browser, applicant.mobile, applicant.password);
  await page.goto(`/applicant/applications/${draft!.id}?step=enterprise`);
  await expect(page.getByTestId("eligibility-blocks")).toContainText("超过每人最高 ¥1,500,000.00");
});

test("the list page in English", async ({ browser }) => {
  const context = await browser.newContext();
  await signInViaApi(context, "approver@center.demo");
  const page = await context.newPage();
  await page.goto("/center/exceptions?type=HIGHER_CAP");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.getByTestId("exception").filter({ hasText: `SQ-EXC-${stamp}-1` })).toContainText("Approved");
  await captureScreens(page, "exceptions-list-en");
});
