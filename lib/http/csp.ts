// The Content-Security-Policy of every page: scripts only with this response's nonce (and what
// they load, 'strict-dynamic'), never inline script from anywhere else; no plugins, no <base>, no
// framing. Styles may be inline (React's style attributes); everything else comes from the portal.

// The policy around the nonce is the same on every request: it is joined once, and a request only
// puts its nonce between the two halves.
const AFTER_NONCE = [
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
const BEFORE_NONCE = "default-src 'self'; script-src 'self' 'nonce-";
const CLOSE = { production: `' 'strict-dynamic'; ${AFTER_NONCE}`, development: `' 'strict-dynamic' 'unsafe-eval'; ${AFTER_NONCE}` };

export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return BEFORE_NONCE + nonce + (options.development ? CLOSE.development : CLOSE.production);
}

/** Two years, the preload list's minimum; only sent in production (behind HTTPS). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Auth.js's session cookie (plain on http, __Secure- on https; large ones are chunked .0, .1). */
export const hasSessionCookie = (names: readonly string[]): boolean =>
  names.some((n) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(n));

/**
 * Whether a request's Cookie header may hold a session cookie: a request without one (every
 * anonymous visitor's) is told apart without parsing its cookies.
 */
export const mayHoldSessionCookie = (cookieHeader: string | null): boolean =>
  cookieHeader !== null && cookieHeader.includes("authjs.session-token");
