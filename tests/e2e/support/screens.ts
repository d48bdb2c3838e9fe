import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

export const SCREEN_DIR = path.join(process.cwd(), "test-results", "screens");

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

/** Full-page screenshots of the current page at phone and desktop widths. */
export async function captureScreens(page: Page, name: string): Promise<void> {
  mkdirSync(SCREEN_DIR, { recursive: true });
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(SCREEN_DIR, `${name}-${label}.png`), fullPage: true });
  }
}

/** Elements wider than the viewport (horizontal overflow), as "tag.class" strings. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && getComputedStyle(el).position !== "fixed") {
        out.push(`${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""}`);
      }
    }
    return out;
  });
}
