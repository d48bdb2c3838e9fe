import type { Page } from "@playwright/test";
import { makeCreditCode } from "../support/ids";
import { signInViaApi } from "./support/auth";
import { expect, test } from "./support/test";
import { runStatisticsJob } from "./support/statistics";

// The centre's approver imports the years before the portal: a file with a bad line is refused
// with its per-line report and changes nothing; the fixed file goes in whole, and the statistics
// page moves by exactly the file's figures (as of a day in 2024, which only this file touches).

const HEADER = "credit_code,enterprise_name,enterprise_founded_on,representative,submitted_on,kind,disbursed_on,amount_yuan,term_months,annual_rate_percent,subsidy_paid,union_founded_on,union_name,union_members";
const AS_OF = "2024-06-30";
const FIGURES = ["applications", "renewals", "enterprisesFunded", "lent", "enterprisesSubsidised", "subsidy", "unionsFounded", "newMembers"] as const;

async function figures(page: Page): Promise<Record<(typeof FIGURES)[number], number>> {
  await runStatisticsJob();
  await page.goto(`/center/stats?asOf=${AS_OF}`);
  const out = {} as Record<(typeof FIGURES)[number], number>;
  for (const key of FIGURES) {
    const text = await page.getByTestId("stats-headline").locator(`tr[data-figure="${key}"] td > span`).first().innerText();
    out[key] = Number(text.replace(/[^\d.]/g, ""));
  }
  return out;
}

test("the centre imports a historical file: a bad line is reported and nothing stored; the good file moves the statistics by exactly its figures", async ({ browser }) => {
  const context = await browser.newContext();
  await signInViaApi(context, "approver@center.demo");
  const page = await context.newPage();
  const before = await figures(page);

  await page.goto("/center");
  await page.getByRole("link", { name: "历史数据导入" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("历史数据导入");

  const [a, b] = [makeCreditCode(), makeCreditCode()];
  const good = [
    `${a},北京某历史测试科技有限公司,2016-03-01,赵某,2024-01-08,NEW,2024-02-01,300000,12,3.45,2024-03-28=500.00;2024-06-28=2600.00,2024-01-05,北京某历史测试科技有限公司工会,15`,
    `${a},北京某历史测试科技有限公司,2016-03-01,赵某,2024-05-06,RENEWAL,,,,,,,,`,
    `${b},北京某历史测试商贸有限公司,2018-07-01,钱某,2024-03-01,NEW,,,,,,,,`,
  ];
  const upload = async (name: string, rows: string[]) => {
    await page.locator("#history-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`) });
    await page.getByRole("button", { name: "导入", exact: true }).click();
  };

  // A negative number of founding members on line 2: refused, with the report.
  await upload("历史数据-有误.csv", [good[0]!.replace(/,15$/, ",-15"), good[1]!, good[2]!]);
  await expect(page.getByText("文件未导入：共 1 处问题")).toBeVisible();
  const report = page.getByTestId("history-problems");
  await expect(report.getByRole("row").nth(1)).toContainText("2");
  await expect(report).toContainText("建会会员人数应为 1 至 100000 之间的整数（不能为负数）");
  await expect(page.getByTestId("history-imports")).not.toContainText("历史数据-有误.csv");
  expect(await figures(page)).toEqual(before);

  await page.goto("/center/history");
  await upload("历史数据.csv", good);
  await expect(page.getByText("已导入：申请 3 份，贷款 1 笔（¥300,000.00），贴息发放 2 笔（¥3,100.00），新建工会 1 家（会员 15 人）")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("history-imports")).toContainText("历史数据.csv");

  const after = await figures(page);
  expect(after.applications - before.applications).toBe(3);
  expect(after.renewals - before.renewals).toBe(1);
  expect(after.enterprisesFunded - before.enterprisesFunded).toBe(1);
  expect(after.lent - before.lent).toBeCloseTo(30, 2); // 万元
  expect(after.enterprisesSubsidised - before.enterprisesSubsidised).toBe(1);
  expect(after.subsidy - before.subsidy).toBeCloseTo(3_100, 2);
  expect(after.unionsFounded - before.unionsFounded).toBe(1);
  expect(after.newMembers - before.newMembers).toBe(15);

  // The template (the columns and sample lines) is the importer's; a reviewer finds nothing there.
  const template = await context.request.get("/api/history/template");
  expect(template.status()).toBe(200);
  expect(template.headers()["content-type"]).toContain("text/csv");
  expect((await template.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(HEADER);
  const reviewer = await browser.newContext();
  await signInViaApi(reviewer, "reviewer@center.demo");
  expect((await reviewer.request.get("/api/history/template")).status()).toBe(404);
  const reviewerPage = await reviewer.newPage();
  expect((await reviewerPage.goto("/center/history"))!.status()).toBe(404);
  await reviewer.close();

  // The same file again adds nothing.
  await page.goto("/center/history");
  await upload("历史数据.csv", good);
  await expect(page.getByText("该文件已导入过，未重复导入")).toBeVisible();
  expect(await figures(page)).toEqual(after);
  await context.close();
});
