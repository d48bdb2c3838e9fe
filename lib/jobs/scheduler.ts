import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { expireOverdueReturns } from "@/lib/applications/services/expire-returns";
import { sendDeadlineReminders } from "@/lib/jobs/reminders";
import { sendLoanReminders } from "@/lib/jobs/loan-reminders";
import { sendStandingReminders } from "@/lib/jobs/standing-reminders";
import { sendHotlineFollowUpReminders } from "@/lib/jobs/hotline-follow-ups";
import { deliverOutbox } from "@/lib/jobs/mail";
import { deliverSms } from "@/lib/notifications/sms";
import { runQueuedReadings, runReading } from "@/lib/ocr/services/run-reading";
import { setReadingStarter } from "@/lib/ocr/dispatch";
import { serveReadingQueue } from "@/lib/ocr/queue";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";
import { anchorChainHeads } from "@/lib/audit/services/anchor-chain-heads";
import { connectPostgres } from "@/lib/db/sql-executor";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { refreshStatistics } from "@/lib/stats/services/refresh-statistics";
import { computeStatisticsInProcess, serveStatisticsQueue } from "@/lib/stats/snapshot-queue";
import { runBackgroundJobsHere, runQueuedBackgroundJobs, serveBackgroundQueue } from "@/lib/jobs/background-jobs";

export const JOBS = {
  "expire-returns": { cron: "*/10 * * * *", run: () => expireOverdueReturns() },
  "deadline-reminders": { cron: "0 * * * *", run: (now?: Date) => sendDeadlineReminders(now) },
  "loan-reminders": { cron: "0 9 * * *", run: (now?: Date) => sendLoanReminders(now) },
  "standing-reminders": { cron: "0 9 * * *", run: (now?: Date) => sendStandingReminders(now) },
  "hotline-follow-ups": { cron: "0 8 * * *", run: (now?: Date) => sendHotlineFollowUpReminders(now) },
  "deliver-mail": { cron: "* * * * *", run: () => deliverOutbox() },
  "deliver-sms": { cron: "* * * * *", run: () => deliverSms() },
  // Licence readings no queue message started (or cut off mid-way); each upload queues its own.
  "read-documents": { cron: "* * * * *", run: () => runQueuedReadings() },
  // Ties the audit log's chains together (lib/audit/services/anchor-chain-heads.ts).
  "anchor-audit-chains": { cron: "* * * * *", run: () => anchorChainHeads() },
  // The statistics pages' snapshots: recomputed when the records moved on (lib/stats/services/refresh-statistics.ts).
  "refresh-statistics": { cron: "* * * * *", run: (now?: Date) => refreshStatistics(now) },
  // Statement imports and batch PDFs whose queue message was lost or cut off (lib/jobs/background-jobs.ts).
  "background-jobs": { cron: "* * * * *", run: () => runQueuedBackgroundJobs() },
} as const;


export type JobName = keyof typeof JOBS;

/**
 * On PostgreSQL the jobs run through pg-boss: its cron schedules live in the database, so with
 * several app servers each tick runs once. The embedded database (one process by definition) runs
 * them on a timer instead.
 */
export async function startScheduler(url: string | undefined = env.DATABASE_URL): Promise<() => Promise<void>> {
  if (!url) {
    const timer = setInterval(() => void runAll(), 10 * 60_000);
    timer.unref();
    setReadingStarter(async (readingId) => {
      setImmediate(() => void runReading(readingId).catch((error: unknown) => logger.error("licence reading failed", { readingId, error })));
    });
    const stopStatistics = computeStatisticsInProcess();
    const stopBackground = runBackgroundJobsHere();
    return async () => {
      clearInterval(timer);
      setReadingStarter(undefined);
      stopStatistics();
      stopBackground();
    };
  }
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: url, schema: "pgboss" });
  boss.on("error", (error) => logger.error("job queue error", { error }));
  const stopQueues = await oneServerAtATime(url, async () => {
    await boss.start();
    for (const [name, job] of Object.entries(JOBS)) {
      // A failed run is retried (three times, a minute apart, backing off); every reminder it sends
      // is claimed once, so a retry sends only what the failed run did not.
      await boss.createQueue(name, { name, retryLimit: 3, retryDelay: 60, retryBackoff: true });
      await boss.schedule(name, job.cron, {}, { tz: BEIJING_TIME_ZONE });
      await boss.work(name, async () => {
        const count = await job.run();
        if (count) logger.info("job done", { job: name, count });
      });
    }
    const stopStatistics = await serveStatisticsQueue(boss);
    const stopReadings = await serveReadingQueue(boss);
    const stopBackground = await serveBackgroundQueue(boss);
    return () => {
      stopStatistics();
      stopReadings();
      stopBackground();
    };
  }).catch(async (error: unknown) => {
    // A start cut short (the database went away half-way) leaves no half-started queue behind.
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  });
  return async () => {
    stopQueues();
    await boss.stop({ graceful: true });
  };
}

/**
 * Starts the job queue, trying again while the database cannot be reached (first after
 * `firstDelayMs`, then twice as long each time up to `maxDelayMs`): a server that came up during a
 * database restart or failover would otherwise serve pages and never run a job until restarted.
 * Any other failure is thrown.
 */
export async function startSchedulerWhenReachable(
  start: () => Promise<() => Promise<void>> = startScheduler,
  { firstDelayMs = 1000, maxDelayMs = 30_000 } = {},
): Promise<() => Promise<void>> {
  for (let delay = firstDelayMs; ; delay = Math.min(delay * 2, maxDelayMs)) {
    try {
      return await start();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      logger.warn("job queue waits for the database", { retryInMs: delay, error: String(error) });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * A queue pg-boss creates is a partition it attaches to its job table: two servers starting at
 * once on a database without the queues deadlock, and the loser would run no jobs. The servers
 * therefore start their queues one after the other, under a session lock on a connection of its own.
 */
async function oneServerAtATime<T>(url: string, work: () => Promise<T>): Promise<T> {
  const sql = await connectPostgres(url);
  try {
    await sql.query("SELECT pg_advisory_lock(hashtext('portal.job-queues'))");
    return await work();
  } finally {
    // Closing the session releases the lock.
    await sql.close();
  }
}

async function runAll(): Promise<void> {
  for (const [name, job] of Object.entries(JOBS)) {
    try {
      await job.run();
    } catch (error) {
      logger.error("job failed", { job: name, error });
    }
  }
}
