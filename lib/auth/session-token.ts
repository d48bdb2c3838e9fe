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
  const key = `${secret}\n${cookie.name}\n${cookie.value}`;
  const known = decoded.get(key);
  if (known && typeof known.exp === "number" && known.exp * 1000 > Date.now()) return known;
  decoded.delete(key);
  try {
    const token = await decode({ token: cookie.value, secret, salt: cookie.name });
    if (token) remember(key, Object.freeze(token));
    return token;
  } catch {
    return null;
  }
}

// Decrypting a cookie derives its key (HKDF) and checks it, about 2 ms of a request's CPU, and a
// browser sends the same cookie for a minute at a time: the result is kept, keyed by the whole
// encrypted value (nothing else decrypts to it), until the token expires, for a bounded number
// of cookies. It holds nothing a request could change: whether the session still stands is
// judged against the account on every request all the same.
const decoded = new Map<string, JWT>();
const DECODED_MAX = 2000;

function remember(key: string, token: JWT): void {
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, token);
}

/** Whether the token's idle clock was renewed so recently that renewing it again would change nothing that matters. */
export const recentlyRenewed = (token: JWT, now: number): boolean =>
  typeof token.seen === "number" && now - token.seen >= 0 && now - token.seen < SESSION_REFRESH_MS;
