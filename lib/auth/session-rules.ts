import { idleMinutesFor, type Actor } from "@/lib/auth/roles";

export type SessionVerdict = "valid" | "revoked" | "idle" | "expired";

/**
 * Whether a session token still stands against the account as it is now: the account must
 * exist, its session version must match the token's (bumping it revokes every session), the
 * session must not be older than its absolute lifetime, and not idle longer than the role allows.
 */
export function judgeSession(
  token: { sv?: number; seen?: number; started?: number },
  state: { actor: Actor; sessionVersion: number } | null,
  now: number,
  limits: { applicant: number; staff: number; maxHours: number },
): SessionVerdict {
  if (!state || state.sessionVersion !== token.sv) return "revoked";
  if (now - (token.started ?? 0) > limits.maxHours * 3600_000) return "expired";
  const idleMs = idleMinutesFor(state.actor.kind, limits) * 60_000;
  return now - (token.seen ?? 0) > idleMs ? "idle" : "valid";
}
