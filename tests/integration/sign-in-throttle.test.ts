import { describe, expect, it } from "vitest";
import { clearFailedSignIns, identifierKey, isThrottled, LIMITS, recordFailedSignIn, WINDOW_MS } from "@/lib/auth/sign-in-throttle";
import { clientIpFrom } from "@/lib/auth/client-ip-from";
import { db, itOnPostgres, secondClient } from "../support/db";
import { makeMobile } from "../support/ids";

const GUESSER = "203.0.113.7";
const OWNER = "198.51.100.2";
const later = (ms: number) => new Date(Date.now() + ms);

describe("sign-in throttling", () => {
  it("stops the guessing address on an account, not the owner's, and the window runs out", async () => {
    const mobile = makeMobile();
    for (let i = 0; i < LIMITS.pair - 1; i += 1) await recordFailedSignIn(mobile, GUESSER);
    expect(await isThrottled(mobile, GUESSER)).toBe(false);
    await recordFailedSignIn(mobile, GUESSER);
    expect(await isThrottled(mobile, GUESSER)).toBe(true);
    expect(await isThrottled(` ${mobile.toUpperCase()} `, GUESSER)).toBe(true);
    // The owner, from their own address, is not locked out by someone else's guesses.
    expect(await isThrottled(mobile, OWNER)).toBe(false);
    expect(await isThrottled(makeMobile(), GUESSER)).toBe(false);
    // Refused attempts are not counted (the throttle never extends itself): after the window, in.
    expect(await isThrottled(mobile, GUESSER, later(WINDOW_MS + 1000))).toBe(false);
  });

  it("limits an account across addresses and an address across accounts, and a sign-in clears the pair", async () => {
    const mobile = makeMobile();
    for (let i = 0; i < LIMITS.account; i += 1) await recordFailedSignIn(mobile, `192.0.2.${i % 200}`);
    expect(await isThrottled(mobile, OWNER)).toBe(true);

    const spray = `198.18.0.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < LIMITS.address; i += 1) await recordFailedSignIn(makeMobile(), spray);
    expect(await isThrottled(makeMobile(), spray)).toBe(true);

    const other = makeMobile();
    for (let i = 0; i < LIMITS.pair; i += 1) await recordFailedSignIn(other, OWNER);
    await clearFailedSignIns(other, OWNER);
    expect(await isThrottled(other, OWNER)).toBe(false);
  });

  it("stores a keyed hash, never the phone number, and writes nothing to the audit log", async () => {
    const mobile = makeMobile();
    const audits = await db.auditEvent.count();
    await recordFailedSignIn(mobile, GUESSER);
    const rows = await db.signInThrottle.findMany({ where: { key: { contains: identifierKey(mobile) } } });
    expect(rows.length).toBe(2);
    expect(JSON.stringify(rows)).not.toContain(mobile);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  itOnPostgres("counts every failure when many arrive at once (one atomic statement each)", async () => {
    const mobile = makeMobile();
    const other = secondClient();
    try {
      // Two app servers' worth of concurrent failures.
      await Promise.all(Array.from({ length: 20 }, (_, i) => recordFailedSignIn(mobile, i % 2 ? GUESSER : OWNER)));
      const account = await other.signInThrottle.findUniqueOrThrow({ where: { key: `account:${identifierKey(mobile)}` } });
      expect(account.failures).toBe(20);
    } finally {
      await other.$disconnect();
    }
  });

  it("trusts only the address the nearest proxies appended", () => {
    expect(clientIpFrom("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIpFrom("6.6.6.6, 10.0.0.1, 203.0.113.7", 2)).toBe("10.0.0.1");
    expect(clientIpFrom("203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientIpFrom(null, 1)).toBeNull();
  });
});
