import { signInViaApi } from "./support/auth";
import { expect, test } from "./support/test";

// The static files in public/ are served to anyone, signed in or not, with their own types; the
// site header shows the programme's mark from there under the page's Content-Security-Policy.

const TEXT_FILES = [
  { path: "/robots.txt", holds: [/^User-agent: \*$/m, /^Disallow: \/applicant$/m, /^Disallow: \/admin$/m, /^Disallow: \/api$/m] },
  { path: "/.well-known/security.txt", holds: [/^Contact: mailto:security@/m, /^Expires: \d{4}-\d{2}-\d{2}T/m, /^Preferred-Languages: zh, en$/m, /^Canonical: https:\/\//m] },
];

test("robots.txt and security.txt are plain text to an anonymous visitor, no redirect to the sign-in page", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const file of TEXT_FILES) {
    const res = await anonymous.get(file.path, { maxRedirects: 0 });
    expect(res.status(), file.path).toBe(200);
    expect(res.headers()["content-type"], file.path).toMatch(/^text\/plain/);
    const body = await res.text();
    for (const line of file.holds) expect(body, file.path).toMatch(line);
  }
  const expires = /^Expires: (.+)$/m.exec(await (await anonymous.get("/.well-known/security.txt")).text())![1]!;
  expect(Date.parse(expires)).toBeGreaterThan(Date.now());
  const mark = await anonymous.get("/mark.svg", { maxRedirects: 0 });
  expect([mark.status(), mark.headers()["content-type"]]).toEqual([200, "image/svg+xml"]);
  expect((await anonymous.get("/mark.png", { maxRedirects: 0 })).headers()["content-type"]).toBe("image/png");
  expect((await anonymous.storageState()).cookies.filter((c) => c.name.includes("authjs"))).toEqual([]);
  await anonymous.dispose();
});

test("the header shows the mark on public and signed-in pages, allowed by the page's policy", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
  for (const path of ["/", "/login"]) {
    await page.goto(path);
    const mark = page.locator("header .brand img.brand__mark");
    await expect(mark).toHaveAttribute("src", "/mark.svg");
    await expect.poll(() => mark.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
  await signInViaApi(page.context(), "reviewer@center.demo");
  const signedIn = await page.request.get("/robots.txt", { maxRedirects: 0 });
  expect(signedIn.status()).toBe(200);
  await page.goto("/center");
  await expect.poll(() => page.locator("header .brand img.brand__mark").evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
  expect(refused).toEqual([]);
});
