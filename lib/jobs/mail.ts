import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/** Sends waiting outbox mail when SMTP is configured; without it the outbox page shows them. */
export async function deliverOutbox(smtpUrl: string | undefined = env.SMTP_URL): Promise<number> {
  if (!smtpUrl) return 0;
  const transport = nodemailer.createTransport(smtpUrl);
  const waiting = await db.outboxEmail.findMany({ where: { sentAt: null, error: null }, take: 100, orderBy: { createdAt: "asc" } });
  let sent = 0;
  for (const mail of waiting) {
    try {
      await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
      await db.outboxEmail.update({ where: { id: mail.id }, data: { sentAt: new Date() } });
      sent += 1;
    } catch (error) {
      logger.warn("mail not sent", { id: mail.id, error });
      await db.outboxEmail.update({ where: { id: mail.id }, data: { error: error instanceof Error ? error.message.slice(0, 500) : "unknown" } });
    }
  }
  return sent;
}
