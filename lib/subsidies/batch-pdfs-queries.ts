import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import { databaseStorage, type ObjectStorage } from "@/lib/storage/storage";
import { backgroundJobFor, latestBackgroundJobs } from "@/lib/background/queries";
import type { BackgroundJobDto } from "@/lib/background/dto";
import { isBatchPdfsResult } from "@/lib/subsidies/batch-pdfs-result";

// The batch PDFs jobs of the actor's own organisation (lib/background scopes them): the latest for
// a batch, one by id, and the archive a finished one made.

export async function latestBatchPdfsJob(actor: Actor, batchId: string): Promise<BackgroundJobDto | null> {
  if (!can(actor, "subsidy.statementPdf")) return null;
  const [job] = await latestBackgroundJobs(actor, "BATCH_PDFS", 1, { path: ["batchId"], equals: batchId });
  return job ?? null;
}

export async function batchPdfsJob(actor: Actor, jobId: string): Promise<BackgroundJobDto | null> {
  return can(actor, "subsidy.statementPdf") ? backgroundJobFor(actor, jobId, "BATCH_PDFS") : null;
}

/** The ZIP a finished job made, or null (not the actor's organisation's, not finished, gone). */
export async function batchPdfsArchive(actor: Actor, jobId: string, storage: ObjectStorage = databaseStorage): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const job = await batchPdfsJob(actor, jobId);
  if (!job || job.status !== "DONE" || !isBatchPdfsResult(job.result)) return null;
  const bytes = await storage.get(job.result.storageKey);
  return bytes ? { fileName: job.result.fileName, bytes } : null;
}
