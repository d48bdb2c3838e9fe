import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test, type BrowserContext, type Page } from "./support/test";
import { bin, serverEnv, startServer, waitForHttp } from "./support/servers";
import { makeCreditCode, makeIdNumber, makeMobile } from "../support/ids";
import { createDatabase, dropDatabase } from "../../scripts/db/tools";
import { totpCode } from "@/lib/auth/two-factor";
import { profileColumns, userMobileColumns } from "@/lib/personal-data/sealed";

// A union installs the portal: `npm run setup` on an empty PostgreSQL, then everything else is
// done in the portal by its first administrator. Nothing of the demo exists on this server.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const BASE = `http://localhost:${PORT}`;
const PASSWORD = "Union2026staff";

/** Opens a one-time link, sets the password, signs in and enrols two-factor sign-in (production asks staff to). */
async function claimStaffAccount(context: BrowserContext, link: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(PASSWORD);
  await page.getByRole("textbox", { name: "确认密码", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page).toHaveURL(/\/login\?passwordSet=1/);
  await page.getByRole("textbox", { name: "手机号或电子邮箱", exact: true }).fill(email);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/account/two-factor");
  await page.getByRole("button", { name: "开始设置" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByRole("textbox", { name: "验证码", exact: true }).fill(totpCode(secret));
  await page.getByRole("button", { name: "启用两步验证" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "继续" }).click();
  return page;
}

async function createOrganisation(admin: Page, code: string, type: string, nameZh: string) {
  await admin.goto("/admin");
  await admin.getByText("新建机构").click();
  await admin.getByRole("textbox", { name: "机构代码", exact: true }).fill(code);
  await admin.getByLabel("机构类型").selectOption({ label: type });
  await admin.getByRole("textbox", { name: "中文名称", exact: true }).fill(nameZh);
  await admin.getByRole("textbox", { name: "英文名称", exact: true }).fill(`${code} office`);
  await admin.getByRole("button", { name: "创建机构" }).click();
  await expect(admin.getByText("机构已创建")).toBeVisible();
}

async function invite(admin: Page, email: string, name: string, organisation: string, role: string) {
  await admin.goto("/admin");
  await admin.getByText("邀请工作人员").click();
  await admin.getByLabel("电子邮箱").fill(email);
  await admin.getByLabel("姓名").fill(name);
  await admin.getByRole("combobox", { name: "机构", exact: true }).selectOption({ label: organisation });
  await admin.getByRole("combobox", { name: "角色", exact: true }).selectOption({ label: role });
  await admin.getByRole("button", { name: "发送邀请" }).click();
  await expect(admin.getByText("邀请已发出")).toBeVisible();
}

test("from an empty database: the first administrator sets up a district union, partners, routing and a bank officer; that district's case reaches that officer", async ({ browser }) => {
  test.setTimeout(300_000);
  const { name, url } = await createDatabase("ncd_e2e_firstrun");
  const sql = new pg.Client({ connectionString: url });
  try {
    const setup = spawnSync(bin("tsx"), ["--conditions=react-server", "scripts/setup.ts", "--admin-email", "admin@union.example", "--admin-name", "刘管理", "--public-url", BASE],
      { env: serverEnv({ DATABASE_URL: url }), encoding: "utf8" });
    expect(setup.status, setup.stderr).toBe(0);
    const adminLink = new RegExp(`${BASE}/set-password\\?token=[A-Za-z0-9_-]+`).exec(setup.stdout)![0];
    await sql.connect();
    const count = async (table: string) => Number((await sql.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n);
    // Nothing of the demo: one organisation (the centre), one account (the administrator), no cases.
    expect([await count("Organisation"), await count("User"), await count("LoanApplication")]).toEqual([1, 1, 0]);

    const server = startServer(PORT, serverEnv({ DATABASE_URL: url, AUTH_SECRET: randomBytes(48).toString("base64"), AUTH_TRUST_HOST: "true", NODE_ENV: "production" }));
    try {
      await waitForHttp(`${BASE}/login`);
      const admin = await claimStaffAccount(await browser.newContext({ baseURL: BASE }), adminLink, "admin@union.example");
      await expect(admin).toHaveURL("/admin");

      await createOrganisation(admin, "CYQZGH", "区总工会", "朝阳区总工会");
      await createOrganisation(admin, "BJDB", "担保公司", "北京测试担保有限公司");
      await createOrganisation(admin, "BANKA", "合作银行", "甲合作银行");
      await createOrganisation(admin, "BANKB", "合作银行", "乙合作银行");

      // The rules: one guarantee company for every case; the district's cases to the second bank.
      await admin.goto("/admin");
      await admin.getByRole("link", { name: "分配规则" }).click();
      const guarantors = admin.getByRole("region", { name: "担保公司" });
      await guarantors.getByLabel("统一分配给默认担保公司").check();
      await guarantors.getByLabel("默认合作机构").selectOption({ label: "北京测试担保有限公司" });
      await guarantors.getByRole("button", { name: "保存分配规则" }).click();
      await expect(admin.getByText("分配规则已保存")).toBeVisible();
      const banks = admin.getByRole("region", { name: "合作银行" });
      await banks.getByLabel("按受理区总工会分配，未列出的区用默认合作银行").check();
      await banks.getByRole("button", { name: "保存分配规则" }).click();
      await expect(banks.getByText("请选择默认合作机构")).toBeVisible();
      await banks.getByLabel("默认合作机构").selectOption({ label: "甲合作银行" });
      await banks.getByLabel("朝阳区总工会").selectOption({ label: "乙合作银行" });
      await banks.getByRole("button", { name: "保存分配规则" }).click();
      await expect(admin.getByText("分配规则已保存")).toBeVisible();
      await admin.reload();
      await expect(admin.getByRole("region", { name: "合作银行" }).getByLabel("朝阳区总工会")).toHaveValue(/[0-9a-f-]{36}/);
      await admin.screenshot({ path: "test-results/screens/admin-routing.png", fullPage: true });

      await invite(admin, "officer@bankb.example", "乙行经办", "乙合作银行（合作银行）", "银行经办人（合作银行）");
      await invite(admin, "officer@bjdb.example", "担保经办", "北京测试担保有限公司（担保公司）", "担保公司经办人（担保公司）");
      const linkTo = async (to: string) => /http:\/\/localhost:\d+\/set-password\?token=[A-Za-z0-9_-]+/.exec(
        (await sql.query(`SELECT body FROM "OutboxEmail" WHERE "to" = $1`, [to])).rows[0].body)![0];

      // The officer accepts, enrols two-factor sign-in and finds an empty queue.
      const officer = await claimStaffAccount(await browser.newContext({ baseURL: BASE }), await linkTo("officer@bankb.example"), "officer@bankb.example");
      await expect(officer).toHaveURL("/bank");
      await expect(officer.getByText("暂无案件")).toBeVisible();

      // A member's case, taken in by the district union, waits at the guarantee company.
      const ids = await sql.query(`SELECT (SELECT id FROM "Organisation" WHERE code = 'CYQZGH') AS district, (SELECT id FROM "Organisation" WHERE code = 'BJDB') AS guarantor,
        (SELECT id FROM "PolicyVersion" ORDER BY version DESC LIMIT 1) AS policy`);
      const { district, guarantor, policy } = ids.rows[0];
      const number = await caseAtGuarantor(sql, { district, guarantor, policy });

      const guarantorPage = await claimStaffAccount(await browser.newContext({ baseURL: BASE }), await linkTo("officer@bjdb.example"), "officer@bjdb.example");
      await expect(guarantorPage).toHaveURL("/guarantor");
      await guarantorPage.getByRole("link", { name: number }).click();
      const form = guarantorPage.locator('[data-action="issueGuarantee"]');
      if (await form.evaluate((el) => el.tagName === "DETAILS")) await form.locator("summary").click();
      await expect(form.getByTestId("guarantee-routed")).toContainText("按分配规则：乙合作银行");
      await form.getByLabel("担保合同编号").fill(`DB-FIRST-${Date.now().toString(36)}`);
      await form.getByLabel("审查意见").fill("同意担保");
      await form.getByRole("button", { name: "同意担保，出具担保函" }).click();
      await expect(guarantorPage.getByText("已出具担保，案件转至银行")).toBeVisible();
      expect((await sql.query(`SELECT b.code FROM "LoanApplication" a JOIN "Organisation" b ON b.id = a."bankOrgId" WHERE a.number = $1`, [number])).rows[0]?.code).toBe("BANKB");

      await officer.reload();
      await expect(officer.getByTestId("application-table")).toContainText(number);
      await officer.screenshot({ path: "test-results/screens/first-setup-bank-queue.png", fullPage: true });
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  } finally {
    await sql.end().catch(() => {});
    await dropDatabase(name);
  }
});

/** The rows a district-union case has once the centre has recommended it (made directly: not what this test is about). */
async function caseAtGuarantor(sql: pg.Client, o: { district: string; guarantor: string; policy: string }): Promise<string> {
  const mobile = makeMobile();
  const mobileCols = userMobileColumns(mobile);
  const profile = profileColumns({ idNumber: makeIdNumber(), mobile });
  const user = (await sql.query(`INSERT INTO "User" (id, "displayName", "mobileSealed", "mobileIndex", "passwordHash") VALUES (gen_random_uuid(), '赵会员', $1, $2, 'unknown') RETURNING id`,
    [mobileCols.mobileSealed, mobileCols.mobileIndex])).rows[0].id;
  await sql.query(`INSERT INTO "ApplicantProfile" (id, "userId", "fullName", "idNumberSealed", "idNumberIndex", "mobileSealed", "unionName", "memberCardNo", "updatedAt")
    VALUES (gen_random_uuid(), $1, '赵会员', $2, $3, $4, '朝阳区总工会', 'GH-FIRST-1', now())`, [user, profile.idNumberSealed, profile.idNumberIndex, profile.mobileSealed]);
  await sql.query(`INSERT INTO "Consent" (id, "userId", kind, "wordingVersion") VALUES (gen_random_uuid(), $1, 'SENSITIVE_PERSONAL_INFO', 'PI-2024-1'), (gen_random_uuid(), $1, 'CREDIT_REPORT_AUTHORISATION', 'CR-2024-1')`, [user]);
  const enterprise = (await sql.query(`INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
    VALUES (gen_random_uuid(), $1, '北京朝阳测试餐饮有限公司', $2, '赵会员', '北京市朝阳区测试路 1 号', '餐饮服务', '2021-03-01', 8, 200000000, true, 6, now()) RETURNING id`, [user, makeCreditCode()])).rows[0].id;
  const number = `SQ-FIRST-${Date.now().toString(36).toUpperCase()}`;
  await sql.query(`INSERT INTO "LoanApplication" (id, number, "applicantId", "enterpriseId", "categoryCode", "amountFen", "termMonths", purpose, "repaymentSource", "draftStep", status, version,
      "intakeOrgId", "intakeChannel", "guarantorOrgId", "policyVersionId", "submittedAt", "stageEnteredAt", "stageDueAt", "updatedAt")
    VALUES (gen_random_uuid(), $1, $2, $3, 'SMALL_MICRO', 30000000, 24, '门店装修', '餐饮经营收入', 3, 'GUARANTOR_REVIEW', 3, $4, 'DISTRICT_UNION', $5, $6, now(), now(), now() + interval '7 days', now())`,
    [number, user, enterprise, o.district, o.guarantor, o.policy]);
  return number;
}
