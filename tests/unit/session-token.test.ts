import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { readSessionToken, recentlyRenewed, sessionCookie, SESSION_REFRESH_MS } from "@/lib/auth/session-token";

const SECRET = "a-test-secret-that-is-long-enough-for-auth-js-0123456789";
const NAME = "authjs.session-token";

describe("the session cookie as pages and the proxy read it", () => {
  it("decrypts the token Auth.js wrote, under the cookie's name as salt", async () => {
    const value = await encode({ token: { uid: "u1", sv: 3, seen: 1000 }, secret: SECRET, salt: NAME });
    expect(await readSessionToken([{ name: NAME, value }], SECRET)).toMatchObject({ uid: "u1", sv: 3, seen: 1000 });
  });

  it("joins a chunked cookie in the order of its numbers, and prefers the __Secure- name", async () => {
    const value = await encode({ token: { uid: "u2" }, secret: SECRET, salt: `__Secure-${NAME}` });
    const chunks = [{ name: `__Secure-${NAME}.1`, value: value.slice(100) }, { name: `__Secure-${NAME}.0`, value: value.slice(0, 100) }];
    expect(sessionCookie([{ name: NAME, value: "other" }, ...chunks])).toEqual({ name: `__Secure-${NAME}`, value });
    expect(await readSessionToken(chunks, SECRET)).toMatchObject({ uid: "u2" });
  });

  it("answers null for no cookie, another secret, another name's salt, an expired token or garbage", async () => {
    const value = await encode({ token: { uid: "u3" }, secret: SECRET, salt: NAME });
    expect(await readSessionToken([], SECRET)).toBeNull();
    expect(await readSessionToken([{ name: NAME, value }], `${SECRET}x`)).toBeNull();
    expect(await readSessionToken([{ name: `__Secure-${NAME}`, value }], SECRET)).toBeNull();
    const expired = await encode({ token: { uid: "u3" }, secret: SECRET, salt: NAME, maxAge: -60 });
    expect(await readSessionToken([{ name: NAME, value: expired }], SECRET)).toBeNull();
    expect(await readSessionToken([{ name: NAME, value: "not-a-token" }], SECRET)).toBeNull();
  });

  it("decrypts a cookie once: the same cookie again gives the kept token, another secret still nothing", async () => {
    const value = await encode({ token: { uid: "u4" }, secret: SECRET, salt: NAME });
    const first = await readSessionToken([{ name: NAME, value }], SECRET);
    expect(first).toMatchObject({ uid: "u4" });
    expect(await readSessionToken([{ name: NAME, value }], SECRET)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await readSessionToken([{ name: NAME, value }], `${SECRET}x`)).toBeNull();
  });

  it("counts a token as recently renewed for less than the refresh interval, and never one from the future", () => {
    const now = 10_000_000;
    expect(recentlyRenewed({ seen: now - SESSION_REFRESH_MS + 1 }, now)).toBe(true);
    expect(recentlyRenewed({ seen: now - SESSION_REFRESH_MS }, now)).toBe(false);
    expect(recentlyRenewed({ seen: now + 1 }, now)).toBe(false);
    expect(recentlyRenewed({}, now)).toBe(false);
  });
});
