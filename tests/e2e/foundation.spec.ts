import { expect, test, type Page } from "./support/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccount, forbiddenSections } from "./support/accounts";
import { signIn, signInViaApi, signOutViaHeader } from "./support/auth";
import { ageCodesTo, latestCodeTo, queryE2e, textsTo, usersWithMobile } from "./support/db";
import { applicantFields, createApplicant } from "./support/factories";
import { captureScreens } from "./support/screens";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const who = (page: Page) => page.getByTestId("who");
// Inputs by their accessible name (the label without its aria-hidden " *").
const input = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** Registration, step one: the number; the page then asks for the code sent to it. */
async function askForCode(page: Page, mobile: string): Promise<void> {
  await input(page, "手机号码").fill(mobile);
  await page.getByRole("button", { name: "获取短信验证码" }).click();
}

/** Registration, step two: the code and the account. */
async function fillAccount(page: Page, f: { code: string; displayName: string; password: string; confirmPassword?: string }): Promise<void> {
  await expect(input(page, "短信验证码")).toBeVisible();
  await input(page, "短信验证码").fill(f.code);
  await input(page, "姓名").fill(f.displayName);
  await input(page, "密码").fill(f.password);
  await input(page, "确认密码").fill(f.confirmPassword ?? f.password);
  await page.getByRole("button", { name: "注册", exact: true }).click();
}

test.describe("landing page", () => {
  test("renders in Chinese; the language switch shows English and back", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(h1(page)).toHaveText("首都职工创业小额贷款");
    await expect(page.getByRole("link", { name: "注册并在线申请" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "办理流程" })).toBeVisible();

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(h1(page)).toHaveText("Capital Workers' Entrepreneurship Microloan");
    await expect(page.getByRole("link", { name: "Register and apply online" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "How it works" })).toBeVisible();
    // The choice is a cookie: it survives a reload.
    await page.reload();
    await expect(h1(page)).toHaveText("Capital Workers' Entrepreneurship Microloan");

    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(h1(page)).toHaveText("首都职工创业小额贷款");
  });
});

test.describe("registration", () => {
  test("a new applicant proves the number by SMS, registers and lands on /applicant; a registered number learns nothing", async ({ page, context }) => {
    const applicant = applicantFields();
    await page.goto("/register");
    await expect(h1(page)).toHaveText("注册申请人账号");
    await askForCode(page, applicant.mobile);
    const sentNotice = page.locator(".notice--success");
    await expect(sentNotice).toContainText("验证码已发送至");
    const answerForNew = (await sentNotice.textContent())!.replace(/\d{3}\*{4}\d{4}/, "…");
    await fillAccount(page, { ...applicant, code: await latestCodeTo(applicant.mobile) });

    await expect(page).toHaveURL("/applicant");
    await expect(h1(page)).toHaveText("我的申请");
    await expect(who(page)).toContainText(applicant.displayName);
    await expect(who(page)).toContainText("申请人");
    expect(await usersWithMobile(applicant.mobile)).toBe(1);

    // The same number again: the page answers exactly as for a new one; the phone is told it is
    // registered (no code), so no code the visitor tries opens a second account.
    await context.clearCookies();
    await ageCodesTo(applicant.mobile);
    await page.goto("/register");
    await askForCode(page, applicant.mobile);
    await expect(page.locator(".notice--success")).toContainText("验证码已发送至");
    expect((await page.locator(".notice--success").textContent())!.replace(/\d{3}\*{4}\d{4}/, "…")).toBe(answerForNew);
    expect((await textsTo(applicant.mobile)).at(-1)).toContain("已注册");
    const otherName = `${applicant.displayName}二`;
    await fillAccount(page, { ...applicantFields(), displayName: otherName, code: "123456" });
    await expect(page.locator("#code-error")).toHaveText("验证码不正确或已失效，请重新获取");
    await expect(input(page, "姓名")).toHaveValue(otherName);
    await expect(page).toHaveURL("/register");
    expect(await usersWithMobile(applicant.mobile)).toBe(1);
  });

  test("malformed fields show Chinese messages next to them and create nothing", async ({ page }) => {
    const applicant = applicantFields();
    await page.goto("/register");
    await askForCode(page, "1234567");
    await expect(page.locator(".notice--error")).toHaveText("请检查标红的内容");
    await expect(page.locator("#mobile-error")).toHaveText("请输入 11 位中国大陆手机号码");
    await expect(input(page, "手机号码")).toHaveValue("1234567");

    await askForCode(page, applicant.mobile);
    await expect(input(page, "短信验证码")).toBeVisible();
    const code = await latestCodeTo(applicant.mobile);
    await fillAccount(page, { code, displayName: "张", password: "abc1", confirmPassword: "abc2" });
    await expect(page.locator(".notice--error")).toHaveText("请检查标红的内容");
    await expect(page.locator("#displayName-error")).toHaveText("请输入姓名（至少 2 个字）");
    await expect(page.locator("#password-error")).toHaveText("密码至少 8 位");
    await expect(page.locator("#confirmPassword-error")).toHaveText("两次输入的密码不一致");

    // A password that fails its rule and a confirmation that differs; the code and name stay.
    await fillAccount(page, { code, displayName: applicant.displayName, password: "onlyletters", confirmPassword: "onlyletterz" });
    await expect(page.locator("#password-error")).toHaveText("密码需同时包含字母和数字");
    await expect(page.locator("#confirmPassword-error")).toHaveText("两次输入的密码不一致");
    await expect(input(page, "姓名")).toHaveValue(applicant.displayName);
    await expect(input(page, "短信验证码")).toHaveValue(code);
    await expect(page).toHaveURL("/register");

    expect(await usersWithMobile(applicant.mobile)).toBe(0);
    const named = await queryE2e(`SELECT id FROM "User" WHERE "displayName" = $1`, [applicant.displayName]);
    expect(named).toHaveLength(0);
  });

  test("an applicant who forgot the password sets a new one with an SMS code and signs in with it", async ({ page }) => {
    const applicant = await createApplicant();
    await page.goto("/login");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await expect(h1(page)).toHaveText("重置密码");
    await input(page, "手机号码").fill(applicant.mobile);
    await page.getByRole("button", { name: "获取短信验证码" }).click();
    await expect(page.locator(".notice--success")).toContainText("如果该手机号已注册账号，验证码已发送至");
    await expect(input(page, "短信验证码")).toBeVisible();
    await input(page, "短信验证码").fill(await latestCodeTo(applicant.mobile));
    await input(page, "新密码").fill("Forgot2026pass");
    await input(page, "确认密码").fill("Forgot2026pass");
    await page.getByRole("button", { name: "设置新密码" }).click();
    await expect(page).toHaveURL(/\/login\?passwordSet=1$/);
    await signIn(page, applicant.mobile, applicant.password);
    await expect(page.locator(".notice--error")).toHaveText("账号或密码不正确");
    await signIn(page, applicant.mobile, "Forgot2026pass");
    await expect(page).toHaveURL("/applicant");
  });
});

test.describe("login form", () => {
  test("an unknown account and a wrong password get the same message", async ({ page }) => {
    await page.goto("/login");
    await expect(h1(page)).toHaveText("登录暖·创贷");

    await signIn(page, `nobody-${Date.now()}@example.com`, DEMO_PASSWORD);
    const unknown = page.locator(".notice--error");
    await expect(unknown).toHaveText("账号或密码不正确");
    const unknownText = await unknown.textContent();

    const reviewer = demoAccount("CENTER_REVIEWER");
    await signIn(page, reviewer.identifier, `${DEMO_PASSWORD}x`);
    // The same notice is already on screen: wait for this attempt's answer, which clears the password.
    await expect(input(page, "密码")).toHaveValue("");
    await expect(page.locator(".notice--error")).toHaveText(unknownText ?? "");
    await expect(input(page, "手机号或电子邮箱")).toHaveValue(reviewer.identifier);
    await expect(page).toHaveURL("/login");
    await expect(who(page)).toHaveCount(0);

    await signIn(page, reviewer.identifier, DEMO_PASSWORD);
    await expect(page).toHaveURL("/center");
    await expect(who(page)).toContainText(reviewer.displayName);
  });
});

test.describe("homes by role", () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.role} signs in and lands on ${account.home}`, async ({ page, context }) => {
      await signInViaApi(context, account.identifier);
      await page.goto("/start");
      await expect(page).toHaveURL(account.home);
      await expect(h1(page)).toHaveText(account.heading);
      await expect(who(page)).toContainText(account.displayName);
    });
  }
});

test.describe("sections of other roles", () => {
  for (const account of DEMO_ACCOUNTS) {
    const sections = forbiddenSections(account.role);
    test(`${account.role} gets 404 on ${sections.map((s) => `/${s}`).join(" ")}`, async ({ page, context }) => {
      await signInViaApi(context, account.identifier);
      for (const section of sections) {
        const response = await page.goto(`/${section}`);
        expect(response?.status(), `/${section} for ${account.role}`).toBe(404);
        await expect(page).toHaveURL(`/${section}`);
        await expect(h1(page)).toHaveText("页面不存在");
        const body = await page.locator("body").innerText();
        expect(body, `/${section} for ${account.role}`).not.toContain("SQ-2026-");
        await expect(page.locator("table")).toHaveCount(0);
      }
    });
  }

  test("the demo applicant's own home does list case numbers (the 404 check above can see them)", async ({ page, context }) => {
    await signInViaApi(context, demoAccount("APPLICANT").identifier);
    await page.goto("/applicant");
    await expect(page.locator("body")).toContainText("SQ-2026-");
  });
});

test.describe("redirects", () => {
  test("anonymous /center goes to the login page and back to /center after signing in", async ({ page }) => {
    await page.goto("/center");
    await expect(page).toHaveURL(/\/login\?next=(%2F|\/)center$/);
    await expect(h1(page)).toHaveText("登录暖·创贷");
    const reviewer = demoAccount("CENTER_REVIEWER");
    await signIn(page, reviewer.identifier, DEMO_PASSWORD);
    await expect(page).toHaveURL("/center");
    await expect(h1(page)).toHaveText(reviewer.heading);
  });

  test("signing out returns to /login and /applicant asks to sign in again", async ({ page, context }) => {
    const applicant = await createApplicant();
    await signInViaApi(context, applicant.mobile, applicant.password);
    await page.goto("/applicant");
    await expect(who(page)).toContainText(applicant.displayName);

    await signOutViaHeader(page);
    await expect(page).toHaveURL("/login");
    await expect(who(page)).toHaveCount(0);

    await page.goto("/applicant");
    await expect(page).toHaveURL(/\/login\?next=(%2F|\/)applicant$/);
    const session = await (await context.request.get("/api/auth/session")).json();
    expect(session).toBeNull();
  });
});

test.describe("screens", () => {
  const noOverflow = { phone: 0, desktop: 0 };

  test("landing, login, register and two homes at phone and desktop widths", async ({ page, context }) => {
    for (const [name, url] of [["landing", "/"], ["login", "/login"], ["register", "/register"]] as const) {
      await page.goto(url);
      expect(await captureScreens(page, name), `${name} scrolls sideways`).toEqual(noOverflow);
    }
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(await captureScreens(page, "landing-en"), "English landing scrolls sideways").toEqual(noOverflow);

    await context.clearCookies();
    await signInViaApi(context, demoAccount("APPLICANT").identifier);
    await page.goto("/applicant");
    expect(await captureScreens(page, "applicant-home"), "applicant home scrolls sideways").toEqual(noOverflow);

    await context.clearCookies();
    await signInViaApi(context, demoAccount("CENTER_REVIEWER").identifier);
    await page.goto("/center");
    expect(await captureScreens(page, "center-home"), "center home scrolls sideways").toEqual(noOverflow);
  });
});
