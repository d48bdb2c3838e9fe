import { describe, expect, it } from "vitest";
import { identifierKey, isThrottled, MAX_FAILURES, recordFailedSignIn, WINDOW_MS } from "@/lib/auth/sign-in-throttle";
import { db } from "../support/db";
import { makeMobile } from "../support/ids";

describe("sign-in throttling", () => {
  it("refuses an account after repeated failures within the window, and only that account", async () => {
    const mobile = makeMobile();
    const other = makeMobile();
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) await recordFailedSignIn(mobile, "password");
    expect(await isThrottled(mobile)).toBe(false);
    await recordFailedSignIn(mobile, "password");
    expect(await isThrottled(mobile)).toBe(true);
    expect(await isThrottled(` ${mobile} `)).toBe(true);
    expect(await isThrottled(other)).toBe(false);
    expect(await isThrottled(mobile, new Date(Date.now() + WINDOW_MS + 1000))).toBe(false);
  });

  it("logs the attempt under a hash, never the phone number itself", async () => {
    const mobile = makeMobile();
    await recordFailedSignIn(mobile, "password");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: identifierKey(mobile) }, orderBy: { id: "desc" } });
    expect(event.action).toBe("auth.sign_in_failed");
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain(mobile);
  });
});
