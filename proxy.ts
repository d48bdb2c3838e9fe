import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/config";
import { SECTION_ROLES } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { changesState, isSameOrigin } from "@/lib/http/origin";

// A convenience and a first filter, never the only one: anonymous visitors of a signed-in section
// go to the sign-in page, and state-changing requests from another site (or with no Origin) are
// refused before any code runs. Every page, action and route authorises again on its own, and
// the action gate and the upload route check the origin again.
export default auth((req) => {
  if (changesState(req.method) && !isSameOrigin(req.headers, env.PUBLIC_ORIGIN)) {
    return NextResponse.json(
      { ok: false, message: "请求来源无效，请在本站页面操作。The request did not come from this portal's pages." },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  }
  const section = req.nextUrl.pathname.split("/")[1] ?? "";
  if (!req.auth && section in SECTION_ROLES) {
    const login = new URL("/login", req.nextUrl);
    login.searchParams.set("next", req.nextUrl.pathname);
    return NextResponse.redirect(login);
  }
  return undefined;
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth).*)"],
};
