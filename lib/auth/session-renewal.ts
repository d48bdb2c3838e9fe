// Not marked server-only: the proxy (a separate bundle) loads it through the auth config.
import type { JWT } from "next-auth/jwt";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { loadSessionState } from "@/lib/auth/session-state";
import { judgeSession } from "@/lib/auth/session-rules";

export type SessionLimits = Parameters<typeof judgeSession>[3];

/**
 * The session's token after this request looked at the account: renewed (the idle clock moves
 * on, the actor is the account as it is now), or null, which ends the session (revoked, idle,
 * expired, no account).
 *
 * When the account cannot be read because the database is unavailable (a restart, a failover),
 * the session neither ends nor renews. Auth.js deletes the cookie of a session whose check threw,
 * which would sign out everyone who made a request during a database restart. So the token keeps
 * what it had, marked `unverified` (the request is answered "try again": lib/auth/actor.ts), after
 * the limits that need no database still hold; the next request that reaches the database checks
 * the account again.
 */
export async function renewSessionToken(token: JWT, now: number, limits: SessionLimits, load = loadSessionState): Promise<JWT | null> {
  if (!token.uid) return null;
  let state: Awaited<ReturnType<typeof load>>;
  try {
    state = await load(token.uid);
  } catch (error) {
    if (!isDatabaseUnavailable(error) || !token.actor) throw error;
    const lastKnown = { actor: token.actor, sessionVersion: token.sv ?? Number.NaN };
    return judgeSession(token, lastKnown, now, limits) === "valid" ? { ...token, unverified: true } : null;
  }
  if (judgeSession(token, state, now, limits) !== "valid" || !state) return null;
  const renewed: JWT = { ...token, seen: now, actor: state.actor };
  delete renewed.unverified;
  return renewed;
}
