import { expect, test } from "./support/test";
import { signInViaApi } from "./support/auth";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";
import { runBackgroundJobs } from "./support/jobs";

// A statement import whose job failed (here: its server was cut off three times) says why on the
// bank's page and offers a retry, which queues it again; the next run finishes it. No dead end.
const HEADER = "合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期";
const stamp = Date.now().toString(36).toUpperCase();

test("a failed import says why and can be retried from the statements page", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  await signInViaApi(context, "officer@bank.demo");
  const bank = await context.newPage();
  await bank.goto("/bank/statements");
  const fileName = `cut-${stamp}.csv`;
  const csv = `${HEADER}\nNO-SUCH-${stamp},2026-06-22,2026-09-20,400000.00,3.00%,3033.33,3033.33,2026-09-21,否,0,否\n`;
  await bank.locator("#statement-file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await bank.getByRole("button", { name: "上传并导入" }).click();
  const job = bank.getByTestId("import-job").filter({ hasText: fileName });
  await expect(job).toHaveAttribute("data-status", "QUEUED");

  // Three runs cut off by their servers stopping; the sweep then fails the job.
  await queryE2e(
    `UPDATE "BackgroundJob" SET status = 'RUNNING', attempts = 3, "heartbeatAt" = now() - interval '1 hour'
     WHERE kind = 'STATEMENT_IMPORT' AND input->>'fileName' = $1`, [fileName]);
  runBackgroundJobs();
  await bank.reload();
  await expect(job).toHaveAttribute("data-status", "FAILED");
  await expect(job).toContainText("导入失败：处理多次中断。文件已保存，可重试");
  await captureScreens(bank, "bank-statements-failed");

  await job.getByRole("button", { name: "重试导入" }).click();
  await expect(job).toHaveAttribute("data-status", "QUEUED");
  runBackgroundJobs();
  await expect(job).toHaveAttribute("data-status", "DONE", { timeout: 15_000 });
  await expect(job).toContainText("文件未导入：发现 1 处问题");
  await expect(job.getByTestId("import-errors")).toContainText("合同编号不存在或不属于本行");
  await context.close();
});
