// First-load JavaScript of a route as a phone-sized Chromium fetches it: the bytes of every script
// response as they crossed the wire (gzip from `next start`), summed per route.
import { chromium } from "@playwright/test";

export type FirstLoadRow = { label: string; path: string; scripts: number; kB: number };

/** `cookie` is a Cookie header (a signed-in session) or undefined for a visitor. */
export async function firstLoadJs(base: string, routes: readonly { label: string; path: string; cookie?: string }[]): Promise<FirstLoadRow[]> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const rows: FirstLoadRow[] = [];
    for (const route of routes) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: route.cookie ? { cookie: route.cookie } : {} });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on("requestfinished", (request) => {
        if (request.resourceType() === "script") sizes.push(request.sizes().then((s) => s.responseBodySize));
      });
      const answer = await page.goto(`${base}${route.path}`, { waitUntil: "load" });
      if (!answer?.ok()) throw new Error(`${route.path} answered ${answer?.status()}`);
      const bytes = (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
      rows.push({ label: route.label, path: route.path, scripts: sizes.length, kB: bytes / 1024 });
      await context.close();
    }
    return rows;
  } finally {
    await browser.close();
  }
}
