import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, hasSessionCookie, mayHoldSessionCookie } from "@/lib/http/csp";

describe("the Content-Security-Policy of a page", () => {
  it("carries the request's nonce and the same directives every time", () => {
    expect(contentSecurityPolicy("abc+/=", { development: false })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc+/=' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
    const development = contentSecurityPolicy("n", { development: true });
    expect(development).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'; style-src");
    expect(contentSecurityPolicy("x", { development: false })).not.toContain("unsafe-eval");
  });

  it("tells a request that may hold a session from one that cannot without parsing cookies", () => {
    expect(mayHoldSessionCookie(null)).toBe(false);
    expect(mayHoldSessionCookie("NEXT_LOCALE=en; theme=x")).toBe(false);
    expect(mayHoldSessionCookie("a=1; __Secure-authjs.session-token.0=xyz")).toBe(true);
    expect(hasSessionCookie(["authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["authjs.session-token-x"])).toBe(false);
  });
});
