import { DEMO_ACCOUNTS } from "./support/accounts";
import { signInViaApi } from "./support/auth";
import { expect, test, type APIRequestContext } from "./support/test";

// A sweep of the security headers on every kind of page, anonymous and signed in as each role.

const PUBLIC_PAGES = ["/", "/login", "/register"];

async function expectSecurityHeaders(request: APIRequestContext, path: string): Promise<string> {
  const res = await request.get(path, { maxRedirects: 0 });
  expect(res.status(), path).toBe(200);
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `${path}: a script nonce`).toBeTruthy();
  for (const directive of ["'strict-dynamic'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, path).toContain(directive);
  expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(h["strict-transport-security"], path).toMatch(/max-age=\d{8,}/);
  expect(h["x-content-type-options"], path).toBe("nosniff");
  // Next's own scripts carry this response's nonce.
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("public pages: a fresh nonce each time, the full policy, HSTS, and no auth cookies for anonymous visitors", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of PUBLIC_PAGES) {
    const first = await expectSecurityHeaders(anonymous, path);
    expect(await expectSecurityHeaders(anonymous, path)).not.toBe(first);
  }
  expect((await anonymous.storageState()).cookies.filter((c) => c.name.includes("authjs"))).toEqual([]);
  await anonymous.dispose();
});

test("every role's pages carry the same headers", async ({ browser }) => {
  for (const account of DEMO_ACCOUNTS) {
    const context = await browser.newContext();
    await signInViaApi(context, account.identifier);
    await expectSecurityHeaders(context.request, account.home);
    await context.close();
  }
});
