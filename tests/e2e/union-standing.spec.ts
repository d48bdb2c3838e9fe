import { signInViaApi } from "./support/auth";
import { expect, test } from "./support/test";

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
