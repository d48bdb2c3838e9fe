import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BackgroundJobKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { words } from "@/lib/i18n/words";
import { jobScope } from "@/lib/background/scope";
import { dispatch } from "@/lib/background/services/queue-job";

/**
 * Queues a failed job of the actor's organisation again, with its stored input; the job then runs
 * as the actor (a colleague may take over the job of an account since disabled). `permission` is
 * what starting such a job needs. Another organisation's job is "not found"; a job that has not
 * failed (or that someone retried a moment ago) is a conflict.
 */
export async function retryJob(actor: Actor, input: { jobId: string; kind: BackgroundJobKind; permission: Permission }): Promise<void> {
  assertCan(actor, input.permission);
  const scope = jobScope(actor);
  if (!scope || !isUuid(input.jobId)) throw new AppError("NOT_FOUND");
  const where = { AND: [scope, { id: input.jobId, kind: input.kind }] };
  const retried = await db.backgroundJob.updateMany({
    where: { AND: [where, { status: "FAILED" }] },
    data: {
      status: "QUEUED", requestedById: actor.userId, errorKey: null, errorValues: Prisma.DbNull, result: Prisma.DbNull, doneCount: 0, totalCount: null,
      attempts: 0, queuedAt: new Date(), startedAt: null, heartbeatAt: null, finishedAt: null,
    },
  });
  if (retried.count !== 1) {
    if (!(await db.backgroundJob.count({ where }))) throw new AppError("NOT_FOUND");
    throw new AppError("CONFLICT", words("background.refusal.notFailed"));
  }
  await dispatch(input.jobId);
}
