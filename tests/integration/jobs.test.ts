import { describe, expect, it } from "vitest";
import PgBoss from "pg-boss";
import { sendDeadlineReminders } from "@/lib/jobs/reminders";
import { deliverOutbox } from "@/lib/jobs/mail";
import { JOBS } from "@/lib/jobs/scheduler";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { db, itOnPostgres } from "../support/db";
import { createApplicant, createReadyDraft, staffActor } from "../support/factories";

describe("scheduled jobs", () => {
  it("reminds the holding organisation's staff once per deadline", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const due = new Date(Date.now() + 3 * 3600_000);
    await db.loanApplication.update({ where: { id: draft.id }, data: { stageDueAt: due } });
    const reviewer = await staffActor("reviewer@center.demo");
    const before = await db.notification.count({ where: { userId: reviewer.userId, applicationId: draft.id } });
    expect(await sendDeadlineReminders()).toBeGreaterThanOrEqual(1);
    expect(await db.notification.count({ where: { userId: reviewer.userId, applicationId: draft.id } })).toBe(before + 1);
    await sendDeadlineReminders();
    expect(await db.notification.count({ where: { userId: reviewer.userId, applicationId: draft.id } })).toBe(before + 1);
    const guarantor = await staffActor("officer@guarantor.demo");
    expect(await db.notification.count({ where: { userId: guarantor.userId, applicationId: draft.id } })).toBe(0);
  });

  it("without SMTP, mail stays in the outbox", async () => {
    const waiting = await db.outboxEmail.count({ where: { sentAt: null } });
    expect(await deliverOutbox()).toBe(0);
    expect(await db.outboxEmail.count({ where: { sentAt: null } })).toBe(waiting);
  });

  itOnPostgres("pg-boss runs a queued job against this database", async () => {
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss_test" });
    await boss.start();
    try {
      const name = Object.keys(JOBS)[0]!;
      await boss.createQueue(name);
      await boss.schedule(name, JOBS["expire-returns"].cron, {}, { tz: "Asia/Shanghai" });
      expect((await boss.getSchedules()).map((s) => s.name)).toContain(name);
      const ran = new Promise<unknown>((resolve) => void boss.work(name, async ([job]) => resolve(job?.data)));
      await boss.send(name, { probe: 1 });
      await expect(ran).resolves.toEqual({ probe: 1 });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);
});
