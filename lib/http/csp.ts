// The Content-Security-Policy of every page: scripts only with this response's nonce (and what
// they load, 'strict-dynamic'), never inline script from anywhere else; no plugins, no <base>, no
// framing. Styles may be inline (React's style attributes); everything else comes from the portal.

export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Two years, the preload list's minimum; only sent in production (behind HTTPS). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Auth.js's session cookie (plain on http, __Secure- on https; large ones are chunked .0, .1). */
export const hasSessionCookie = (names: readonly string[]): boolean =>
  names.some((n) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(n));
