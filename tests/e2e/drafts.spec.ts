import { test, expect, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { e2eDatabase } from "./support/database";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { createPrismaClient } from "@/lib/db/client";
import { profileColumns } from "@/lib/personal-data/sealed";
import { DocumentKind } from "@/lib/generated/prisma/enums";
import { makeCreditCode, makeIdNumber } from "../support/ids";

// Drafts lose nothing: the applicant types a credit code with a wrong check character and half
// the loan request, reloads, and finds every character where it was, with the hints; fixing the
// fields lets them submit.
test.describe.configure({ mode: "serial" });

let me: { mobile: string; password: string; userId: string };
let enterpriseId = "";
let applicationId = "";
const goodCode = makeCreditCode();
const badCode = goodCode.slice(0, 17) + (goodCode.endsWith("0") ? "1" : "0");

test.beforeAll(async () => {
  me = await createApplicant();
  const { prisma } = createPrismaClient({ url: e2eDatabase().url });
  try {
    await prisma.applicantProfile.create({
      data: { userId: me.userId, fullName: "王草稿", ...profileColumns({ idNumber: makeIdNumber(), mobile: me.mobile }), unionName: "测试工会", memberCardNo: `GH-${Date.now()}` },
    });
    await prisma.consent.createMany({ data: [
      { userId: me.userId, kind: "SENSITIVE_PERSONAL_INFO", wordingVersion: "PI-2024-1" },
      { userId: me.userId, kind: "CREDIT_REPORT_AUTHORISATION", wordingVersion: "CR-2024-1" },
    ] });
    const enterprise = await prisma.enterprise.create({
      data: { representativeId: me.userId, name: `草稿测试企业${Date.now().toString(36)}`, creditCode: makeCreditCode(), legalRepName: "王草稿",
        address: "北京市东城区测试路 9 号", industry: "软件", foundedOn: new Date("2021-03-01T00:00:00Z"), employees: 8, annualRevenueFen: 120_000_000n, hasUnion: true, unionMemberCount: 8 },
    });
    enterpriseId = enterprise.id;
    const app = await prisma.loanApplication.create({ data: { number: `CG-${Date.now().toString(36)}`, applicantId: me.userId, enterpriseId, draftStep: 1 } });
    applicationId = app.id;
    await prisma.document.createMany({
      // Every kind of document on file (more than a new case requires).
      data: Object.values(DocumentKind).map((kind) => ({ applicationId, kind, version: 1, storageKey: `e2e/${applicationId}/${kind}`, fileName: `${kind}.pdf`,
        mimeType: "application/pdf", sizeBytes: 100, sha256: "0".repeat(64), uploadedById: me.userId })),
    });
  } finally {
    await prisma.$disconnect();
  }
});

const saved = (page: Page) => expect(page.getByTestId("autosave-status")).toHaveText(/^已保存于 \d{2}:\d{2}$/, { timeout: 15_000 });

test("an invalid credit code and half a loan request survive a reload, with their hints", async ({ page, context }) => {
  await signInViaApi(context, me.mobile, me.password);
  await page.goto(`/applicant/enterprises/${enterpriseId}`);
  await page.getByLabel("统一社会信用代码").fill(badCode);
  await saved(page);
  await expect(page.getByText("统一社会信用代码校验位不正确")).toBeVisible();

  await page.goto(`/applicant/applications/${applicationId}?step=loan`);
  await page.getByLabel("贷款类别").selectOption("SMALL_MICRO");
  await page.getByLabel("申请金额（元）").fill("30万");
  await page.getByLabel("贷款用途").fill("采购服务器");
  await saved(page);
  await expect(page.getByTestId("draft-hints")).toBeVisible();

  // Reload: everything typed is still there, with the hints, and the time it was kept.
  await page.reload();
  await expect(page.getByLabel("贷款类别")).toHaveValue("SMALL_MICRO");
  await expect(page.getByLabel("申请金额（元）")).toHaveValue("30万");
  await expect(page.getByLabel("贷款用途")).toHaveValue("采购服务器");
  await expect(page.getByLabel("贷款期限（月）")).toHaveValue("");
  await expect(page.getByTestId("autosave-status")).toHaveText(/^已保存于 \d{2}:\d{2}$/);
  await expect(page.locator("#amountYuan-error")).toBeVisible();
  await expect(page.locator("#termMonths-error")).toBeVisible();
  await expect(page.getByLabel("申请金额（元）")).toHaveAttribute("aria-invalid", "true");
  await captureScreens(page, "draft-loan-step-after-reload");
  // The same draft in English: the hints and the saved time in the reader's language.
  await context.addCookies([{ name: LOCALE_COOKIE, value: "en", domain: "localhost", path: "/" }]);
  await page.reload();
  await expect(page.getByLabel("Amount requested (yuan)")).toHaveValue("30万");
  await expect(page.getByTestId("autosave-status")).toHaveText(/^Saved at \d{2}:\d{2}/);
  await expect(page.getByTestId("draft-hints")).toContainText("3 fields still need correcting");
  await captureScreens(page, "draft-loan-step-after-reload-en");
  await context.addCookies([{ name: LOCALE_COOKIE, value: "zh-CN", domain: "localhost", path: "/" }]);
  await page.goto(`/applicant/enterprises/${enterpriseId}`);
  await expect(page.getByLabel("统一社会信用代码")).toHaveValue(badCode);
  await expect(page.getByText("统一社会信用代码校验位不正确")).toBeVisible();
  await captureScreens(page, "draft-enterprise-after-reload");

  // The enterprise on record still has its valid code; the draft is sealed at rest.
  const [row] = await queryE2e<{ creditCode: string }>(`SELECT "creditCode" FROM "Enterprise" WHERE id = $1`, [enterpriseId]);
  expect(row!.creditCode).not.toBe(badCode);
  const drafts = await queryE2e<{ fieldsSealed: string }>(`SELECT "fieldsSealed" FROM "FormDraft" WHERE "userId" = $1`, [me.userId]);
  expect(drafts).toHaveLength(2);
  for (const d of drafts) expect(d.fieldsSealed).not.toContain(badCode);

  // The review step says what still needs fixing, and submission is not offered.
  await page.goto(`/applicant/applications/${applicationId}?step=review`);
  await expect(page.getByTestId("pending-drafts")).toContainText("企业信息");
  await expect(page.getByTestId("pending-drafts")).toContainText("贷款申请信息");
  await captureScreens(page, "draft-review-pending");
});

test("a save that cannot reach the server says so, keeps the input and retries", async ({ page, context }) => {
  await signInViaApi(context, me.mobile, me.password);
  await page.goto(`/applicant/applications/${applicationId}?step=loan`);
  await context.setOffline(true);
  await page.getByLabel("还款来源").fill("软件服务收入");
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-phase", "retrying", { timeout: 15_000 });
  await expect(page.getByTestId("autosave-status")).toContainText("网络异常");
  await expect(page.getByLabel("还款来源")).toHaveValue("软件服务收入");
  await context.setOffline(false);
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("还款来源")).toHaveValue("软件服务收入");
});

test("fixing the fields saves them for real, and the case can be submitted", async ({ page, context }) => {
  await signInViaApi(context, me.mobile, me.password);
  await page.goto(`/applicant/enterprises/${enterpriseId}`);
  await page.getByLabel("统一社会信用代码").fill(goodCode);
  await saved(page);
  await expect(page.getByText("统一社会信用代码校验位不正确")).toHaveCount(0);

  await page.goto(`/applicant/applications/${applicationId}?step=loan`);
  await page.getByLabel("申请金额（元）").fill("300000");
  await page.getByLabel("贷款期限（月）").fill("12");
  await page.getByLabel("贷款用途").fill("采购服务器和软件许可");
  await saved(page);
  await expect(page.getByTestId("draft-hints")).toHaveCount(0);
  expect(await queryE2e(`SELECT 1 FROM "FormDraft" WHERE "userId" = $1`, [me.userId])).toHaveLength(0);

  await page.goto(`/applicant/applications/${applicationId}?step=review`);
  await expect(page.getByTestId("pending-drafts")).toHaveCount(0);
  await page.getByRole("button", { name: "确认无误，提交申请" }).click();
  await expect(page.getByTestId("holder")).toBeVisible();
  const [app] = await queryE2e<{ status: string }>(`SELECT status FROM "LoanApplication" WHERE id = $1`, [applicationId]);
  expect(app!.status).toBe("CENTER_REVIEW");
  const [ent] = await queryE2e<{ creditCode: string }>(`SELECT "creditCode" FROM "Enterprise" WHERE id = $1`, [enterpriseId]);
  expect(ent!.creditCode).toBe(goodCode);
});
