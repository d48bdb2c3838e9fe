// A signed-in browser's cookies: every answer's Set-Cookie is kept, as a browser keeps it, so a
// session the server ends (its cookie deleted) stays ended for the requests after it.

export type BrowserSession = { account: string; header(): string; keep(res: Response): void; ended(): boolean };

/** `cookieHeader` is what signing in left (`name=value; name=value`). */
export function browserSession(account: string, cookieHeader: string): BrowserSession {
  const jar = new Map<string, string>();
  for (const pair of cookieHeader.split("; ")) {
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return {
    account,
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    keep: (res) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
        const at = pair.indexOf("=");
        const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
        const gone = value === "" || attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()));
        if (gone) jar.delete(name);
        else jar.set(name, value);
      }
    },
    ended: () => ![...jar.keys()].some((k) => k.includes("session-token")),
  };
}
