import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import type { BackgroundJobKind } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { words, type WordValues } from "@/lib/i18n/words";
import { jobScope } from "@/lib/background/scope";
import type { BackgroundJobDto } from "@/lib/background/dto";

const SELECT = {
  id: true, kind: true, status: true, doneCount: true, totalCount: true, input: true, result: true,
  errorKey: true, errorValues: true, attempts: true, queuedAt: true, finishedAt: true,
} as const;

type Row = {
  id: string; kind: BackgroundJobKind; status: BackgroundJobDto["status"]; doneCount: number; totalCount: number | null; input: unknown;
  result: unknown; errorKey: string | null; errorValues: unknown; attempts: number; queuedAt: Date; finishedAt: Date | null;
};

const dtoOf = (r: Row): BackgroundJobDto => ({
  id: r.id, kind: r.kind, status: r.status, done: r.doneCount, total: r.totalCount, input: r.input, result: r.result,
  error: r.errorKey ? words(r.errorKey, (r.errorValues ?? undefined) as WordValues | undefined) : null,
  attempts: r.attempts, queuedAt: r.queuedAt, finishedAt: r.finishedAt,
});

/** One job of the actor's organisation, or null (another organisation's job, an applicant, a bad id). */
export async function backgroundJobFor(actor: Actor, id: string, kind?: BackgroundJobKind): Promise<BackgroundJobDto | null> {
  const scope = jobScope(actor);
  if (!scope || !isUuid(id)) return null;
  const row = await db.backgroundJob.findFirst({ where: { AND: [scope, { id }, kind ? { kind } : {}] }, select: SELECT });
  return row ? dtoOf(row) : null;
}

/** The organisation's latest jobs of one kind, newest first. */
export async function latestBackgroundJobs(actor: Actor, kind: BackgroundJobKind, take = 5, input?: { path: string[]; equals: string }): Promise<BackgroundJobDto[]> {
  const scope = jobScope(actor);
  if (!scope) return [];
  const rows = await db.backgroundJob.findMany({
    where: { AND: [scope, { kind }, input ? { input: { path: input.path, equals: input.equals } } : {}] },
    orderBy: { queuedAt: "desc" },
    take,
    select: SELECT,
  });
  return rows.map(dtoOf);
}
