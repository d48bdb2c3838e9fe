import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { setJobStarter } from "@/lib/background/dispatch";
import { runJob, runQueuedJobs, type JobHandlers } from "@/lib/background/services/run-job";
import { runStatementImportJob } from "@/lib/subsidies/services/statement-import-job";
import { runBatchPdfsJob } from "@/lib/subsidies/services/batch-pdfs-job";

/** What runs each kind of background job (lib/background keeps the records; the domains do the work). */
export const BACKGROUND_HANDLERS: JobHandlers = {
  STATEMENT_IMPORT: (job) => runStatementImportJob(job),
  BATCH_PDFS: (job) => runBatchPdfsJob(job),
};

/** The queue of background jobs, one message per job. */
export const RUN_BACKGROUND_JOB = "run-background-job";

/**
 * Makes this server run background jobs from the pg-boss queue and send each new job there. pg-boss
 * hands a message to one server; the job's compare-and-set claim makes a second delivery a no-op.
 * No pg-boss retry: a failed job is an outcome its owner sees and may retry; one cut off is the
 * sweep's to queue again.
 */
export async function serveBackgroundQueue(boss: PgBoss): Promise<() => void> {
  await boss.createQueue(RUN_BACKGROUND_JOB, { name: RUN_BACKGROUND_JOB, retryLimit: 0 });
  await boss.work<{ jobId: string }>(RUN_BACKGROUND_JOB, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([message]) => {
    if (message) await runJob(message.data.jobId, BACKGROUND_HANDLERS);
  });
  setJobStarter((jobId) => boss.send(RUN_BACKGROUND_JOB, { jobId }));
  return () => setJobStarter(undefined);
}

/** On the embedded database (one process), a job runs right after the request that queued it. */
export function runBackgroundJobsHere(): () => void {
  setJobStarter(async (jobId) => {
    setImmediate(() => void runJob(jobId, BACKGROUND_HANDLERS).catch((error: unknown) => logger.error("background job failed", { jobId, error })));
  });
  return () => setJobStarter(undefined);
}

export const runQueuedBackgroundJobs = (): Promise<number> => runQueuedJobs(BACKGROUND_HANDLERS);
