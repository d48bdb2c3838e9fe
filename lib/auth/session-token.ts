// Not marked server-only: the proxy (a separate bundle) reads the session cookie through it.
import { decode, type JWT } from "next-auth/jwt";

// Auth.js's session cookie: plain on http, __Secure- on https; a large one is split into .0, .1 …
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** After this long, a request's session check renews the cookie (and so the idle clock). */
export const SESSION_REFRESH_MS = 60_000;

type Cookie = { name: string; value: string };

/** The session cookie's value (its chunks joined in order) and its name, which salts its key. */
export function sessionCookie(cookies: readonly Cookie[]): Cookie | null {
  for (const name of COOKIE_NAMES) {
    const whole = cookies.find((c) => c.name === name);
    if (whole) return whole;
    const chunks = cookies
      .map((c) => ({ at: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN, value: c.value }))
      .filter((c) => Number.isInteger(c.at))
      .sort((a, b) => a.at - b.at);
    if (chunks.length) return { name, value: chunks.map((c) => c.value).join("") };
  }
  return null;
}

/**
 * The session token the cookie carries, decrypted and its expiry checked; null when there is none
 * or it does not decrypt. Whether the session still stands is for the account to say
 * (`standingActor` in lib/auth/session-state.ts): a token alone proves only that this portal issued it.
 */
export async function readSessionToken(cookies: readonly Cookie[], secret: string): Promise<JWT | null> {
  const cookie = sessionCookie(cookies);
  if (!cookie) return null;
  try {
    return await decode({ token: cookie.value, secret, salt: cookie.name });
  } catch {
    return null;
  }
}

/** Whether the token's idle clock was renewed so recently that renewing it again would change nothing that matters. */
export const recentlyRenewed = (token: JWT, now: number): boolean =>
  typeof token.seen === "number" && now - token.seen >= 0 && now - token.seen < SESSION_REFRESH_MS;
