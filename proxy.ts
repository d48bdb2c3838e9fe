import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { authWithRenewal } from "@/lib/auth/config";
import { readSessionToken, recentlyRenewed } from "@/lib/auth/session-token";
import { SECTION_ROLES } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { changesState, isSameOrigin } from "@/lib/http/origin";
import { bodyRefusal } from "@/lib/http/body-limits";
import { contentSecurityPolicy, hasSessionCookie, mayHoldSessionCookie, STRICT_TRANSPORT_SECURITY } from "@/lib/http/csp";

// A first filter, never the only one (every page, action and route authorises again on its own):
// - state-changing requests from another site, or without an Origin, are refused before any code
//   runs (the action gate and the upload route check again);
// - a form post larger than its purpose allows is refused before its body is read
//   (lib/http/body-limits.ts);
// - anonymous visitors of a signed-in section go to the sign-in page;
// - every page gets a Content-Security-Policy with a fresh nonce, which Next puts on its scripts.
// Auth.js runs only for requests that carry a session cookie (it keeps the idle clock of a live
// session up to date); anonymous visitors get no auth cookies and cost no session look-up. A
// cookie whose idle clock was renewed less than a minute ago is only decrypted here: the page
// re-reads the account anyway (lib/auth/actor.ts), so the proxy's look-up and re-encryption would
// repeat it. The idle clock then runs from the last renewal, up to a minute stricter, never looser.

function respond(req: NextRequest, signedIn: boolean): NextResponse {
  const section = req.nextUrl.pathname.split("/")[1] ?? "";
  if (!signedIn && section in SECTION_ROLES) {
    const login = new URL("/login", req.nextUrl);
    login.searchParams.set("next", req.nextUrl.pathname);
    return NextResponse.redirect(login);
  }
  if (section === "api") return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { development: env.NODE_ENV === "development" });
  // Next reads the nonce for its scripts from the request's policy header.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  if (env.NODE_ENV === "production") res.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return res;
}

// Auth.js's wrapper doubles as middleware (its types only name the route-handler form).
const withSession = authWithRenewal((req) => respond(req, !!req.auth)) as unknown as NextMiddleware;

export default async function proxy(req: NextRequest, event: NextFetchEvent) {
  if (changesState(req.method) && !isSameOrigin(req.headers, env.PUBLIC_ORIGIN)) {
    return NextResponse.json(
      { ok: false, message: "请求来源无效，请在本站页面操作。The request did not come from this portal's pages." },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  }
  const hasSession = mayHoldSessionCookie(req.headers.get("cookie")) && hasSessionCookie(req.cookies.getAll().map((c) => c.name));
  const tooLarge = bodyRefusal(req.method, req.nextUrl.pathname, req.headers, hasSession);
  if (tooLarge) {
    return NextResponse.json(
      { ok: false, message: `提交的内容过大或缺少长度（上限 ${Math.round(tooLarge.limit / 1024)} KB）。The request is too large for this form, or does not state its length.` },
      { status: tooLarge.status, headers: { "Cache-Control": "no-store" } },
    );
  }
  if (!hasSession) return respond(req, false);
  const token = await readSessionToken(req.cookies.getAll(), env.AUTH_SECRET ?? "");
  if (token && recentlyRenewed(token, Date.now())) return respond(req, true);
  return withSession(req, event);
}

// The files in public/ (robots.txt, .well-known/, the mark) are public to everyone: the proxy
// does not run for them, so no sign-in and no session look-up.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth|robots\\.txt|\\.well-known/|mark\\.svg|mark\\.png).*)"],
};
