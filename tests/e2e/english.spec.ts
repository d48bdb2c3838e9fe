import { mkdirSync } from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { DEMO_ACCOUNTS } from "./support/accounts";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import type { Role } from "@/lib/auth/roles";

// Every page in English: a reader who switched the language must find no Chinese in the words the
// portal itself writes (headings, labels, buttons, table headings, links of the navigation). What
// people and organisations are called stays as written: pages mark such names translate="no"; the
// language switch names the other language in that language (lang="zh-CN").
// Screenshots of every page land in test-results/english/ to be looked at.

const SHOTS = path.join(process.cwd(), "test-results", "english");
const CJK = /[\u3400-\u9fff]/;
const UI_WORDS = "h1, h2, h3, h4, label, button, th, legend, summary, dt, nav a, [role=tab], option[value='']";

const PUBLIC_PAGES = ["/", "/programme", "/login", "/register", "/forgot-password"];

// The pages of each role beyond its home: fixed ones, and the first case / item its lists link to.
const PAGES: Partial<Record<Role, { paths: string[]; follow?: RegExp[] }>> = {
  APPLICANT: { paths: ["/applicant/profile", "/applicant/inbox", "/applicant/enterprises/new", "/account"], follow: [/\/applicant\/applications\/[0-9a-f-]{36}$/, /\/applicant\/loans\/[0-9a-f-]{36}$/] },
  CENTER_REVIEWER: { paths: ["/center/inbox", "/center/loans", "/center/oversight", "/center/exceptions", "/center/stats", "/center/subsidies", "/center/union-standing", "/center/union-founding"], follow: [/\/center\/cases\/[0-9a-f-]{36}$/, /\/center\/subsidies\/[0-9a-f-]{36}$/] },
  CENTER_APPROVER: { paths: ["/center/history"] },
  GUARANTOR_OFFICER: { paths: ["/guarantor/inbox", "/guarantor/loans"], follow: [/\/guarantor\/cases\/[0-9a-f-]{36}$/] },
  BANK_OFFICER: { paths: ["/bank/inbox", "/bank/loans", "/bank/statements"], follow: [/\/bank\/cases\/[0-9a-f-]{36}$/] },
  DISTRICT_AGENT: { paths: ["/agent/inbox", "/agent/intake", "/agent/union-standing", "/agent/union-founding"], follow: [/\/agent\/(cases|intake)\/[0-9a-f-]{36}$/] },
  // The demo holds no calls yet: the call pages are walked by hotline.spec.ts.
  HOTLINE_OPERATOR: { paths: ["/hotline/inbox"] },
  PROGRAM_ADMIN: { paths: ["/admin/calendar", "/admin/consents", "/admin/lpr", "/admin/outbox", "/admin/policy", "/admin/reference", "/admin/routing"], follow: [/\/admin\/organisations\/[0-9a-f-]{36}$/] },
  AUDITOR: { paths: ["/audit/config", "/audit/stats"] },
};

/** The portal's own words on the page that are Chinese (names marked translate="no" left out). */
async function chineseUiWords(page: Page): Promise<string[]> {
  const texts = await page.locator(UI_WORDS).evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      const foreign = "[translate=no], [lang]:not([lang=en])";
      copy.querySelectorAll(foreign).forEach((name) => name.remove());
      return copy.matches(foreign) || element.parentElement?.closest(foreign) ? "" : (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );
  return [...new Set(texts.filter((text) => CJK.test(text)))];
}

async function visit(page: Page, where: string, shot: string): Promise<string[]> {
  const answer = await page.goto(where);
  expect(answer?.status(), where).toBeLessThan(400);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
  return (await chineseUiWords(page)).map((text) => `${where}: ${text}`);
}

const slug = (where: string) => where.replace(/[0-9a-f-]{36}/g, "id").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";

test.describe("the portal in English", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: LOCALE_COOKIE, value: "en", url: baseURL! }]);
  });

  test("public pages", async ({ page }) => {
    const found: string[] = [];
    for (const where of PUBLIC_PAGES) found.push(...(await visit(page, where, `public-${slug(where)}`)));
    expect(found).toEqual([]);
  });

  for (const account of DEMO_ACCOUNTS.filter((a) => PAGES[a.role])) {
    const plan = PAGES[account.role]!;
    test(`${account.role}: every page of the section`, async ({ page, context }) => {
      test.setTimeout(180_000);
      await signInViaApi(context, account.identifier);
      const found = await visit(page, account.home, `${account.role}-home`);
      const links = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
      for (const where of plan.paths) found.push(...(await visit(page, where, `${account.role}-${slug(where)}`)));
      for (const pattern of plan.follow ?? []) {
        let target = links.find((href) => pattern.test(href));
        if (!target) {
          // Not on the home page: look on the fixed pages of the section.
          for (const where of plan.paths) {
            await page.goto(where);
            const hrefs = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
            target = hrefs.find((href) => pattern.test(href));
            if (target) break;
          }
        }
        expect(target, `a link matching ${pattern} in ${account.role}'s section`).toBeTruthy();
        found.push(...(await visit(page, target!, `${account.role}-${slug(target!)}`)));
      }
      expect(found).toEqual([]);
    });
  }
});
