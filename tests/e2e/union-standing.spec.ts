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
