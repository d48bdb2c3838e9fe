// Not marked server-only: the proxy (a separate bundle) loads it through the auth config.
import type { JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/ids";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { loadSessionState } from "@/lib/auth/session-state";
import { judgeSession } from "@/lib/auth/session-rules";
import type { Actor } from "@/lib/auth/roles";

export type SessionLimits = Parameters<typeof judgeSession>[3];

export const sessionLimits = (): SessionLimits => ({ applicant: env.APPLICANT_IDLE_MINUTES, staff: env.STAFF_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS });

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
export async function renewSessionToken(token: JWT, now: number, limits: SessionLimits = sessionLimits(), load = loadSessionState): Promise<JWT | null> {
  if (!token.uid || !isUuid(token.uid)) return null;
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

/**
 * The actor whose session token this is, if the session still stands against the account as it
 * is now (lib/auth/session-rules.ts); null when it does not or cannot be checked now.
 */
export async function standingActor(token: JWT, now: number): Promise<Actor | null> {
  const renewed = await renewSessionToken(token, now);
  return renewed && !renewed.unverified ? (renewed.actor ?? null) : null;
}
