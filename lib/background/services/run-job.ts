import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BackgroundJobKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { ERRORS_NAMESPACE, isAppError, messageKeyOf } from "@/lib/errors";
import { isWords, words, type Words } from "@/lib/i18n/words";
import { logger } from "@/lib/logger";

/** Reports how far a job got; each call also tells the sweep the job is alive. */
export type JobProgress = (done: number, total: number | null) => Promise<void>;

export type JobContext = { id: string; organisationId: string; requestedById: string; input: unknown; progress: JobProgress };

/** What a finished job stores: its outcome for the page, and its final counts. */
export type JobOutcome = { result: Prisma.InputJsonValue; done?: number; total?: number };

export type JobHandlers = Record<BackgroundJobKind, (job: JobContext) => Promise<JobOutcome>>;

// A job whose last sign of life is this old was cut off (its server stopped): the sweep queues it
// again, up to MAX_ATTEMPTS runs; after that it fails and its owner may retry it.
export const STALE_AFTER_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 3;

type Options = { now?: () => Date };

/**
 * Runs one queued job. Claimed by compare-and-set (QUEUED → RUNNING), so a message delivered twice,
 * two servers, or the queue and the sweep at once run it once. A failure is recorded as words
 * (the refusal's, or "unexpected" with the details in the log), never thrown at the caller.
 */
export async function runJob(jobId: string, handlers: JobHandlers, options: Options = {}): Promise<"DONE" | "FAILED" | "SKIPPED"> {
  const now = options.now ?? (() => new Date());
  const claimed = await db.backgroundJob.updateMany({
    where: { id: jobId, status: "QUEUED" },
    data: { status: "RUNNING", startedAt: now(), heartbeatAt: now(), attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) return "SKIPPED";
  const job = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId }, select: { kind: true, organisationId: true, requestedById: true, input: true } });
  const progress: JobProgress = async (done, total) => {
    await db.backgroundJob.updateMany({ where: { id: jobId, status: "RUNNING" }, data: { doneCount: done, totalCount: total, heartbeatAt: now() } });
  };
  try {
    const outcome = await handlers[job.kind]({ id: jobId, organisationId: job.organisationId, requestedById: job.requestedById, input: job.input, progress });
    await db.backgroundJob.update({
      where: { id: jobId },
      data: {
        status: "DONE", result: outcome.result, finishedAt: now(), heartbeatAt: now(),
        ...(outcome.done === undefined ? {} : { doneCount: outcome.done }), ...(outcome.total === undefined ? {} : { totalCount: outcome.total }),
      },
    });
    return "DONE";
  } catch (error) {
    const reason = reasonOf(error, jobId);
    await db.backgroundJob.update({
      where: { id: jobId },
      data: { status: "FAILED", errorKey: reason.key, errorValues: (reason.values ?? undefined) as Prisma.InputJsonValue | undefined, finishedAt: now(), heartbeatAt: now() },
    });
    return "FAILED";
  }
}

function reasonOf(error: unknown, jobId: string): Words {
  if (isAppError(error)) {
    if (isWords(error.detail)) return error.detail;
    return words(typeof error.detail === "string" ? error.detail : `${ERRORS_NAMESPACE}.${messageKeyOf(error.code)}`);
  }
  logger.error("background job failed", { jobId, error });
  return words("background.failed.unexpected");
}

/**
 * The sweep (every minute, on one server): re-queues jobs cut off mid-way, fails those cut off too
 * often, and runs what is queued (jobs whose queue message was lost, or queued with no worker).
 */
export async function runQueuedJobs(handlers: JobHandlers, options: Options = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const stale = new Date(now().getTime() - STALE_AFTER_MS);
  await db.backgroundJob.updateMany({
    where: { status: "RUNNING", heartbeatAt: { lt: stale }, attempts: { lt: MAX_ATTEMPTS } },
    data: { status: "QUEUED" },
  });
  await db.backgroundJob.updateMany({
    where: { status: "RUNNING", heartbeatAt: { lt: stale }, attempts: { gte: MAX_ATTEMPTS } },
    data: { status: "FAILED", errorKey: "background.failed.cutOff", finishedAt: now() },
  });
  const queued = await db.backgroundJob.findMany({ where: { status: "QUEUED" }, orderBy: { queuedAt: "asc" }, take: 10, select: { id: true } });
  let ran = 0;
  for (const { id } of queued) if ((await runJob(id, handlers, options)) !== "SKIPPED") ran += 1;
  return ran;
}
