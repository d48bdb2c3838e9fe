import { mkdirSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { signInViaApi } from "./support/auth";
import { pdfText } from "./support/files";
import { captureScreens } from "./support/screens";
import { runStatisticsJob } from "./support/statistics";
import { expect, test, type Page } from "./support/test";

// The centre reads how the programme works: the charts render (SVG with a title, no client
// error), the XLSX export holds the page's numbers, a refused period is explained; the public
// programme page shows the live headline figures without signing in.

const collectErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
};

/** A table's body as text cells, row by row. */
const cells = (page: Page, testId: string) =>
  page.getByTestId(testId).locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").trim())));

const number = (text: string) => Number(text.replace(/[,¥%]/g, ""));

test("the centre sees the funnel, stage clocks and charts; the XLSX export has the same numbers", async ({ browser }) => {
  const context = await browser.newContext();
  await signInViaApi(context, "reviewer@center.demo");
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto("/center/stats");
  await expect(page.getByRole("heading", { name: "项目运行情况", level: 2 })).toBeVisible();

  // The whole programme so far, through the form.
  await page.getByLabel("期间起", { exact: true }).fill("2017-05-01");
  await page.getByRole("button", { name: "查看", exact: true }).last().click();
  await expect(page).toHaveURL(/from=2017-05-01/);
  await expect(page.getByTestId("insight-period")).toContainText("2017-05-01");

  for (const [id, title] of [["chart-funnel", "申请漏斗"], ["chart-clocks", "各环节办理时长（工作日）"], ["chart-years", "分年度放款金额（万元）"]] as const) {
    const chart = page.locator(`svg[data-chart="${id}"]`);
    await expect(chart).toBeVisible();
    await expect(chart.locator("title")).toHaveText(title);
    await expect(chart).toHaveAttribute("role", "img");
    expect(await chart.locator("rect").count()).toBeGreaterThan(2);
  }
  const funnel = await cells(page, "insight-funnel");
  expect(funnel.map((r) => r[0])).toEqual(["提交申请", "中心推荐", "担保通过", "银行批准", "已放款", "已贴息"]);
  const applied = number(funnel[0]![1]!);
  expect(applied).toBeGreaterThan(0);
  // The demo's consulting company: three loans, all subsidised.
  expect(number(funnel[4]![1]!)).toBeGreaterThanOrEqual(3);
  expect(number(funnel[5]![1]!)).toBeGreaterThanOrEqual(1);
  const clocks = await cells(page, "insight-clocks");
  expect(clocks.length).toBeGreaterThan(0);

  // The export of the same period, read back.
  const href = await page.getByTestId("insight-xlsx").getAttribute("href");
  expect(href).toContain("from=2017-05-01");
  const response = await context.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("spreadsheetml");
  expect(response.headers()["content-disposition"]).toContain("attachment");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ExcelJS.Buffer);
  const sheet = (name: string) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((row, i) => { if (i > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1)); });
    return rows;
  };
  expect(sheet("申请漏斗").map((r) => [r[0], r[1]])).toEqual(funnel.map((r) => [r[0], number(r[1]!)]));
  // The page shows the late share as a percentage with one decimal; the workbook keeps the fraction.
  expect(sheet("环节时长").map((r) => [r[0], r[1], r[2], r[4], r[5], r[6], Math.round(Number(r[7]) * 1000) / 10]))
    .toEqual(clocks.map((r) => [r[0], r[1], number(r[2]!), number(r[4]!), number(r[5]!), number(r[6]!), number(r[7]!)]));
  const loans = await cells(page, "insight-loans");
  expect(sheet("贷款状态").map((r) => [r[0], r[1], r[2]])).toEqual(loans.map((r) => [r[0], number(r[1]!), number(r[2]!)]));
  const dropOuts = await cells(page, "insight-dropouts");
  expect(sheet("未走完原因").map((r) => [r[0], r[1]])).toEqual(dropOuts.map((r) => [r[0], number(r[1]!)]));

  // The annual report of the same period: the page's and the workbook's numbers, read back with pdftotext.
  const pdfHref = await page.getByTestId("insight-pdf").getAttribute("href");
  expect(pdfHref).toContain("/api/stats/annual-report?from=2017-05-01");
  const report = await context.request.get(pdfHref!);
  expect(report.status()).toBe(200);
  expect(report.headers()["content-type"]).toBe("application/pdf");
  expect(report.headers()["content-disposition"]).toContain("attachment");
  const pdf = await report.body();
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/annual-report-zh.pdf", pdf);
  const text = pdfText(pdf);
  const row = (...values: (string | number)[]) => new RegExp(values.map((v) => String(v).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"));
  expect(text).toContain("项目运行情况报告");
  for (const [step, count, share] of funnel) expect(text).toMatch(row(step!, count!, share!));
  for (const [step, count] of sheet("申请漏斗")) expect(text).toMatch(row(String(step), Number(count).toLocaleString("en-US")));
  for (const [reason, count] of dropOuts) expect(text).toMatch(row(reason!, count!));
  for (const [state, count, principal] of loans) expect(text).toMatch(row(state!, count!, principal!));
  for (const [state, count, yuan] of sheet("贷款状态")) expect(text).toMatch(row(String(state), Number(count), `¥${Number(yuan).toLocaleString("en-US", { minimumFractionDigits: 2 })}`));
  // The headline table's cumulative column is the page's table (both as of today).
  const headline = (key: string) => page.locator(`[data-testid="stats-headline"] tr[data-figure="${key}"] td`).innerText();
  const first = async (key: string) => (await headline(key)).split("\n")[0]!.trim();
  const yuanOf = async (key: string) => (await headline(key)).match(/¥[\d,]+\.\d{2}/)![0];
  expect(text).toMatch(new RegExp(`收到贷款申请（份）\\s+[\\d,]+\\s+${await first("applications")}\\s*$`, "m"));
  expect(text).toMatch(new RegExp(`放款企业（家）\\s+[\\d,]+\\s+${await first("enterprisesFunded")}`));
  expect(text).toMatch(new RegExp(`放款金额\\s+¥[\\d,.]+\\s+${(await yuanOf("lent")).replace(/[.$]/g, "\\$&")}`));
  expect(text).toMatch(new RegExp(`贴息金额\\s+¥[\\d,.]+\\s+${(await yuanOf("subsidy")).replace(/[.$]/g, "\\$&")}`));

  // A year: refused before the programme, in the future, as garbage, or together with dates.
  const yearReport = await context.request.get("/api/stats/annual-report?year=2021");
  expect(yearReport.status()).toBe(200);
  expect(pdfText(await yearReport.body())).toContain("2021年度项目运行报告");
  for (const [query, words] of [["year=2016", "所选期间在项目开始（2017-05-01）之前"], ["year=2999", "所选年度尚未开始"], ["year=abc", "日期格式不正确"],
    ["year=2021&from=2021-01-01", "二者不能同时使用"], ["from=2018-07-01&to=2018-03-01", "期间起始日期晚于截止日期"]] as const) {
    const refusedReport = await context.request.get(`/api/stats/annual-report?${query}`);
    expect(refusedReport.status(), query).toBe(400);
    expect(await refusedReport.text()).toContain(words);
  }

  const overflow = await captureScreens(page, "insight-stats");
  expect(overflow).toEqual({ phone: 0, desktop: 0 });

  // A reversed period is explained, and so is one before the programme began.
  await page.goto("/center/stats?from=2018-07-01&to=2018-03-01");
  await expect(page.getByTestId("insight-error")).toContainText("期间起始日期晚于截止日期");
  await page.goto("/center/stats?from=2016-01-01&to=2016-12-31");
  await expect(page.getByTestId("insight-error")).toContainText("所选期间在项目开始（2017-05-01）之前");
  await page.goto("/center/stats?region=north");
  await expect(page.getByTestId("insight-error")).toContainText("无法识别的筛选条件");
  const refused = await context.request.get("/api/stats/insight?from=2018-07-01&to=2018-03-01");
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain("期间起始日期晚于截止日期");
  expect(errors).toEqual([]);

  // The same section in English.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/center/stats?from=2017-05-01");
  await expect(page.getByRole("heading", { name: "How the programme works", level: 2 })).toBeVisible();
  await expect(page.locator('svg[data-chart="chart-funnel"] title')).toHaveText("Application funnel");
  expect((await cells(page, "insight-funnel")).map((r) => [r[0], r[1]])).toEqual(funnel.map((r, i) => [["Applied", "Recommended", "Guaranteed", "Approved by bank", "Disbursed", "Subsidised"][i], r[1]]));
  await captureScreens(page, "insight-stats-en");
  // The cookie set above is scoped to /center/; the report's route reads the same choice.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL("/", page.url()).href }]);
  const englishReport = await context.request.get("/api/stats/annual-report?from=2017-05-01");
  expect(englishReport.status()).toBe(200);
  const englishPdf = await englishReport.body();
  writeFileSync("test-results/annual-report-en.pdf", englishPdf);
  const english = pdfText(englishPdf);
  expect(english).toContain("Programme report");
  expect(english).toMatch(/Applied\s+[\d,]+\s+100%/);
  expect(english).toMatch(new RegExp(`Disbursed\\s+${funnel[4]![1]}\\s+`));

  expect(errors).toEqual([]);

  // Not for a bank officer.
  const bankContext = await browser.newContext();
  await signInViaApi(bankContext, "officer@bank.demo");
  expect((await bankContext.request.get("/api/stats/insight")).status()).toBe(404);
  expect((await bankContext.request.get("/api/stats/annual-report?year=2021")).status()).toBe(404);
  await bankContext.close();
  await context.close();
});

test("the public programme page shows the live figures without signing in", async ({ browser }) => {
  // The statistics page shows its snapshot: brought up to date as the job would.
  await runStatisticsJob();
  const centre = await browser.newContext();
  await signInViaApi(centre, "reviewer@center.demo");
  const stats = await centre.newPage();
  await stats.goto("/center/stats");
  const headline = (key: string) => stats.locator(`[data-testid="stats-headline"] tr[data-figure="${key}"] td span`).first().innerText();
  const expected = { applications: await headline("applications"), funded: await headline("enterprisesFunded"), lent: await headline("lent") };
  await centre.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto("/");
  await page.getByRole("link", { name: /项目介绍与数据/ }).click();
  await expect(page).toHaveURL(/\/programme$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("暖·创贷 项目介绍与数据公开");
  const figure = (key: string) => page.locator(`[data-testid="public-figures"] [data-figure="${key}"] [data-value]`).innerText();
  expect(await figure("applications")).toBe(expected.applications);
  expect(await figure("funded")).toBe(expected.funded);
  expect(await figure("lent")).toBe(expected.lent);
  await expect(page.getByRole("link", { name: "职工服务热线 12351" })).toHaveAttribute("href", "tel:12351");
  await expect(page.getByRole("heading", { name: "谁可以申请" })).toBeVisible();
  expect(await captureScreens(page, "insight-programme")).toEqual({ phone: 0, desktop: 0 });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Warm Start Loans: the programme and its figures");
  expect(await figure("applications")).toBe(expected.applications);
  expect(errors).toEqual([]);
  await context.close();
});

test("the published table downloads as XLSX and the period's tables as one CSV, with the page's numbers", async ({ browser }) => {
  const context = await browser.newContext();
  await signInViaApi(context, "reviewer@center.demo");
  const page = await context.newPage();
  await page.goto("/center/stats");
  const applications = number((await page.getByTestId("stats-headline").locator('[data-figure="applications"] td').textContent()) ?? "");
  const xlsx = await page.request.get(await page.getByTestId("stats-xlsx").getAttribute("href") ?? "");
  expect(xlsx.ok()).toBe(true);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await xlsx.body()) as unknown as ArrayBuffer);
  const figures = book.worksheets[0]!;
  expect(figures.getRow(2).getCell(1).value).toBe("累计收到贷款申请（份）");
  expect(figures.getRow(2).getCell(2).value).toBe(applications);

  const csv = await page.request.get(await page.getByTestId("insight-csv").getAttribute("href") ?? "");
  expect(csv.ok()).toBe(true);
  const text = (await csv.text()).replace(/^\uFEFF/, "");
  const funnel = await cells(page, "insight-funnel");
  expect(text).toContain("申请漏斗");
  expect(text).toContain(`${funnel[0]![0]},${number(funnel[0]![1]!)}`);
  await context.close();
});
