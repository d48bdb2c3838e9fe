import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { logger } from "@/lib/logger";
import { seal } from "@/lib/personal-data/sealed";
import { databaseStorage, type ObjectStorage } from "@/lib/storage/storage";
import { LICENCE_FIELDS, type LicenceReading } from "@/lib/ocr/licence-fields";
import type { ReadingFailureCode, ReadingNotice, ReadingProposals } from "@/lib/ocr/dto";

export type ReadImage = (bytes: Uint8Array, mimeType: string, progress: (percent: number) => Promise<void>) => Promise<LicenceReading>;
type Options = { storage?: ObjectStorage; read?: ReadImage; now?: () => Date };

// A reading left RUNNING this long was cut off (the process stopped): the sweep queues it again.
export const STALE_AFTER_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 3;

/**
 * Reads one queued licence. Claimed by compare-and-set (QUEUED → RUNNING), so a job delivered
 * twice, or the sweep and the queue at once, read it once. The outcome and its audit event commit
 * together; a failure is an outcome (FAILED with a code), never an exception for the caller.
 */
export async function runReading(readingId: string, options: Options = {}): Promise<"DONE" | "FAILED" | "SKIPPED"> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const claimed = await db.documentReading.updateMany({
    where: { id: readingId, status: "QUEUED" },
    data: { status: "RUNNING", startedAt, progress: 5, attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) return "SKIPPED";
  const reading = await db.documentReading.findUniqueOrThrow({
    where: { id: readingId },
    select: { document: { select: { id: true, applicationId: true, storageKey: true, mimeType: true, kind: true } } },
  });
  const doc = reading.document;
  const read = options.read ?? (await import("@/lib/ocr/engine")).readLicenceImage;
  let outcome: { proposals: ReadingProposals } | { failure: ReadingFailureCode };
  try {
    const bytes = await (options.storage ?? databaseStorage).get(doc.storageKey);
    if (!bytes) outcome = { failure: "FILE_MISSING" };
    else {
      const result = await read(bytes, doc.mimeType, async (progress) => {
        await db.documentReading.updateMany({ where: { id: readingId, status: "RUNNING" }, data: { progress } });
      });
      outcome = { proposals: proposalsOf(result) };
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const known = code === "IMAGE_UNREADABLE" || code === "UNSUPPORTED_FORMAT" || code === "NOT_A_LICENCE";
    if (!known) logger.error("licence reading failed", { readingId, error });
    outcome = { failure: known ? code : "ENGINE_ERROR" };
  }
  const finishedAt = now();
  const status = "proposals" in outcome ? "DONE" : "FAILED";
  await db.$transaction(async (tx) => {
    await tx.documentReading.update({
      where: { id: readingId },
      data: {
        status, progress: 100, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime(),
        proposalsSealed: "proposals" in outcome ? seal(JSON.stringify(outcome.proposals), "DocumentReading.proposals") : null,
        failureCode: "failure" in outcome ? outcome.failure : null,
      },
    });
    await appendAudit(tx, {
      actorId: null,
      applicationId: doc.applicationId,
      entityType: "Document",
      entityId: doc.id,
      action: "document.read",
      // Which fields were proposed, never their values (personal data).
      data: "proposals" in outcome
        ? { status, fields: Object.keys(outcome.proposals.fields), notices: outcome.proposals.notices }
        : { status, failureCode: outcome.failure },
    });
  });
  return status;
}

function proposalsOf(reading: LicenceReading): ReadingProposals {
  const notices: ReadingNotice[] = [];
  if (!reading.fields.creditCode && reading.creditCodeUnchecked) notices.push("CREDIT_CODE_CHECK_FAILED");
  if (LICENCE_FIELDS.some((f) => !reading.fields[f])) notices.push("FIELDS_MISSING");
  return { fields: reading.fields, notices };
}

/**
 * The sweep: readings nobody started (embedded database, a lost queue message) and readings cut
 * off mid-way (queued again while attempts remain, else FAILED) are run here, oldest first.
 */
export async function runQueuedReadings(options: Options = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const stale = new Date(now().getTime() - STALE_AFTER_MS);
  await db.documentReading.updateMany({
    where: { status: "RUNNING", startedAt: { lt: stale }, attempts: { lt: MAX_ATTEMPTS } },
    data: { status: "QUEUED", progress: 0 },
  });
  await db.documentReading.updateMany({
    where: { status: "RUNNING", startedAt: { lt: stale }, attempts: { gte: MAX_ATTEMPTS } },
    data: { status: "FAILED", failureCode: "ENGINE_ERROR", progress: 100, finishedAt: now() },
  });
  const queued = await db.documentReading.findMany({ where: { status: "QUEUED" }, orderBy: { queuedAt: "asc" }, take: 20, select: { id: true } });
  let done = 0;
  for (const { id } of queued) if ((await runReading(id, options)) !== "SKIPPED") done += 1;
  return done;
}
