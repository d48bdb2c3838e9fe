import "server-only";
import type PgBoss from "pg-boss";
import { setReadingStarter } from "@/lib/ocr/dispatch";
import { runReading } from "@/lib/ocr/services/run-reading";

/** The queue of licence readings, one message per upload. */
export const READ_DOCUMENT = "read-document";

/**
 * Makes this server read licences from the pg-boss queue and send each new upload's reading
 * there. One reading at a time per server: each uses a core for about a second. No retry: a
 * reading that fails is an outcome (FAILED with a code); one cut off is the sweep's to queue again.
 */
export async function serveReadingQueue(boss: PgBoss): Promise<() => void> {
  await boss.createQueue(READ_DOCUMENT, { name: READ_DOCUMENT, retryLimit: 0 });
  await boss.work<{ readingId: string }>(READ_DOCUMENT, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await runReading(job.data.readingId);
  });
  setReadingStarter((readingId) => boss.send(READ_DOCUMENT, { readingId }));
  return () => setReadingStarter(undefined);
}
