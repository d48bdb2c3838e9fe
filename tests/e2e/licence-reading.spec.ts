import { execFileSync } from "node:child_process";
import { captureScreens } from "./support/screens";
import { expect, test } from "./support/test";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { e2eDatabase } from "./support/database";
import { preparedDraft } from "./support/prepared-draft";
import { makeCreditCode } from "../support/ids";
import { licencePng } from "../../scripts/bench/licence-image";

// The applicant uploads the business licence on the enterprise form: the portal reads it in the
// background (the job, run here as the scheduler would), proposes what it read, and fills a field
// only when the applicant uses that proposal; the applicant saves.
const stamp = Date.now().toString(36).toUpperCase();
const values = {
  creditCode: makeCreditCode(), name: "北京暖心识别测试有限公司", type: "有限责任公司（自然人投资或控股）", legalRep: "王晓明",
  capital: "壹佰万元整", foundedOn: "2019-03-15", address: "北京市海淀区中关村大街27号1单元502室", scope: "信息咨询。",
};

test("a licence upload proposes the enterprise's details; used ones fill the form, which the applicant saves", async ({ browser }) => {
  test.setTimeout(90_000);
  const applicant = await createApplicant();
  await preparedDraft(applicant, stamp);
  const [enterprise] = await queryE2e<{ id: string; legalRepName: string }>(
    `SELECT id, "legalRepName" FROM "Enterprise" WHERE "representativeId" = $1`, [applicant.userId]);
  const context = await browser.newContext();
  await signInViaApi(context, applicant.mobile, applicant.password);
  const page = await context.newPage();
  await page.goto(`/applicant/enterprises/${enterprise!.id}`);

  await page.getByTestId("licence-file").setInputFiles({ name: "营业执照.png", mimeType: "image/png", buffer: await licencePng(values) });
  await expect(page.getByTestId("licence-reading-progress")).toContainText("读取中");

  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/run-job.ts", "read-documents"], {
    env: { ...process.env, DATABASE_URL: e2eDatabase().url, NODE_ENV: "test", SCHEDULER: "off" }, encoding: "utf8",
  });
  await expect(page.getByTestId("proposal-name")).toContainText(values.name, { timeout: 15_000 });
  await expect(page.getByTestId("proposal-creditCode")).toContainText(values.creditCode);
  await expect(page.getByTestId("licence-reading-status")).toContainText("已读出");
  // Nothing is filled until a proposal is used.
  await expect(page.locator('#enterprise-form [name="name"]')).not.toHaveValue(values.name);

  await page.getByTestId("proposal-name").getByRole("button", { name: "采用" }).click();
  await page.getByTestId("proposal-creditCode").getByRole("button", { name: "采用" }).click();
  await page.getByTestId("proposal-legalRepName").getByRole("button", { name: "保留我填写的" }).click();
  await expect(page.locator('#enterprise-form [name="name"]')).toHaveValue(values.name);
  await expect(page.locator('#enterprise-form [name="creditCode"]')).toHaveValue(values.creditCode);
  await expect(page.getByTestId("proposal-legalRepName")).toContainText("已保留您填写的内容");
  await captureScreens(page, "licence-reading");

  await page.getByRole("button", { name: "保存企业信息" }).click();
  await expect.poll(async () => (await queryE2e<{ name: string; creditCode: string; legalRepName: string }>(
    `SELECT name, "creditCode", "legalRepName" FROM "Enterprise" WHERE id = $1`, [enterprise!.id]))[0]).toEqual({
    name: values.name, creditCode: values.creditCode, legalRepName: enterprise!.legalRepName,
  });

  // Another applicant is told the reading does not exist.
  const [doc] = await queryE2e<{ id: string }>(
    `SELECT d.id FROM "Document" d JOIN "DocumentReading" r ON r."documentId" = d.id JOIN "LoanApplication" a ON a.id = d."applicationId" WHERE a."applicantId" = $1`,
    [applicant.userId]);
  const stranger = await createApplicant();
  const other = await browser.newContext();
  await signInViaApi(other, stranger.mobile, stranger.password);
  expect((await other.request.get(`/api/documents/${doc!.id}/reading`)).status()).toBe(404);
  expect((await context.request.get(`/api/documents/${doc!.id}/reading`)).status()).toBe(200);
});
