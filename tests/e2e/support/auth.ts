import { expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./accounts";

/** Signs in by typing into the login form. Only the login page's own tests should use this. */
export async function signIn(page: Page, identifier: string, password: string): Promise<void> {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.getByRole("textbox", { name: "手机号或电子邮箱", exact: true }).fill(identifier);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/**
 * Signs in through Auth.js's credentials callback with the context's request client, so the
 * session cookie lands in the browser context. Throws when no session results.
 */
export async function signInViaApi(
  context: BrowserContext,
  identifier: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  const request = context.request;
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok(), "GET /api/auth/csrf").toBeTruthy();
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, identifier, password, callbackUrl: "/start" },
    maxRedirects: 5,
  });
  expect(callback.status(), "credentials callback").toBeLessThan(500);
  const session = (await (await request.get("/api/auth/session")).json()) as { actor?: { role?: string } } | null;
  if (!session?.actor) throw new Error(`sign-in via the API failed for ${identifier} (ended on ${callback.url()})`);
}

/** Signs out through the header's button, as a user would. */
export async function signOutViaHeader(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
}

/** On the profile page: the applicant gives both consents (personal information, credit report). */
export async function giveConsents(page: Page): Promise<void> {
  for (const title of ["个人敏感信息处理同意书", "征信查询授权书"]) {
    const card = page.locator("section.card", { has: page.getByRole("heading", { name: title }) });
    await card.getByRole("checkbox").check();
    await card.getByRole("button", { name: "确认同意" }).click();
    await expect(card.getByText("已同意")).toBeVisible();
  }
}
