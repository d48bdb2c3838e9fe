import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { expect, test } from "./support/test";
import { makeCreditCode } from "../support/ids";
import { runBackgroundJobs } from "./support/jobs";

const HEADER = "合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期";

// A district union records a member's good standing in the portal (the subsidy's condition); an
// overlapping period is refused with the reason; the centre sees the record.
test("the district union records union standing; an overlap is refused; the centre sees it", async ({ browser }) => {
  const agentContext = await browser.newContext();
  await signInViaApi(agentContext, "agent@district.demo");
  const agent = await agentContext.newPage();
  await agent.goto("/agent");
  await agent.getByRole("link", { name: "工会会籍登记" }).click();
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("工会会籍登记");

  const record = async (from: string) => {
    await agent.getByLabel("企业统一社会信用代码").fill("92110105MA02EFGH2C");
    await agent.getByLabel("工会名称").fill("朝阳区小微企业联合工会");
    await agent.getByLabel("会员证号").fill("GH-0105-2021-1188");
    await agent.getByLabel("会籍有效期起").fill(from);
    await agent.getByRole("button", { name: "登记", exact: true }).click();
  };
  await record("2022-01-01");
  await expect(agent.getByText("已登记会籍信息")).toBeVisible();
  const row = agent.getByTestId("union-standings").getByRole("row").filter({ hasText: "北京某文化创意工作室" });
  await expect(row).toContainText("2022-01-01 — 长期有效");
  await expect(row).toContainText("有效");

  await record("2023-05-01");
  await expect(agent.getByText(/与已登记的会籍期间（2022-01-01 至 长期）重叠/)).toBeVisible();
  await expect(agent.getByLabel("企业统一社会信用代码")).toHaveValue("92110105MA02EFGH2C");
  await agentContext.close();

  const centreContext = await browser.newContext();
  await signInViaApi(centreContext, "reviewer@center.demo");
  const centre = await centreContext.newPage();
  await centre.goto("/center");
  await centre.getByRole("link", { name: "工会会籍登记" }).click();
  await expect(centre.getByTestId("union-standings")).toContainText("北京某文化创意工作室");
  await expect(centre.getByTestId("union-standings")).toContainText("吴代办");
  // Before the quarter's batch: the loans lacking standing, for how long, and whom to ask.
  await expect(centre.getByRole("heading", { name: /缺少会籍记录的贷款/ })).toBeVisible();
  await centre.getByLabel("季度").fill("2021Q2");
  await centre.getByRole("button", { name: "查看" }).click();
  await expect(centre).toHaveURL(/quarter=2021Q2/);
  await expect(centre.getByRole("heading", { name: "2021Q2 缺少会籍记录的贷款" })).toBeVisible();
  await expect(centre.getByTestId("standing-gaps")).toBeVisible();
  await centreContext.close();
});

test("the district union imports a roster: a bad line is refused with the report, the fixed file goes in whole", async ({ browser }) => {
  const context = await browser.newContext();
  await signInViaApi(context, "agent@district.demo");
  const page = await context.newPage();
  await page.goto("/agent/union-standing");
  const upload = async (rows: string[]) => {
    const body = ["统一社会信用代码,工会名称,会员证号,会籍有效期起,会籍有效期止", ...rows].join("\n");
    await page.locator("#roster-file").setInputFiles({ name: "名册.csv", mimeType: "text/csv", buffer: Buffer.from(body) });
    await page.getByRole("button", { name: "导入", exact: true }).click();
  };
  const good = ["91110108MA03JKLM37,某餐饮企业工会,GH-0108-001,2020-01-01,", "91110105MA04NPQR48,某便民服务企业工会,GH-0105-002,2021-01-01,2025-12-31"];
  await upload([good[0]!, "91110105MA04NPQR48,某便民服务企业工会,GH-0105-002,2021-01-01,2020-12-31"]);
  await expect(page.getByText("名册未导入：发现 1 处问题")).toBeVisible();
  await expect(page.getByTestId("roster-problems")).toContainText("会籍有效期止不能早于起始日期");
  await expect(page.getByTestId("union-standings")).not.toContainText("北京某餐饮管理有限公司");

  await upload(good);
  await expect(page.getByText("已导入 2 条会籍记录")).toBeVisible();
  await expect(page.getByTestId("union-standings")).toContainText("北京某餐饮管理有限公司");
  await expect(page.getByTestId("union-standings")).toContainText("北京某社区便民服务有限公司");
  await context.close();
});

test("a loan without union standing is listed for the quarter; the district union's roster covers it; the bank's statement then earns its subsidy", async ({ browser }) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const contractNo = `NCD-U-${stamp}`;
  const creditCode = makeCreditCode();
  const applicant = await createApplicant();
  const [policy] = await queryE2e<{ id: string }>(`SELECT id FROM "PolicyVersion" ORDER BY version LIMIT 1`);
  const [bank] = await queryE2e<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'BJRCB'`);
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '北京市朝阳区测试路 8 号', '餐饮服务', '2019-01-01', 8, 300000000, true, 8, now()) RETURNING id`,
    [applicant.userId, `北京会籍测试餐饮有限公司${stamp}`, creditCode, applicant.displayName],
  );
  const [app] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, status, "applicantId", "enterpriseId", "bankOrgId", "policyVersionId", "amountFen", "termMonths", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'ACTIVE', $2, $3, $4, $5, 40000000, 12, now()) RETURNING id`,
    [`SQ-U-${stamp}`, applicant.userId, enterprise!.id, bank!.id, policy!.id],
  );
  await queryE2e(
    `INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "annualRateMicros", "lprReference", "termMonths",
       "repaymentMethod", status, "signedAt", "disbursedOn", "disbursedFen", "maturityOn")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 40000000, 30000, '一年期 LPR 3.00%', 12, 'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'ACTIVE', now(),
       '2025-03-22', 40000000, '2026-03-22')`,
    [app!.id, enterprise!.id, bank!.id, contractNo],
  );

  // The centre, before the 2025Q2 batch: the loan lacks standing.
  const centreContext = await browser.newContext();
  await signInViaApi(centreContext, "reviewer@center.demo");
  const centre = await centreContext.newPage();
  await centre.goto("/center/union-standing?quarter=2025Q2");
  await expect(centre.getByTestId("standing-gaps")).toContainText(contractNo);

  // The district union imports its roster: a line before the firm's founding is refused, nothing stored; the fixed file goes in.
  const agentContext = await browser.newContext();
  await signInViaApi(agentContext, "agent@district.demo");
  const agent = await agentContext.newPage();
  await agent.goto("/agent/union-standing");
  const upload = async (from: string) => {
    const body = `统一社会信用代码,工会名称,会员证号,会籍有效期起,会籍有效期止\n${creditCode},会籍测试餐饮企业工会,GH-U-${stamp},${from},\n`;
    await agent.locator("#roster-file").setInputFiles({ name: "名册.csv", mimeType: "text/csv", buffer: Buffer.from(body) });
    await agent.getByRole("button", { name: "导入", exact: true }).click();
  };
  await upload("2018-06-01");
  await expect(agent.getByText("名册未导入：发现 1 处问题")).toBeVisible();
  expect(await queryE2e(`SELECT 1 FROM "UnionStanding" WHERE "enterpriseId" = $1`, [enterprise!.id])).toHaveLength(0);
  await upload("2025-01-01");
  await expect(agent.getByText("已导入 1 条会籍记录")).toBeVisible();
  await agentContext.close();

  await centre.reload();
  await expect(centre.getByTestId("union-standings")).toContainText(`北京会籍测试餐饮有限公司${stamp}`);
  await expect(centre.getByRole("heading", { name: "2025Q2 缺少会籍记录的贷款" })).toBeVisible();
  await expect(centre.locator("main")).not.toContainText(contractNo);

  // The bank's statement for the quarter: ¥400,000 at 3.00 % for 91 days, ¥3,033.33 paid, all of it subsidised.
  const bankContext = await browser.newContext();
  await signInViaApi(bankContext, "officer@bank.demo");
  const bankPage = await bankContext.newPage();
  await bankPage.goto("/bank/statements");
  const csv = `${HEADER}\n${contractNo},2025-03-22,2025-06-20,400000.00,3.00%,3033.33,3033.33,2025-06-21,否,0,否\n`;
  await bankPage.locator("#statement-file").setInputFiles({ name: "2025Q2.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await bankPage.getByRole("button", { name: "上传并导入" }).click();
  await expect(bankPage.getByTestId("import-job").filter({ hasText: "2025Q2.csv" })).toBeVisible();
  runBackgroundJobs();
  await expect(bankPage.getByTestId("import-job").filter({ hasText: "2025Q2.csv" })).toHaveAttribute("data-status", "DONE", { timeout: 15_000 });
  await expect(bankPage.getByTestId("batch-table")).toContainText("2025");
  const [line] = await queryE2e<{ subsidyFen: string; excludedReason: string | null; batchId: string }>(
    `SELECT l."subsidyFen"::text AS "subsidyFen", l."excludedReason", l."batchId" FROM "StatementLine" l JOIN "Loan" o ON o.id = l."loanId" WHERE o."contractNo" = $1 AND l.current`,
    [contractNo],
  );
  expect(line).toMatchObject({ subsidyFen: "303333", excludedReason: null });
  await bankContext.close();

  await centre.goto(`/center/subsidies/${line!.batchId}`);
  const row = centre.getByTestId("lines-table").getByRole("row").filter({ hasText: contractNo });
  await expect(row).toContainText("¥3,033.33");
  await centreContext.close();
});
