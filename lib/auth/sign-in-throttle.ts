// Not marked server-only: Auth.js's authorize (which the proxy bundle loads) calls it.
import { createHmac } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

// Password guessing is slowed without handing anyone a lockout weapon:
// - only real failed password checks count; an attempt refused by the throttle does not, so a
//   window always runs out and the owner gets back in after it;
// - an account is limited per client address (the guesser's address is stopped, the owner's is
//   not), per account across addresses (a spread-out attack), and each address across accounts
//   (password spraying);
// - counters are single atomic statements (no read-then-write race under concurrency);
// - identifiers are stored as a keyed hash (HMAC), never as the phone number or e-mail.
// The answer stays the same generic "wrong account or password" either way.

export const WINDOW_MS = 15 * 60_000;
export const LIMITS = { pair: 5, account: 50, address: 50 } as const;

type Kind = keyof typeof LIMITS;

/** The identifier as it is stored: a keyed hash, so a leaked table does not list phone numbers. */
export const identifierKey = (identifier: string): string =>
  createHmac("sha256", `sign-in-throttle:${env.AUTH_SECRET ?? "development-only"}`).update(identifier.trim().toLowerCase()).digest("hex").slice(0, 32);

function keys(identifier: string, address: string | null): { kind: Kind; key: string }[] {
  const account = identifierKey(identifier);
  const out: { kind: Kind; key: string }[] = [{ kind: "account", key: `account:${account}` }];
  if (address) out.push({ kind: "pair", key: `pair:${account}:${address}` }, { kind: "address", key: `address:${address}` });
  return out;
}

/** Whether any counter for this attempt is at its limit within its window. */
export async function isThrottled(identifier: string, address: string | null, now: Date = new Date()): Promise<boolean> {
  const wanted = keys(identifier, address);
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: wanted.map((k) => k.key) }, windowStart: { gt: new Date(now.getTime() - WINDOW_MS) } },
  });
  return rows.some((r) => r.failures >= LIMITS[wanted.find((k) => k.key === r.key)!.kind]);
}

/** Counts one failed password check against every key, each in one atomic statement. */
export async function recordFailedSignIn(identifier: string, address: string | null, now: Date = new Date()): Promise<void> {
  const expired = new Date(now.getTime() - WINDOW_MS);
  for (const { key } of keys(identifier, address)) {
    await db.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "windowStart", "failures") VALUES (${key}, ${now}, 1)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" <= ${expired} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${expired} THEN ${now} ELSE "SignInThrottle"."windowStart" END`;
  }
}

/** A successful sign-in clears the account's counters from that address. */
export async function clearFailedSignIns(identifier: string, address: string | null): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys(identifier, address).filter((k) => k.kind === "pair").map((k) => k.key) } } });
}

/** An administrator's unlock: every failure counted against the account, from every address, is forgotten. */
export async function clearAccountThrottle(identifiers: readonly string[]): Promise<number> {
  const accounts = identifiers.map(identifierKey);
  const { count } = await db.signInThrottle.deleteMany({
    where: { OR: accounts.flatMap((a) => [{ key: `account:${a}` }, { key: { startsWith: `pair:${a}:` } }]) },
  });
  return count;
}
