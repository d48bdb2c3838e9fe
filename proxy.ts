import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/config";
import { SECTION_ROLES } from "@/lib/auth/roles";

// Only a convenience: anonymous visitors of a signed-in section go to the sign-in page.
// Every page, action and route authorises again on its own.
export default auth((req) => {
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
