import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { loadSessionState } from "@/lib/auth/session-state";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { words } from "@/lib/i18n/words";
import { programmeTranslator } from "@/lib/i18n/translator";
import { databaseStorage, type ObjectStorage } from "@/lib/storage/storage";
import { queueJob } from "@/lib/background/services/queue-job";
import type { JobContext, JobOutcome } from "@/lib/background/services/run-job";
import { scopedBatch } from "@/lib/subsidies/scope";
import { batchSummaryPdf } from "@/lib/subsidies/services/batch-summary-pdf";
import { subsidyStatementPdf } from "@/lib/subsidies/services/subsidy-statement-pdf";
import { zipArchive, type ZipEntry } from "@/lib/subsidies/zip-archive";
import { isBatchPdfsInput, type BatchPdfsInput, type BatchPdfsResult } from "@/lib/subsidies/batch-pdfs-result";

// The PDFs of a whole batch (its summary and every enterprise's subsidy statement, one ZIP): one
// render per enterprise, so a large batch takes minutes. The centre asks for them on the batch's
// page; a job renders them, as the asker, and stores the archive for download.

export const BATCH_PDFS_PERMISSION = "subsidy.statementPdf" as const;

/** Queues the batch's PDFs; the same batch already waiting or under way for this organisation is that job. */
export async function queueBatchPdfs(actor: Actor, batchId: string): Promise<{ jobId: string }> {
  assertCan(actor, BATCH_PDFS_PERMISSION);
  const where = actor.kind === "STAFF" && isUuid(batchId) ? scopedBatch(actor, batchId) : null;
  if (!where || actor.kind !== "STAFF" || !(await db.subsidyBatch.count({ where }))) throw new AppError("NOT_FOUND");
  const waiting = await db.backgroundJob.findFirst({
    where: { organisationId: actor.organisationId, kind: "BATCH_PDFS", status: { in: ["QUEUED", "RUNNING"] }, input: { path: ["batchId"], equals: batchId } },
    select: { id: true },
  });
  if (waiting) return { jobId: waiting.id };
  const input: BatchPdfsInput = { batchId };
  return { jobId: await queueJob({ kind: "BATCH_PDFS", organisationId: actor.organisationId, requestedById: actor.userId, input }) };
}

export async function runBatchPdfsJob(job: JobContext, storage: ObjectStorage = databaseStorage): Promise<JobOutcome> {
  if (!isBatchPdfsInput(job.input)) throw new AppError("VALIDATION", words("background.failed.inputMissing"));
  const actor = (await loadSessionState(job.requestedById))?.actor;
  if (!actor || actor.kind !== "STAFF" || actor.organisationId !== job.organisationId) throw new AppError("NOT_FOUND", words("background.failed.requesterGone"));
  const where = scopedBatch(actor, job.input.batchId);
  const batch = where ? await db.subsidyBatch.findFirst({ where, select: { id: true, quarter: true, bankOrg: { select: { nameZh: true } } } }) : null;
  if (!batch) throw new AppError("NOT_FOUND");
  // One loan per enterprise: its statement covers all of the enterprise's loans at this bank.
  const perEnterprise = await db.statementLine.findMany({
    where: { batchId: batch.id, current: true },
    distinct: ["loanId"],
    orderBy: { loanId: "asc" },
    select: { loanId: true, loan: { select: { enterpriseId: true } } },
  });
  const loans = [...new Map(perEnterprise.map((l) => [l.loan.enterpriseId, l.loanId])).values()];
  const total = loans.length + 1;
  await job.progress(0, total);

  const files: ZipEntry[] = [];
  const summary = await batchSummaryPdf(actor, batch.id);
  if (!summary) throw new AppError("NOT_FOUND");
  files.push({ name: summary.fileName, bytes: summary.pdf });
  await job.progress(1, total);
  const names = new Set([summary.fileName]);
  for (const [i, loanId] of loans.entries()) {
    const statement = await subsidyStatementPdf(actor, loanId, batch.quarter);
    if (statement) {
      // Two enterprises of the same name still get a file each.
      const name = names.has(statement.fileName) ? statement.fileName.replace(/\.pdf$/, `-${i + 1}.pdf`) : statement.fileName;
      names.add(name);
      files.push({ name, bytes: statement.pdf });
    }
    await job.progress(i + 2, total);
  }
  const t = programmeTranslator("subsidy");
  const fileName = `${t("pdf.batchArchiveFileName", { bank: batch.bankOrg.nameZh, quarter: batch.quarter })}.zip`;
  const storageKey = `batch-pdfs/${batch.id}/${randomUUID()}`;
  await storage.put(storageKey, zipArchive(files));
  const result: BatchPdfsResult = { storageKey, fileName, files: files.length, statements: files.length - 1 };
  return { result, done: total, total };
}
