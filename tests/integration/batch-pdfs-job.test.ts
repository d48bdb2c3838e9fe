import { describe, expect, it } from "vitest";
import { inflateRawSync } from "node:zlib";
import { accruedInterestFen } from "@/lib/loans/interest";
import { addMonthsClamped, daysBetween } from "@/lib/loans/schedule";
import { fenToYuanString } from "@/lib/money/fen";
import { BACKGROUND_HANDLERS } from "@/lib/jobs/background-jobs";
import { runJob, type JobHandlers } from "@/lib/background/services/run-job";
import { retryJob } from "@/lib/background/services/retry-job";
import { importStatement } from "@/lib/subsidies/services/import-statement";
import { queueBatchPdfs, runBatchPdfsJob } from "@/lib/subsidies/services/batch-pdfs-job";
import { batchPdfsArchive, batchPdfsJob, latestBatchPdfsJob } from "@/lib/subsidies/batch-pdfs-queries";
import { batchPdfsJobView } from "@/lib/subsidies/job-view";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createEnterprise, createStaff, ensureReferenceData } from "../support/factories";
import { createTranslator } from "use-intl/core";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import type { RootTranslator } from "@/lib/i18n/words";

// All of a batch's PDFs (its summary and each enterprise's statement) prepared by a background job
// as one ZIP: progress per PDF, the archive readable, only the asking organisation sees it.

const zh = createTranslator({ locale: "zh-CN", messages: zhCN }) as unknown as RootTranslator;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADER = "合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期";

async function batchOfTwoEnterprises() {
  await ensureReferenceData();
  const org = await db.organisation.create({ data: { code: `BK-${uniqueSuffix()}`, type: "BANK", nameZh: `测试银行${uniqueSuffix().slice(-4)}`, nameEn: "Test bank" } });
  const officer = await createStaff(org.code, "BANK_OFFICER");
  const policy = await db.policyVersion.findUniqueOrThrow({ where: { version: 1 } });
  const rows: string[] = [];
  for (let i = 0; i < 2; i++) {
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const app = await db.loanApplication.create({
      data: { number: `T-${uniqueSuffix()}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "ACTIVE", bankOrgId: org.id, policyVersionId: policy.id, amountFen: 50_000_000n, termMonths: 12 },
    });
    const loan = await db.loan.create({
      data: {
        applicationId: app.id, enterpriseId: enterprise.id, bankOrgId: org.id, contractNo: `HT-${uniqueSuffix()}`, principalFen: 50_000_000n, annualRateMicros: 38_500,
        lprReference: "一年期 LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
        disbursedOn: day("2025-06-10"), disbursedFen: 50_000_000n, maturityOn: day(addMonthsClamped("2025-06-10", 12)),
      },
    });
    await db.unionStanding.create({ data: { enterpriseId: enterprise.id, validFrom: day("2020-01-01"), validTo: null, evidence: "测试工会会员证" } });
    const due = fenToYuanString(accruedInterestFen({ principalFen: 50_000_000n, annualRateMicros: 38_500, days: daysBetween("2025-06-10", "2025-09-20") + 1 }));
    rows.push([loan.contractNo, "2025-06-10", "2025-09-20", "500000.00", "3.85%", due, due, "2025-09-21", "否", "0", "否"].join(","));
  }
  expect(await importStatement(officer, { fileName: "q3.csv", bytes: new TextEncoder().encode([HEADER, ...rows].join("\n")) })).toMatchObject({ status: "IMPORTED", added: 2 });
  const batch = await db.subsidyBatch.findFirstOrThrow({ where: { bankOrgId: org.id } });
  return { batch, officer };
}

/** The entries of a ZIP, read from its central directory (stored or deflated). */
function unzip(zip: Uint8Array): { name: string; bytes: Buffer }[] {
  const buf = Buffer.from(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    // A name beyond ASCII is marked UTF-8 (flag bit 11), or unzip tools read it in a code page.
    expect(buf.readUInt16LE(at + 8) & 0x0800).toBe(/[^\x00-\x7f]/.test(name) ? 0x0800 : 0);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.push({ name, bytes: method === 0 ? data : inflateRawSync(data) });
    at += 46 + nameLength + extra;
  }
  return out;
}

describe("a batch's PDFs as a background job", () => {
  it("prepares the summary and each enterprise's statement as one ZIP, recording progress per PDF", async () => {
    const { batch } = await batchOfTwoEnterprises();
    const reviewer = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const { jobId } = await queueBatchPdfs(reviewer, batch.id);
    expect(await queueBatchPdfs(reviewer, batch.id)).toEqual({ jobId });
    expect(batchPdfsJobView(zh, (await latestBatchPdfsJob(reviewer, batch.id))!)).toMatchObject({ status: "QUEUED", message: "排队等待生成" });

    const seen: string[] = [];
    const watching: JobHandlers = {
      ...BACKGROUND_HANDLERS,
      BATCH_PDFS: (job) => runBatchPdfsJob({
        ...job,
        progress: async (done, total) => {
          await job.progress(done, total);
          const row = await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
          seen.push(`${row.status} ${row.doneCount}/${row.totalCount}`);
        },
      }),
    };
    const runs = await Promise.all([runJob(jobId, watching), runJob(jobId, watching)]);
    expect(runs.sort()).toEqual(["DONE", "SKIPPED"]);
    expect(seen).toEqual(["RUNNING 0/3", "RUNNING 1/3", "RUNNING 2/3", "RUNNING 3/3"]);

    const view = batchPdfsJobView(zh, (await batchPdfsJob(reviewer, jobId))!);
    expect(view).toMatchObject({ status: "DONE", tone: "success", message: "已生成 3 份 PDF（汇总表及 2 家企业的贴息确认单）", download: `/api/subsidies/batch-pdfs/${jobId}/file` });
    const archive = (await batchPdfsArchive(reviewer, jobId))!;
    expect(archive.fileName).toMatch(/^贴息批次PDF-测试银行.*-2025Q3\.zip$/);
    const entries = unzip(archive.bytes);
    expect(entries.map((e) => e.name)).toEqual([
      expect.stringMatching(/^贴息批次汇总表-.*-2025Q3\.pdf$/), expect.stringMatching(/^贴息确认单-.*-2025Q3\.pdf$/), expect.stringMatching(/^贴息确认单-.*-2025Q3\.pdf$/),
    ]);
    for (const e of entries) expect(e.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("records a failure and prepares the PDFs when retried; another organisation neither sees nor fetches them", async () => {
    const { batch, officer } = await batchOfTwoEnterprises();
    const reviewer = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const { jobId } = await queueBatchPdfs(reviewer, batch.id);
    await db.user.update({ where: { id: reviewer.userId }, data: { disabledAt: new Date() } });
    expect(await runJob(jobId, BACKGROUND_HANDLERS)).toBe("FAILED");
    expect(batchPdfsJobView(zh, (await batchPdfsJob(reviewer, jobId))!)).toMatchObject({
      tone: "error", retryable: true, message: "生成失败：发起该任务的账号已停用或已调离本机构。可重新生成",
    });
    expect(await batchPdfsArchive(reviewer, jobId)).toBeNull();
    await db.user.update({ where: { id: reviewer.userId }, data: { disabledAt: null } });

    const otherCentre = await db.organisation.create({ data: { code: `SC-${uniqueSuffix()}`, type: "SUPPORT_CENTER", nameZh: `测试中心${uniqueSuffix().slice(-4)}`, nameEn: "Test centre" } });
    const outsider = await createStaff(otherCentre.code, "CENTER_REVIEWER");
    await expect(retryJob(outsider, { jobId, kind: "BATCH_PDFS", permission: "subsidy.statementPdf" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await retryJob(reviewer, { jobId, kind: "BATCH_PDFS", permission: "subsidy.statementPdf" });
    expect(await runJob(jobId, BACKGROUND_HANDLERS)).toBe("DONE");
    expect(unzip((await batchPdfsArchive(reviewer, jobId))!.bytes)).toHaveLength(3);

    expect(await batchPdfsJob(outsider, jobId)).toBeNull();
    expect(await latestBatchPdfsJob(outsider, batch.id)).toBeNull();
    expect(await batchPdfsArchive(outsider, jobId)).toBeNull();
    // The batch's own bank may not ask for them (the statements are the centre's to issue).
    expect(await batchPdfsJob(officer, jobId)).toBeNull();
    await expect(queueBatchPdfs(officer, batch.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(queueBatchPdfs(reviewer, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
