import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { unseal } from "@/lib/personal-data/sealed";
import { maskMobile } from "@/lib/validation/identity";
import { deliverOnce } from "@/lib/notifications/deliver-once";

// Text messages go out the way e-mail does: written to an outbox in the transaction that decides
// to send them, delivered by a job through one sender. The sender is chosen by SMS_PROVIDER.

export type SmsSender = { send(to: string, text: string): Promise<void> };

/** Demo, tests and development: the message goes to the server log (the number masked). */
export const logSmsSender: SmsSender = {
  async send(to, text) {
    logger.info("sms (log sender)", { to: maskMobile(to), text });
  },
};

/**
 * A gateway in front of the operator's SMS provider (Aliyun, Tencent Cloud, a carrier): each
 * message is POSTed as JSON {to, text} with the token as a bearer; any 2xx is delivery accepted.
 */
export function httpSmsSender(url: string, token: string | undefined, fetchImpl: typeof fetch = fetch): SmsSender {
  return {
    async send(to, text) {
      const response = await fetchImpl(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

export function configuredSmsSender(): SmsSender {
  if (env.SMS_PROVIDER === "http") {
    if (!env.SMS_HTTP_URL) throw new Error("SMS_PROVIDER=http needs SMS_HTTP_URL");
    return httpSmsSender(env.SMS_HTTP_URL, env.SMS_HTTP_TOKEN);
  }
  return logSmsSender;
}

/** Sends waiting messages, oldest first, each once across overlapping runs; a failed one keeps its error and is not retried blindly. */
export async function deliverSms(sender: SmsSender = configuredSmsSender()): Promise<number> {
  const waiting = await db.outboxSms.findMany({ where: { sentAt: null, error: null }, take: 100, orderBy: { createdAt: "asc" } });
  let sent = 0;
  for (const message of waiting) {
    const delivery = await deliverOnce("OutboxSms", message.id, () =>
      sender.send(unseal(message.toSealed, "OutboxSms.to"), unseal(message.bodySealed, "OutboxSms.body")));
    if (delivery.status === "SENT") sent += 1;
    if (delivery.status === "FAILED") logger.warn("sms not sent", { id: message.id, error: delivery.error });
  }
  return sent;
}
