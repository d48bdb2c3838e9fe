import { describe, expect, it } from "vitest";
import { notifyUser } from "@/lib/notifications/notify";
import { rememberLanguage } from "@/lib/auth/services/remember-language";
import { requestPasswordReset } from "@/lib/auth/services/request-password-reset";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import { db } from "../support/db";
import { createStaff } from "../support/factories";

// What reaches a person outside a page (e-mails; text messages go the same way) is worded in the
// language they last chose on the site; anyone who never chose reads the programme's language.

const CJK = /[\u3400-\u9fff]/;

async function mailTo(email: string) {
  return db.outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" }, select: { subject: true, body: true } });
}

async function tell(userId: string) {
  await db.$transaction((tx) => notifyUser(tx, userId, { code: "caseMessage", params: { number: "SQ-2026-0042", orgType: "BANK" } }));
}

describe("the recipient's language", () => {
  it("an e-mail follows the language the person chose; without a choice, the programme's", async () => {
    const english = await createStaff("SCDB", "GUARANTOR_OFFICER");
    const chinese = await createStaff("SCDB", "GUARANTOR_OFFICER");
    await rememberLanguage(english.userId, "en");
    await tell(english.userId);
    await tell(chinese.userId);
    const { email: englishEmail } = await db.user.findUniqueOrThrow({ where: { id: english.userId } });
    const { email: chineseEmail } = await db.user.findUniqueOrThrow({ where: { id: chinese.userId } });

    const [toEnglish] = await mailTo(englishEmail!);
    expect(toEnglish!.subject).toContain("A message about application SQ-2026-0042");
    expect(toEnglish!.body).toContain("The bank wrote to you:");
    expect(CJK.test(`${toEnglish!.subject}${toEnglish!.body}`)).toBe(false);

    const [toChinese] = await mailTo(chineseEmail!);
    expect(CJK.test(toChinese!.subject)).toBe(true);
    expect(toChinese!.subject).not.toBe(toEnglish!.subject);
    expect(zhCN.inbox.notice.caseMessage.title).toContain("{number}");
    expect(en.inbox.notice.caseMessage.title).toContain("{number}");
  });

  it("a password reset link goes out in the person's language, and choosing again changes it", async () => {
    const person = await createStaff("SCDB", "GUARANTOR_OFFICER");
    const { email, displayName } = await db.user.findUniqueOrThrow({ where: { id: person.userId } });
    await rememberLanguage(person.userId, "en");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).locale).toBe("en");
    await requestPasswordReset(email!, "https://portal.example");
    const [reset] = await mailTo(email!);
    // The person's own name stays as it is written.
    expect(reset!.body).toContain(`Hello ${displayName},`);
    expect(CJK.test(`${reset!.subject}${reset!.body.replace(displayName, "")}`)).toBe(false);
    expect(reset!.body).toContain("https://portal.example/set-password?token=");

    await rememberLanguage(person.userId, "zh-CN");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).locale).toBe("zh-CN");
  });
});
