import { describe, expect, it } from "vitest";
import PgBoss from "pg-boss";
import { accruedInterestFen } from "@/lib/loans/interest";
import { addMonthsClamped, daysBetween } from "@/lib/loans/schedule";
import { fenToYuanString } from "@/lib/money/fen";
import { BACKGROUND_HANDLERS, RUN_BACKGROUND_JOB, serveBackgroundQueue } from "@/lib/jobs/background-jobs";
import { runJob, runQueuedJobs, STALE_AFTER_MS, type JobHandlers } from "@/lib/background/services/run-job";
import { retryJob } from "@/lib/background/services/retry-job";
import { backgroundJobFor } from "@/lib/background/queries";
import { importJob, recentImportJobs } from "@/lib/subsidies/queries";
import { queueStatementImport, runStatementImportJob } from "@/lib/subsidies/services/statement-import-job";
import { importJobView } from "@/lib/subsidies/job-view";
import type { ImportJobResult } from "@/lib/subsidies/import-job-result";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { worded } from "../support/words";
import { createApplicant, createEnterprise, createStaff, ensureReferenceData } from "../support/factories";
import { createTranslator } from "use-intl/core";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import type { RootTranslator } from "@/lib/i18n/words";

// A bank's statement import as a background job on the real database: the request stores the file
// and queues it; the job (claimed once, however often it is delivered) records its progress and
// outcome; a failure is recorded in words and can be retried; no other organisation sees the job.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADER = "合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期";
const zh = createTranslator({ locale: "zh-CN", messages: zhCN }) as unknown as RootTranslator;

async function newBank() {
  await ensureReferenceData();
  const org = await db.organisation.create({ data: { code: `BK-${uniqueSuffix()}`, type: "BANK", nameZh: `测试银行${uniqueSuffix().slice(-4)}`, nameEn: "Test bank" } });
  return { org, officer: await createStaff(org.code, "BANK_OFFICER") };
}

async function newLoan(bankOrgId: string) {
  const applicant = await createApplicant();
  const enterprise = await createEnterprise(applicant);
  const policy = await db.policyVersion.findUniqueOrThrow({ where: { version: 1 } });
  const app = await db.loanApplication.create({
    data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "ACTIVE", bankOrgId, policyVersionId: policy.id, amountFen: 50_000_000n, termMonths: 12 },
  });
  const loan = await db.loan.create({
    data: {
      applicationId: app.id, enterpriseId: enterprise.id, bankOrgId, contractNo: `HT-${uniqueSuffix()}`, principalFen: 50_000_000n, annualRateMicros: 38_500,
      lprReference: "一年期 LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
      disbursedOn: day("2025-06-10"), disbursedFen: 50_000_000n, maturityOn: day(addMonthsClamped("2025-06-10", 12)),
    },
  });
  await db.unionStanding.create({ data: { enterpriseId: enterprise.id, validFrom: day("2020-01-01"), validTo: null, evidence: "测试工会会员证" } });
  return loan;
}

const interest = (start: string, end: string) => fenToYuanString(accruedInterestFen({ principalFen: 50_000_000n, annualRateMicros: 38_500, days: daysBetween(start, end) + 1 }));

function csv(contractNo: string, periods: { start: string; end: string; paidOn: string; paid?: string }[]): Uint8Array {
  const rows = periods.map((p) => {
    const due = interest(p.start, p.end);
    return [contractNo, p.start, p.end, "500000.00", "3.85%", due, p.paid ?? due, p.paidOn, "否", "0", "否"].join(",");
  });
  return new TextEncoder().encode([HEADER, ...rows].join("\n"));
}

const Q3 = { start: "2025-06-10", end: "2025-09-20", paidOn: "2025-09-21" };
const Q4 = { start: "2025-09-21", end: "2025-12-20", paidOn: "2025-12-21" };

async function queued(officer: Awaited<ReturnType<typeof newBank>>["officer"], bytes: Uint8Array, fileName = "q.csv"): Promise<string> {
  const answer = await queueStatementImport(officer, { fileName, bytes });
  if (answer.status !== "QUEUED") throw new Error(`expected QUEUED, got ${answer.status}`);
  return answer.jobId;
}

const jobRow = (id: string) => db.backgroundJob.findUniqueOrThrow({ where: { id } });

describe("a statement import as a background job", () => {
  it("stores the upload and queues it in the request; the job runs once, recording progress and its result", async () => {
    const { org, officer } = await newBank();
    const loan = await newLoan(org.id);
    const jobId = await queued(officer, csv(loan.contractNo, [Q3, Q4]), "2025Q3-Q4.csv");

    const waiting = await jobRow(jobId);
    expect(waiting).toMatchObject({ kind: "STATEMENT_IMPORT", status: "QUEUED", organisationId: org.id, requestedById: officer.userId, doneCount: 0, totalCount: null });
    expect(await db.storedObject.count({ where: { key: (waiting.input as { storageKey: string }).storageKey } })).toBe(1);
    expect(await db.statementLine.count({ where: { loanId: loan.id } })).toBe(0);
    expect(importJobView(zh, "zh-CN", (await importJob(officer, jobId))!)).toMatchObject({ status: "QUEUED", finished: false, message: "排队等待导入", title: "2025Q3-Q4.csv" });

    // What the record says while the job runs, seen from outside the job.
    const seen: { status: string; done: number; total: number | null }[] = [];
    const watching: JobHandlers = {
      ...BACKGROUND_HANDLERS,
      STATEMENT_IMPORT: (job) => runStatementImportJob({
        ...job,
        progress: async (done, total) => {
          await job.progress(done, total);
          const row = await jobRow(job.id);
          seen.push({ status: row.status, done: row.doneCount, total: row.totalCount });
        },
      }),
    };
    // Delivered twice at once (two servers, or the queue and the sweep): one run.
    const runs = await Promise.all([runJob(jobId, watching), runJob(jobId, watching)]);
    expect(runs.sort()).toEqual(["DONE", "SKIPPED"]);
    expect(await runJob(jobId, watching)).toBe("SKIPPED");
    expect(seen).toEqual([{ status: "RUNNING", done: 0, total: 2 }, { status: "RUNNING", done: 2, total: 2 }]);

    const done = await jobRow(jobId);
    expect(done).toMatchObject({ status: "DONE", doneCount: 2, totalCount: 2, attempts: 1, errorKey: null });
    expect(done.finishedAt).not.toBeNull();
    expect(done.result).toMatchObject({ outcome: "IMPORTED", added: 2, skipped: 0, quarters: ["2025Q3", "2025Q4"] } satisfies Partial<ImportJobResult>);
    expect(await db.statementImport.count({ where: { bankOrgId: org.id } })).toBe(1);
    expect(await db.statementLine.count({ where: { loanId: loan.id } })).toBe(2);
    const view = importJobView(zh, "zh-CN", (await importJob(officer, jobId))!);
    expect(view).toMatchObject({ status: "DONE", finished: true, tone: "success", retryable: false });
    expect(view.message).toMatch(/^已导入 2 笔明细；贴息合计 ¥/);

    // The same file again: answered in the request, nothing queued.
    expect(await queueStatementImport(officer, { fileName: "again.csv", bytes: csv(loan.contractNo, [Q3, Q4]) })).toMatchObject({ status: "ALREADY_IMPORTED" });
    expect(await db.backgroundJob.count({ where: { organisationId: org.id } })).toBe(1);
  });

  it("queues the same waiting file once, and the sweep runs what no queue message started", async () => {
    const { org, officer } = await newBank();
    const loan = await newLoan(org.id);
    const bytes = csv(loan.contractNo, [Q3]);
    const first = await queued(officer, bytes);
    expect(await queued(officer, bytes, "copy.csv")).toBe(first);
    expect(await runQueuedJobs(BACKGROUND_HANDLERS)).toBeGreaterThanOrEqual(1);
    expect(await jobRow(first)).toMatchObject({ status: "DONE", result: { outcome: "IMPORTED", added: 1 } });
  });

  it("records a rejected file's report as the job's outcome and stores no line", async () => {
    const { org, officer } = await newBank();
    const loan = await newLoan(org.id);
    const jobId = await queued(officer, csv(loan.contractNo, [{ ...Q3, paid: "999999.00" }]));
    expect(await runJob(jobId, BACKGROUND_HANDLERS)).toBe("DONE");
    const result = (await jobRow(jobId)).result as ImportJobResult;
    expect(result).toMatchObject({ outcome: "REJECTED", total: 1 });
    const view = importJobView(zh, "zh-CN", (await importJob(officer, jobId))!);
    expect(view).toMatchObject({ tone: "error", total: 1, retryable: false });
    expect(view.errors![0]!.line).toBe(2);
    expect(await db.statementLine.count({ where: { loanId: loan.id } })).toBe(0);
  });

  it("records why a job failed, in words, and runs it again when its owner retries", async () => {
    const { org, officer } = await newBank();
    const loan = await newLoan(org.id);
    const jobId = await queued(officer, csv(loan.contractNo, [Q3]));
    await db.user.update({ where: { id: officer.userId }, data: { disabledAt: new Date() } });
    expect(await runJob(jobId, BACKGROUND_HANDLERS)).toBe("FAILED");
    const failed = await jobRow(jobId);
    expect(failed).toMatchObject({ status: "FAILED", errorKey: "background.failed.requesterGone", attempts: 1 });
    const view = importJobView(zh, "zh-CN", (await importJob(officer, jobId))!);
    expect(view).toMatchObject({ tone: "error", retryable: true, message: "导入失败：发起该任务的账号已停用或已调离本机构。文件已保存，可重试" });
    expect(await db.statementLine.count({ where: { loanId: loan.id } })).toBe(0);

    // An unexpected error is "unexpected" for the reader (the details go to the log).
    const broken: JobHandlers = { ...BACKGROUND_HANDLERS, STATEMENT_IMPORT: async () => { throw new Error("disk on fire"); } };
    const other = await queued(officer, csv(loan.contractNo, [Q4]));
    expect(await runJob(other, broken)).toBe("FAILED");
    expect(await jobRow(other)).toMatchObject({ errorKey: "background.failed.unexpected" });

    // A colleague takes the failed import over: retried, it runs as the colleague.
    const colleague = await createStaff(org.code, "BANK_OFFICER");
    await retryJob(colleague, { jobId, kind: "STATEMENT_IMPORT", permission: "subsidy.import" });
    expect(await jobRow(jobId)).toMatchObject({ status: "QUEUED", requestedById: colleague.userId });
    await db.backgroundJob.update({ where: { id: jobId }, data: { status: "FAILED", requestedById: officer.userId } });
    await db.user.update({ where: { id: officer.userId }, data: { disabledAt: null } });
    // Only a failed job is retried, and only once at a time.
    await expect(retryJob(officer, { jobId: (await queued(officer, csv(loan.contractNo, [Q3, Q4]))), kind: "STATEMENT_IMPORT", permission: "subsidy.import" }))
      .rejects.toMatchObject({ code: "CONFLICT" });
    await retryJob(officer, { jobId, kind: "STATEMENT_IMPORT", permission: "subsidy.import" });
    expect(await jobRow(jobId)).toMatchObject({ status: "QUEUED", errorKey: null, errorValues: null, attempts: 0 });
    await expect(retryJob(officer, { jobId, kind: "STATEMENT_IMPORT", permission: "subsidy.import" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await runJob(jobId, BACKGROUND_HANDLERS)).toBe("DONE");
    expect(await jobRow(jobId)).toMatchObject({ status: "DONE", result: { outcome: "IMPORTED", added: 1 } });
    expect(await db.statementLine.count({ where: { loanId: loan.id } })).toBe(1);
  });

  it("queues a job cut off mid-way again, and fails it once it was cut off too often", async () => {
    const { org, officer } = await newBank();
    const loan = await newLoan(org.id);
    const jobId = await queued(officer, csv(loan.contractNo, [Q3]));
    const long = new Date(Date.now() - STALE_AFTER_MS - 60_000);
    await db.backgroundJob.update({ where: { id: jobId }, data: { status: "RUNNING", attempts: 1, startedAt: long, heartbeatAt: long } });
    // A job alive a moment ago is left alone.
    const fresh = await queued(officer, csv(loan.contractNo, [Q4]));
    await db.backgroundJob.update({ where: { id: fresh }, data: { status: "RUNNING", attempts: 1, heartbeatAt: new Date() } });
    await runQueuedJobs(BACKGROUND_HANDLERS);
    expect(await jobRow(jobId)).toMatchObject({ status: "DONE", attempts: 2 });
    expect(await jobRow(fresh)).toMatchObject({ status: "RUNNING" });
    await db.backgroundJob.update({ where: { id: fresh }, data: { attempts: 3, heartbeatAt: long } });
    await runQueuedJobs(BACKGROUND_HANDLERS);
    expect(await jobRow(fresh)).toMatchObject({ status: "FAILED", errorKey: "background.failed.cutOff" });
    expect(worded({ key: "background.failed.cutOff" })).toBe("处理多次中断");
  });

  it("shows a job only to its own organisation's staff: others get nothing and cannot retry it", async () => {
    const { org, officer } = await newBank();
    const loan = await newLoan(org.id);
    const jobId = await queued(officer, csv(loan.contractNo, [Q3]));
    await db.backgroundJob.update({ where: { id: jobId }, data: { status: "FAILED", errorKey: "background.failed.unexpected" } });

    const colleague = await createStaff(org.code, "BANK_OFFICER");
    expect(await importJob(colleague, jobId)).toMatchObject({ id: jobId, status: "FAILED" });
    expect((await recentImportJobs(colleague)).map((j) => j.id)).toContain(jobId);

    const otherBank = (await newBank()).officer;
    expect(await importJob(otherBank, jobId)).toBeNull();
    expect(await backgroundJobFor(otherBank, jobId)).toBeNull();
    expect((await recentImportJobs(otherBank)).map((j) => j.id)).not.toContain(jobId);
    await expect(retryJob(otherBank, { jobId, kind: "STATEMENT_IMPORT", permission: "subsidy.import" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await jobRow(jobId)).toMatchObject({ status: "FAILED" });

    const reviewer = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    expect(await backgroundJobFor(reviewer, jobId)).toBeNull();
    const applicant = await createApplicant();
    expect(await backgroundJobFor(applicant, jobId)).toBeNull();
    await expect(importJob(applicant, jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryJob(applicant, { jobId, kind: "STATEMENT_IMPORT", permission: "subsidy.import" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(queueStatementImport(applicant, { fileName: "x.csv", bytes: csv(loan.contractNo, [Q3]) })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  itOnPostgres("through pg-boss with two servers working the queue, each queued import runs once", async () => {
    const servers = [0, 1].map(() => new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss_background_test" }));
    const stops: (() => void)[] = [];
    try {
      for (const boss of servers) {
        await boss.start();
        stops.push(await serveBackgroundQueue(boss));
      }
      const banks = await Promise.all([0, 1, 2].map(async () => {
        const { org, officer } = await newBank();
        const loan = await newLoan(org.id);
        return { org, jobId: await queued(officer, csv(loan.contractNo, [Q3, Q4])) };
      }));
      // Each upload sent its message through the starter; send every job again from the other server.
      for (const { jobId } of banks) await servers[0]!.send(RUN_BACKGROUND_JOB, { jobId });
      await expect.poll(async () => db.backgroundJob.count({ where: { id: { in: banks.map((b) => b.jobId) }, status: "DONE" } }), { timeout: 30_000 }).toBe(3);
      for (const { org, jobId } of banks) {
        expect(await jobRow(jobId)).toMatchObject({ status: "DONE", attempts: 1, doneCount: 2, totalCount: 2 });
        expect(await db.statementImport.count({ where: { bankOrgId: org.id } })).toBe(1);
        expect(await db.statementLine.count({ where: { batch: { bankOrgId: org.id } } })).toBe(2);
      }
    } finally {
      for (const stop of stops) stop();
      for (const boss of servers) await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);
});
