import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

export const SCREEN_DIR = path.join(process.cwd(), "test-results", "screens");

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

/**
 * Full-page screenshots of the current page at phone and desktop widths; returns, per width, how
 * far the page scrolls sideways (0 when nothing sticks out).
 */
export async function captureScreens(page: Page, name: string): Promise<Record<string, number>> {
  mkdirSync(SCREEN_DIR, { recursive: true });
  const overflow: Record<string, number> = {};
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    // Not "networkidle": Next's link prefetches can keep requests open indefinitely.
    await page.waitForLoadState("load");
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: path.join(SCREEN_DIR, `${name}-${label}.png`), fullPage: true });
    overflow[label] = await horizontalOverflow(page);
  }
  return overflow;
}

/** How far the page scrolls sideways (0 when nothing sticks out of the viewport). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
