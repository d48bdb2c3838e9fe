import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext, type Browser } from "./support/test";
import { DEMO_PASSWORD, demoAccount } from "./support/accounts";
import { signInViaApi, signOutViaHeader } from "./support/auth";
import { queryE2e } from "./support/db";
import { createApplicant, createCentreStaff } from "./support/factories";
import { serverActionModules } from "../support/server-actions";

// Attacks over real HTTP against `next start`: every server action in the production build,
// called from another site, without an Origin, and by a signed-in account outside its audience;
// a session cookie replayed after signing out.

type BuiltAction = { id: string; filename: string; exportedName: string; pages: string[] };

/** The actions Next compiled into this build (its server-reference manifest). */
function builtActions(): BuiltAction[] {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({ id, filename: a.filename, exportedName: a.exportedName, pages: Object.keys(a.workers) }));
}

/** A URL of a page whose bundle holds the action: route groups dropped, dynamic segments filled. */
const pageUrl = (worker: string): string =>
  worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, randomUUID()) || "/";

/** A server-action call as React's client makes it: the arguments (state, FormData) encoded as a reply. */
function callAction(request: APIRequestContext, action: BuiltAction, origin: string | null) {
  return request.post(pageUrl(action.pages[0]!), {
    headers: { "Next-Action": action.id, Accept: "text/x-component", ...(origin ? { Origin: origin } : {}) },
    multipart: { "0": JSON.stringify([{ status: "idle" }, "$K1"]), "1_applicationId": randomUUID() },
    maxRedirects: 0,
  });
}

const exportsOf = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/^export (?:const|async function|function) (\w+)/gm)].map((m) => m[1]!);

test.describe("server actions in the build", () => {
  const actions = builtActions();

  test("the build holds exactly the actions of the source's \"use server\" modules (the integration matrix covers each)", () => {
    const built = actions.map((a) => `${a.filename}#${a.exportedName}`).sort();
    const source = serverActionModules()
      .flatMap((file) => exportsOf(file).map((name) => `${path.relative(process.cwd(), file)}#${name}`))
      .sort();
    expect(built).toEqual(source);
    expect(built.length).toBeGreaterThan(30);
  });

  test("every action refuses a request from another site or without an Origin, with 403", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    for (const action of actions) {
      for (const origin of [null, "https://evil.example"]) {
        const res = await callAction(request, action, origin);
        expect(res.status(), `${action.exportedName} with Origin ${origin}`).toBe(403);
        expect(await res.text()).toContain("请求来源无效");
      }
    }
    // A client-written X-Forwarded-Host does not make a foreign origin this portal's.
    const spoofed = await request.post("/", {
      headers: { "Next-Action": actions[0]!.id, Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
      multipart: { "0": "[]" },
    });
    expect(spoofed.status()).toBe(403);
    await request.dispose();
  });

  test("a signed-in account outside an action's audience is told 'not found', and nothing is written", async ({ browser, baseURL }) => {
    const staff = await browser.newContext();
    await signInViaApi(staff, demoAccount("AUDITOR").identifier);
    const applicant = await browser.newContext();
    await signInViaApi(applicant, demoAccount("APPLICANT").identifier);
    const auditBefore = await queryE2e<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent"`);

    let checked = 0;
    for (const action of actions) {
      if (/^lib\/(auth|i18n)\//.test(action.filename)) continue; // public: sign-in, registration, language
      if (action.filename === "lib/notifications/actions.ts") continue; // anyone signed in, on their own messages only
      // The applicant's own steps are tried by staff; every staff and admin action by an applicant.
      const outsider = action.filename.startsWith("lib/applications/") ? staff : applicant;
      const res = await callAction(outsider.request, action, baseURL!);
      expect(res.status(), action.exportedName).toBe(200);
      expect(await res.text(), action.exportedName).toContain("未找到该记录");
      checked += 1;
    }
    expect(checked).toBeGreaterThan(30);
    expect(await queryE2e<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent"`)).toEqual(auditBefore);
    await staff.close();
    await applicant.close();
  });
});

/** A fresh applicant signed in on their home page, and a copy of their session cookie as a thief would take it. */
async function signedInWithCopiedCookie(browser: Browser) {
  const account = await createApplicant();
  const context = await browser.newContext();
  await signInViaApi(context, account.mobile, account.password);
  const copied = await context.cookies();
  const page = await context.newPage();
  await page.goto("/applicant");
  await expect(page.getByTestId("who")).toContainText(account.displayName);
  return { account, context, copied, page };
}

test("form posts are bounded by purpose before the body is read: short for visitors, larger signed in, the upload limit only where files go", async ({ playwright, browser, baseURL }) => {
  const action = builtActions().find((a) => a.exportedName === "signInAction")!;
  const post = (request: APIRequestContext, url: string, bytes: number) =>
    request.post(url, { headers: { "Next-Action": action.id, Origin: baseURL! }, multipart: { "0": "[]", filler: "x".repeat(bytes) } });

  const visitor = await playwright.request.newContext({ baseURL });
  const big = await post(visitor, "/login", 100 * 1024);
  expect(big.status()).toBe(413);
  expect(await big.text()).toContain("上限 64 KB");
  // Within the bound the body is read: a call without a form is refused as bad input, not a server error.
  expect((await post(visitor, "/login", 10 * 1024)).status()).toBe(200);
  await visitor.dispose();

  // A body without a length (streamed) is not accepted to a page at all.
  const { status } = await new Promise<{ status: number }>((resolve, reject) => {
    const url = new URL("/login", baseURL);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST",
      headers: { "Next-Action": action.id, Origin: baseURL!, "Transfer-Encoding": "chunked", "Content-Type": "text/plain" } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on("error", reject);
    req.end("[]");
  });
  expect(status).toBe(411);

  const bank = await browser.newContext({ baseURL });
  const officer = demoAccount("BANK_OFFICER");
  await signInViaApi(bank, officer.identifier, DEMO_PASSWORD);
  expect((await post(bank.request, "/bank", 2 * 1024 * 1024)).status()).toBe(413);
  const upload = await post(bank.request, "/bank/statements", 2 * 1024 * 1024);
  expect(upload.status()).toBe(200);
  await bank.close();
});

test("a session cookie copied before signing out no longer works afterwards", async ({ browser }) => {
  const { context, copied, page } = await signedInWithCopiedCookie(browser);
  await signOutViaHeader(page);
  await expect(page).toHaveURL("/login");

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/applicant");
  await expect(stolen).toHaveURL(/\/login\?next=/);
  expect(await (await thief.request.get("/api/auth/session")).json()).toBeNull();
  await context.close();
  await thief.close();
});

/** The resident memory of the `next start` server under test, from /proc (kB; 0 when not found). */
function serverRssKb(): number {
  let max = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      if (!(cmd.includes("next-server") || cmd.includes(`next start --port ${process.env.E2E_PORT ?? 3100}`))) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      max = Math.max(max, Number(rss?.[1] ?? 0));
    } catch {
      // the process ended meanwhile
    }
  }
  return max;
}

test("50 wrong passwords at once: no server error, bounded memory, the guesser stopped and the owner still signs in", async ({ playwright, baseURL, browser }) => {
  const account = await createApplicant();
  // The guesser's address, as the proxy in front of the portal would report it.
  const guesser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.7" } });
  const { csrfToken } = (await (await guesser.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempt = (password: string) =>
    guesser.post("/api/auth/callback/credentials", { form: { csrfToken, identifier: account.mobile, password, callbackUrl: "/start" }, maxRedirects: 0 });

  const before = serverRssKb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, serverRssKb())), 25);
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(`Wrong${i}password`)));
  clearInterval(sampler);
  console.log(`server RSS: ${Math.round(before / 1024)} MB before, ${Math.round(peak / 1024)} MB at peak during 50 parallel wrong passwords`);
  expect(answers.map((r) => r.status()).filter((s) => s >= 500)).toEqual([]);
  expect(peak - before).toBeLessThan(256 * 1024);

  // From the guesser's address even the right password is refused now: nothing says why.
  await attempt(account.password);
  expect(await (await guesser.get("/api/auth/session")).json()).toBeNull();
  // The owner, from their own address, signs in.
  const owner = await browser.newContext();
  await signInViaApi(owner, account.mobile, account.password);
  await owner.close();
  await guesser.dispose();
});

test("changing the password from the account page ends every session; the new password signs in", async ({ browser }) => {
  const { account, context, copied, page } = await signedInWithCopiedCookie(browser);
  await page.getByRole("link", { name: "账号与安全" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("账号与安全");

  const fill = async (current: string, next: string) => {
    await page.getByRole("textbox", { name: "当前密码", exact: true }).fill(current);
    await page.getByRole("textbox", { name: "新密码", exact: true }).fill(next);
    await page.getByRole("textbox", { name: "确认密码", exact: true }).fill(next);
    await page.getByRole("button", { name: "修改密码" }).click();
  };
  await fill("Not-the-password-1", "Fresh2026pass");
  await expect(page.getByText("当前密码不正确")).toBeVisible();
  await fill(account.password, "Fresh2026pass");
  await expect(page).toHaveURL(/\/login\?passwordSet=1/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  expect(await (await thief.request.get("/api/auth/session")).json()).toBeNull();
  await expect(signInViaApi(thief, account.mobile, account.password)).rejects.toThrow(/sign-in via the API failed/);
  await signInViaApi(thief, account.mobile, "Fresh2026pass");
  await context.close();
  await thief.close();
});

test("a forgotten password: the same answer for a known and an unknown address; the e-mailed link resets it", async ({ browser }) => {
  const address = `reset-${Date.now().toString(36)}@center.example`;
  await createCentreStaff(address, "孙忘记", "AUDITOR");
  const context = await browser.newContext();
  const page = await context.newPage();
  const ask = async (email: string) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重置密码");
    await page.getByRole("textbox", { name: "电子邮箱", exact: true }).fill(email);
    await page.getByRole("button", { name: "发送重置链接" }).click();
    const answer = page.getByRole("status");
    await expect(answer).toBeVisible();
    return answer.textContent();
  };
  const known = await ask(address);
  const unknown = await ask(`nobody-${Date.now().toString(36)}@center.example`);
  expect(known).toContain("如果该邮箱已绑定账号");
  expect(unknown).toBe(known);

  const [mail] = await queryE2e<{ body: string }>(`SELECT body FROM "OutboxEmail" WHERE "to" = $1`, [address]);
  const link = /http:\/\/localhost:\d+\/set-password\?token=[A-Za-z0-9_-]+/.exec(mail!.body)![0];
  await page.goto(link);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Remember2026pass");
  await page.getByRole("textbox", { name: "确认密码", exact: true }).fill("Remember2026pass");
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page).toHaveURL(/\/login\?passwordSet=1/);
  await signInViaApi(context, address, "Remember2026pass");
  await context.close();
});
