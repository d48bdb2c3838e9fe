import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { queryE2e } from "./support/db";
import { bin, serverEnv, startServer, waitForHttp } from "./support/servers";
import { createDatabase, dropDatabase } from "../../scripts/db/tools";
import { totpCode } from "@/lib/auth/two-factor";

// The server as an operator meets it: sessions that can be revoked, a refusal to start without a
// strong secret, and the embedded database a fresh machine runs on.
const PORT = Number(process.env.E2E_PORT ?? 3100);

test("a revoked session ends on the next request", async ({ page, context }) => {
  const applicant = await createApplicant();
  await signInViaApi(context, applicant.mobile, applicant.password);
  await page.goto("/applicant");
  await expect(page.getByRole("heading", { name: "我的申请" })).toBeVisible();
  await queryE2e(`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = $1`, [applicant.userId]);
  await page.goto("/applicant");
  await expect(page).toHaveURL(/\/login\?next=/);
  expect(await (await context.request.get("/api/auth/session")).json()).toBeNull();
});

test("production refuses to start without a strong AUTH_SECRET, and says why", async () => {
  for (const secret of [undefined, "too-short"]) {
    const server = startServer(PORT + 2, serverEnv({ NODE_ENV: "production", ...(secret ? { AUTH_SECRET: secret } : {}), PGLITE_DIR: mkdtempSync(path.join(tmpdir(), "ncd-nosecret-")) }));
    const code = await Promise.race([server.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 60_000))]);
    if (code === "timeout") server.child.kill("SIGKILL");
    expect(code).toBe(1);
    expect(server.output()).toContain("AUTH_SECRET must be set to at least 32 random bytes");
  }
});

test("the embedded database: migrated, seeded and served with no database server", async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), "ncd-embedded-"));
  const env = serverEnv({
    PGLITE_DIR: dir, AUTH_SECRET: randomBytes(48).toString("base64"), AUTH_TRUST_HOST: "true", NODE_ENV: "production", EMBEDDED_DATABASE: "true", DEMO_MODE: "true", STAFF_TWO_FACTOR: "optional",
  });
  try {
    for (const args of [["scripts/db/migrate.ts"], ["--conditions=react-server", "scripts/seed.ts"]]) {
      const run = spawnSync(bin("tsx"), args, { env, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
    }
    // Production does not fall back to the embedded database, nor serve the demo accounts, unless told to.
    for (const [unset, reason] of [["EMBEDDED_DATABASE", "DATABASE_URL must name the PostgreSQL server"], ["DEMO_MODE", "the demo accounts"]] as const) {
      const refused = startServer(PORT + 4, { ...env, [unset]: "false", ...(unset === "DEMO_MODE" ? { STAFF_TWO_FACTOR: "required" } : {}) });
      const code = await Promise.race([refused.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 60_000))]);
      if (code === "timeout") refused.child.kill("SIGKILL");
      expect(code, refused.output()).toBe(1);
      expect(refused.output()).toContain(reason);
    }
    const server = startServer(PORT + 3, env);
    try {
      await waitForHttp(`http://localhost:${PORT + 3}/login`);
      const context = await browser.newContext({ baseURL: `http://localhost:${PORT + 3}` });
      for (const [who, home, text] of [["13800000001", "/applicant", "SQ-2026-0001"], ["reviewer@center.demo", "/center", "SQ-2026-0001"]] as const) {
        await context.clearCookies();
        await signInViaApi(context, who);
        const page = await context.newPage();
        await page.goto(home);
        await expect(page.getByTestId("application-table")).toContainText(text);
        await page.close();
      }
      await context.close();
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("after five wrong passwords from one address the account is held there for a while, with the same generic answer", async ({ browser }) => {
  const applicant = await createApplicant();
  // Every request of this context comes from one client address, as the proxy reports it.
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.21" } });
  const page = await context.newPage();
  for (let i = 0; i < 5; i += 1) await expect(signInViaApi(context, applicant.mobile, "Wrong-password-1")).rejects.toThrow(/sign-in via the API failed/);
  await expect(signInViaApi(context, applicant.mobile, applicant.password)).rejects.toThrow(/sign-in via the API failed/);
  await page.goto("/login");
  await page.getByRole("textbox", { name: "手机号或电子邮箱", exact: true }).fill(applicant.mobile);
  await page.getByRole("textbox", { name: "密码", exact: true }).fill(applicant.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByText("账号或密码不正确")).toBeVisible();
  await context.close();
});

test("first setup on an empty database: the administrator sets a password through the one-time link and signs in", async ({ browser }) => {
  test.setTimeout(180_000);
  const { name, url } = await createDatabase("ncd_e2e_setup");
  try {
    const setup = spawnSync(bin("tsx"), ["--conditions=react-server", "scripts/setup.ts", "--admin-email", "admin@union.example", "--admin-name", "刘管理",
      "--public-url", `http://localhost:${PORT + 5}`], { env: serverEnv({ DATABASE_URL: url }), encoding: "utf8" });
    expect(setup.status, setup.stderr).toBe(0);
    const link = new RegExp(`http://localhost:${PORT + 5}/set-password\\?token=[A-Za-z0-9_-]+`).exec(setup.stdout)?.[0];
    expect(link).toBeTruthy();

    // A real production server: PostgreSQL, no demo mode.
    const server = startServer(PORT + 5, serverEnv({ DATABASE_URL: url, AUTH_SECRET: randomBytes(48).toString("base64"), AUTH_TRUST_HOST: "true", NODE_ENV: "production" }));
    try {
      await waitForHttp(`http://localhost:${PORT + 5}/login`);
      const context = await browser.newContext({ baseURL: `http://localhost:${PORT + 5}` });
      const page = await context.newPage();
      await page.goto(link!);
      await expect(page.getByRole("heading", { name: "设置密码" })).toBeVisible();
      await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Union2026admin");
      await page.getByRole("textbox", { name: "确认密码", exact: true }).fill("Union2026admin");
      await page.screenshot({ path: "test-results/screens/set-password.png" });
      await page.getByRole("button", { name: "设置密码" }).click();
      await expect(page).toHaveURL(/\/login\?passwordSet=1/);
      await expect(page.getByText("密码已设置，请使用新密码登录")).toBeVisible();

      const signInAs = async (code?: string) => {
        await page.goto("/login");
        await page.getByRole("textbox", { name: "手机号或电子邮箱", exact: true }).fill("admin@union.example");
        await page.getByRole("textbox", { name: "密码", exact: true }).fill("Union2026admin");
        if (code) await page.getByRole("textbox", { name: "动态验证码", exact: true }).fill(code);
        await page.getByRole("button", { name: "登录", exact: true }).click();
      };
      await signInAs();
      // Production staff set up two-factor sign-in before anything else opens.
      await expect(page).toHaveURL("/account/two-factor");
      await expect(page.getByText("您所在的岗位要求启用两步验证")).toBeVisible();
      await page.goto("/admin");
      await expect(page).toHaveURL("/account/two-factor");
      await page.getByRole("button", { name: "开始设置" }).click();
      const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
      await page.getByRole("textbox", { name: "验证码", exact: true }).fill(totpCode(secret));
      await page.getByRole("button", { name: "启用两步验证" }).click();
      const recovery = page.getByTestId("recovery-codes").getByRole("listitem");
      await expect(recovery).toHaveCount(10);
      const recoveryCode = (await recovery.first().textContent())!.trim();
      await page.getByRole("link", { name: "继续" }).click();
      await expect(page).toHaveURL("/admin");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("项目管理");

      // From now on the password alone is not enough; a recovery code works once; the app's next code works.
      await page.getByRole("button", { name: "退出登录" }).click();
      await signInAs();
      await expect(page.getByText("账号或密码不正确")).toBeVisible();
      await signInAs(recoveryCode);
      await expect(page).toHaveURL("/admin");
      await page.getByRole("button", { name: "退出登录" }).click();
      await signInAs(recoveryCode);
      await expect(page.getByText("账号或密码不正确")).toBeVisible();
      await signInAs(totpCode(secret, Date.now() + 30_000));
      await expect(page).toHaveURL("/admin");

      // The link worked once.
      const again = await context.newPage();
      await again.goto(link!);
      await again.getByRole("textbox", { name: "新密码", exact: true }).fill("Other2026admin");
      await again.getByRole("textbox", { name: "确认密码", exact: true }).fill("Other2026admin");
      await again.getByRole("button", { name: "设置密码" }).click();
      await expect(again.getByText("该链接无效、已使用或已过期")).toBeVisible();
      await context.close();
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  } finally {
    await dropDatabase(name);
  }
});
