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

/** A minimal SMTP server on loopback that keeps what it receives. */
async function smtpSink(): Promise<{ url: string; messages: string[]; close: () => Promise<void> }> {
  const { createServer } = await import("node:net");
  const messages: string[] = [];
  const server = createServer((socket) => {
    let data = false;
    let body = "";
    socket.write("220 sink ready\r\n");
    socket.on("data", (chunk) => {
      for (const line of chunk.toString("utf8").split("\r\n")) {
        if (data) {
          if (line === ".") {
            data = false;
            messages.push(body);
            body = "";
            socket.write("250 queued\r\n");
          } else body += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 sink\r\n");
        else if (verb === "MAIL" || verb === "RCPT" || verb === "RSET" || verb === "NOOP") socket.write("250 ok\r\n");
        else if (verb === "DATA") {
          data = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else if (line) socket.write("502 not implemented\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((r) => server.close(() => r())) };
}

describe("mail over SMTP", () => {
  it("sends waiting mail once and marks it sent", async () => {
    const sink = await smtpSink();
    try {
      // Other tests leave mail waiting in the shared database: count as sent what is there already.
      await db.outboxEmail.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
      const mail = await db.outboxEmail.create({ data: { to: "someone@example.cn", subject: "【暖·创贷】测试通知", body: "您的申请已提交" } });
      const sent = await deliverOutbox(sink.url);
      expect(sent).toBe(1);
      expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: mail.id } })).sentAt).not.toBeNull();
      expect(sink.messages.some((m) => m.includes("someone@example.cn"))).toBe(true);
      const count = sink.messages.length;
      await deliverOutbox(sink.url);
      expect(sink.messages.length).toBe(count);
    } finally {
      await sink.close();
    }
  });
});
