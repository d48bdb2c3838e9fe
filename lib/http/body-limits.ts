// How large a state-changing request to a page (a server action) may be, by purpose, checked in
// the proxy before Next reads the body: a visitor who is not signed in only ever sends short forms
// (sign-in, registration, a reset); signed-in forms carry text; only the pages that import a
// spreadsheet get the upload limit (next.config's bodySizeLimit). Document uploads go to their
// own route (/api/applications/[id]/documents), which applies its own limits.

export const BODY_LIMITS = { anonymous: 64 * 1024, signedIn: 1024 * 1024, upload: 12 * 1024 * 1024 } as const;

/** Pages whose forms upload a file to a server action. */
export const UPLOAD_PAGES: readonly RegExp[] = [/^\/bank\/statements$/, /^\/(agent|center)\/union-standing$/, /^\/center\/history$/, /^\/admin\/calendar$/];

export function bodyLimitFor(pathname: string, signedIn: boolean): number {
  if (!signedIn) return BODY_LIMITS.anonymous;
  return UPLOAD_PAGES.some((page) => page.test(pathname)) ? BODY_LIMITS.upload : BODY_LIMITS.signedIn;
}

export type BodyRefusal = { status: 411 | 413; limit: number };

/**
 * Whether a state-changing request to a page breaks its limit: too large by its Content-Length
 * (413), or without one (411: a streamed body could not be judged before it is read).
 */
export function bodyRefusal(method: string, pathname: string, headers: Headers, signedIn: boolean): BodyRefusal | null {
  if (method.toUpperCase() !== "POST" || pathname.startsWith("/api/")) return null;
  const limit = bodyLimitFor(pathname, signedIn);
  const declared = headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared)) return { status: 411, limit };
  return Number(declared) > limit ? { status: 413, limit } : null;
}
