import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { deliverOnce } from "@/lib/notifications/deliver-once";

/** Sends waiting outbox mail when SMTP is configured; without it the outbox page shows them. */
export async function deliverOutbox(smtpUrl: string | undefined = env.SMTP_URL): Promise<number> {
  if (!smtpUrl) return 0;
  const transport = nodemailer.createTransport(smtpUrl);
  const waiting = await db.outboxEmail.findMany({ where: { sentAt: null, error: null }, take: 100, orderBy: { createdAt: "asc" } });
  let sent = 0;
  for (const mail of waiting) {
    // Each mail once, however many runs overlap (lib/notifications/deliver-once.ts).
    const delivery = await deliverOnce("OutboxEmail", mail.id, async () => {
      await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
    });
    if (delivery.status === "SENT") sent += 1;
    if (delivery.status === "FAILED") logger.warn("mail not sent", { id: mail.id, error: delivery.error });
  }
  return sent;
}
