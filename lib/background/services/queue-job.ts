import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BackgroundJobKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { startJob } from "@/lib/background/dispatch";

export type NewJob = { kind: BackgroundJobKind; organisationId: string; requestedById: string; input: Prisma.InputJsonObject };

/**
 * Records a job (QUEUED) and asks the queue to run it. The record is the promise: if the queue is
 * down or this server has no worker, the sweep runs the job later, so a request that stored its
 * input has lost nothing.
 */
export async function queueJob(job: NewJob): Promise<string> {
  const { id } = await db.backgroundJob.create({ data: job, select: { id: true } });
  await dispatch(id);
  return id;
}

export async function dispatch(jobId: string): Promise<void> {
  try {
    await startJob(jobId);
  } catch (error) {
    logger.warn("background job not sent to the queue; the sweep will run it", { jobId, error: String(error) });
  }
}
