import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { sendMobileCode, spendMobileCode, LIMITS, MAX_ATTEMPTS } from "@/lib/auth/services/mobile-codes";
import { registerApplicant } from "@/lib/auth/services/register-applicant";
import { resetPasswordWithCode } from "@/lib/auth/services/reset-with-code";
import { verifyPassword } from "@/lib/auth/password";
import { deliverSms, httpSmsSender } from "@/lib/notifications/sms";
import { blindIndex, mobileLookup, unseal } from "@/lib/personal-data/sealed";
import { db, itOnPostgres, uniqueSuffix } from "../support/db";
import { makeMobile } from "../support/ids";
import { createApplicant } from "../support/factories";
import { outcome } from "../support/outcome";
import type { AppError } from "@/lib/errors";
import { worded } from "../support/words";

// Registration and password reset by SMS code, as the portal sends and checks them: the same
// answer and the same rows whether or not a number has an account, limits per number and
// address, codes that work once, and the gateway adapter over real HTTP.

const later = (ms: number) => new Date(Date.now() + ms);

/** The text messages to a number, oldest first, opened. */
async function textsTo(mobile: string): Promise<string[]> {
  const rows = await db.outboxSms.findMany({ orderBy: { createdAt: "asc" } });
  return rows.filter((r) => unseal(r.toSealed, "OutboxSms.to") === mobile).map((r) => unseal(r.bodySealed, "OutboxSms.body"));
}
const codeIn = (text: string | undefined): string => /\b(\d{6})\b/.exec(text ?? "")?.[1] ?? "";
const registration = (mobile: string, code: string, extra: Partial<{ email: string; displayName: string }> = {}) =>
  ({ mobile, code, displayName: "短信测试", email: undefined as string | undefined, password: "Sms2026pass", confirmPassword: "Sms2026pass", ...extra });
const mobileOf = async (userId: string) => unseal((await db.user.findUniqueOrThrow({ where: { id: userId } })).mobileSealed!, "User.mobile");

describe("registration by SMS code", () => {
  it("a new number gets a code that registers once; a registered number gets a notice, and the same answer", async () => {
    const fresh = makeMobile();
    await sendMobileCode("REGISTER", fresh, "192.0.2.10");
    const [text] = await textsTo(fresh);
    expect(text).toContain("注册验证码");
    const code = codeIn(text);
    expect(code).toMatch(/^\d{6}$/);

    const wrong = code === "000000" ? "000001" : "000000";
    const refused = (await registerApplicant(registration(fresh, wrong), null).catch((e: unknown) => e)) as AppError;
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { code: [{ key: "auth.codeWrong" }] } });
    expect(worded(refused.fieldErrors!.code![0])).toBe("验证码不正确或已失效，请重新获取");
    expect(await db.user.count({ where: mobileLookup(fresh) })).toBe(0);
    const { userId } = await registerApplicant(registration(fresh, code), "192.0.2.10");
    expect(await mobileOf(userId)).toBe(fresh);
    // Spent: the same code does not register a second account.
    expect(await outcome(registerApplicant(registration(fresh, code), null))).toBe("VALIDATION");

    // The registered number: no error, a row like any other, a notice instead of a code.
    const rowsBefore = await db.mobileCode.count({ where: { mobileIndex: blindIndex(fresh, "User.mobile") } });
    await sendMobileCode("REGISTER", fresh, "192.0.2.10", later(LIMITS.resendMs + 1000));
    expect(await db.mobileCode.count({ where: { mobileIndex: blindIndex(fresh, "User.mobile") } })).toBe(rowsBefore + 1);
    const notice = (await textsTo(fresh)).at(-1);
    expect(notice).toContain("已注册");
    expect(codeIn(notice)).toBe("");
    expect(await db.user.count({ where: mobileLookup(fresh) })).toBe(1);
  });

  it("limits codes per number and per address alike, known or not, and five wrong tries spend a code", async () => {
    const known = (await createApplicant()).userId;
    const knownMobile = await mobileOf(known);
    for (const mobile of [makeMobile(), knownMobile]) {
      await sendMobileCode("REGISTER", mobile, null);
      expect(await outcome(sendMobileCode("REGISTER", mobile, null))).toBe("QUOTA_EXCEEDED");
    }
    const address = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < LIMITS.perAddressHour; i += 1) await sendMobileCode("RESET", makeMobile(), address);
    expect(await outcome(sendMobileCode("RESET", makeMobile(), address))).toBe("QUOTA_EXCEEDED");

    const mobile = makeMobile();
    await sendMobileCode("REGISTER", mobile, null);
    const code = codeIn((await textsTo(mobile))[0]);
    const wrong = code === "111111" ? "222222" : "111111";
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) expect(await spendMobileCode("REGISTER", mobile, wrong)).toBe(false);
    expect(await spendMobileCode("REGISTER", mobile, code)).toBe(false);
    // A code for one purpose does not serve another, and an expired one serves none.
    const other = makeMobile();
    await sendMobileCode("REGISTER", other, null);
    const otherCode = codeIn((await textsTo(other))[0]);
    expect(await spendMobileCode("RESET", other, otherCode)).toBe(false);
    expect(await spendMobileCode("REGISTER", other, otherCode, later(11 * 60_000))).toBe(false);
    expect(await spendMobileCode("REGISTER", other, otherCode)).toBe(true);
  });

  it("an e-mail address already in use is left off the new account, and its owner is told", async () => {
    const address = `owner-${uniqueSuffix()}@example.org`;
    await db.user.create({ data: { email: address, displayName: "已有账号", passwordHash: "x" } });
    const mobile = makeMobile();
    await sendMobileCode("REGISTER", mobile, null);
    const { userId } = await registerApplicant(registration(mobile, codeIn((await textsTo(mobile))[0]), { email: address }), null);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).email).toBeNull();
    const mail = await db.outboxEmail.findFirst({ where: { to: address } });
    expect(mail?.subject).toContain("有人使用您的邮箱注册");
  });

  itOnPostgres("two registrations with the same code at once: one account", async () => {
    const mobile = makeMobile();
    await sendMobileCode("REGISTER", mobile, null);
    const code = codeIn((await textsTo(mobile))[0]);
    const results = await Promise.allSettled([registerApplicant(registration(mobile, code), null), registerApplicant(registration(mobile, code), null)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: mobileLookup(mobile) })).toBe(1);
  });
});

describe("password reset by SMS code", () => {
  it("only an active account's number gets a code; it sets the password once and ends every session", async () => {
    const applicant = await createApplicant();
    const mobile = await mobileOf(applicant.userId);
    const before = await db.user.findUniqueOrThrow({ where: { id: applicant.userId } });

    const unknown = makeMobile();
    await sendMobileCode("RESET", unknown, null);
    expect(await textsTo(unknown)).toEqual([]);
    expect(await db.mobileCode.count({ where: { mobileIndex: blindIndex(unknown, "User.mobile") } })).toBe(1);

    await sendMobileCode("RESET", mobile, null);
    const code = codeIn((await textsTo(mobile)).at(-1));
    expect(await outcome(resetPasswordWithCode({ mobile, code: code === "999999" ? "999998" : "999999", password: "Reset2026pass" }))).toBe("VALIDATION");
    await resetPasswordWithCode({ mobile, code, password: "Reset2026pass" });
    const after = await db.user.findUniqueOrThrow({ where: { id: applicant.userId } });
    expect(await verifyPassword(after.passwordHash, "Reset2026pass")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await outcome(resetPasswordWithCode({ mobile, code, password: "Again2026pass" }))).toBe("VALIDATION");

    const disabled = await createApplicant();
    await db.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    const disabledMobile = await mobileOf(disabled.userId);
    await sendMobileCode("RESET", disabledMobile, null);
    expect(await textsTo(disabledMobile)).toEqual([]);
  });
});

describe("the SMS gateway adapter", () => {
  it("posts each waiting message over HTTP with the token, and keeps the gateway's refusal", async () => {
    const received: { auth: string | undefined; body: { to: string; text: string } }[] = [];
    let refuse = false;
    const server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.statusCode = refuse ? 503 : 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
    try {
      await db.outboxSms.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
      const mobile = makeMobile();
      await sendMobileCode("REGISTER", mobile, null);
      expect(await deliverSms(httpSmsSender(url, "gateway-token"))).toBe(1);
      expect(received).toEqual([{ auth: "Bearer gateway-token", body: { to: mobile, text: (await textsTo(mobile))[0] } }]);

      refuse = true;
      await sendMobileCode("REGISTER", makeMobile(), null);
      expect(await deliverSms(httpSmsSender(url, undefined))).toBe(0);
      expect((await db.outboxSms.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).error).toBe("SMS gateway answered 503");
    } finally {
      server.close();
    }
  });
});
