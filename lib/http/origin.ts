// Cross-site requests that change state are refused: a browser names the page that sent a POST
// in its Origin header, and that must be this portal. A request without Origin is refused too
// (every browser this portal supports sends it on a POST; a script that leaves it out gains
// nothing). X-Forwarded-Host is never trusted: any client can write it.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const changesState = (method: string): boolean => !SAFE_METHODS.has(method.toUpperCase());

/** The origin a request must come from: the configured public origin, else its own Host. */
export function isSameOrigin(headers: Headers, publicOrigin: string | undefined): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  if (publicOrigin) return from.origin === new URL(publicOrigin).origin;
  return from.host === headers.get("host");
}
