import { describe, expect, it } from "vitest";
import { deliverSms, type SmsSender } from "@/lib/notifications/sms";
import { seal } from "@/lib/personal-data/sealed";
import { db } from "../support/db";
import { makeMobile } from "../support/ids";

// Notifications leave the request through the outboxes (written in the transaction of the change)
// and a delivery job; runs that overlap (a slow run and the next minute's, or two app servers)
// send each message once.

async function waitingTexts(n: number): Promise<string[]> {
  // Other tests leave texts waiting in the shared database: count as sent what is there already.
  await db.outboxSms.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
  const mobiles = Array.from({ length: n }, () => makeMobile());
  for (const [i, mobile] of mobiles.entries()) {
    await db.outboxSms.create({ data: { toSealed: seal(mobile, "OutboxSms.to"), bodySealed: seal(`text ${i}`, "OutboxSms.body") } });
  }
  return mobiles;
}

describe("outbox delivery", () => {
  it("sends each waiting text once when two deliveries run at the same time", async () => {
    const mobiles = await waitingTexts(4);
    const sent: string[] = [];
    const slow: SmsSender = {
      async send(to) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        sent.push(to);
      },
    };
    const counts = await Promise.all([deliverSms(slow), deliverSms(slow)]);
    expect(counts[0] + counts[1]).toBe(4);
    expect(sent.sort()).toEqual([...mobiles].sort());
    expect(await db.outboxSms.count({ where: { sentAt: null } })).toBe(0);
    expect(await deliverSms(slow)).toBe(0);
    expect(sent).toHaveLength(4);
  });

  it("keeps a failed text's error and does not send it again blindly", async () => {
    await waitingTexts(1);
    let tries = 0;
    const refusing: SmsSender = {
      async send() {
        tries += 1;
        throw new Error("SMS gateway answered 503");
      },
    };
    expect(await deliverSms(refusing)).toBe(0);
    expect(await deliverSms(refusing)).toBe(0);
    expect(tries).toBe(1);
    expect((await db.outboxSms.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).error).toBe("SMS gateway answered 503");
  });
});
