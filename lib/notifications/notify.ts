import type { Prisma } from "@/lib/generated/prisma/client";
import { translatorIn } from "@/lib/i18n/translator";
import { displayParams, STAFF_TEXT, TEXTED_CODES, type NoticeCode, type NoticeParams } from "@/lib/notifications/codes";
import { queueSms } from "@/lib/notifications/sms-outbox";
import { unsealOptional } from "@/lib/personal-data/sealed";
import { formatFen } from "@/lib/money/fen";

type Worded = { title: string; body: string; applicationId?: string };
type Coded = { code: NoticeCode; params: NoticeParams; applicationId?: string };

// Notifications are written in the same transaction as the change they report (an in-app
// message and, when the user has an e-mail address, an outbox row; the applicant's costly
// reminders also as a text message); delivery happens after commit.
// A coded message is stored as its code and parameters and rendered in the reader's language when
// shown; its e-mail and text message are worded in the language the user last chose on the site.
export async function notifyUser(tx: Prisma.TransactionClient, userId: string, message: Worded | Coded): Promise<void> {
  const coded = "code" in message;
  await tx.notification.create({
    data: coded
      ? { userId, applicationId: message.applicationId ?? null, code: message.code, params: message.params }
      : { userId, applicationId: message.applicationId ?? null, title: message.title, body: message.body },
  });
  const texted = coded && TEXTED_CODES.has(message.code);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, mobileSealed: texted, locale: true } });
  if (!user) return;
  const t = translatorIn(user.locale, "inbox");
  const words = coded ? wordsOf(message.code, message.params, user.locale) : message;
  if (user.email) {
    const subject = t("mailSubject", { title: words.title });
    // What a staff member wrote to the reader goes out as written, below the template's words.
    const written = coded ? message.params[STAFF_TEXT] : undefined;
    await tx.outboxEmail.create({ data: { to: user.email, subject, body: written ? `${words.body}\n\n${written}` : words.body } });
  }
  const mobile = texted ? unsealOptional(user.mobileSealed, "User.mobile") : null;
  if (mobile) await queueSms(tx, mobile, t("smsText", { title: words.title, body: words.body }));
}

export function wordsOf(code: NoticeCode, params: NoticeParams, locale?: string): { title: string; body: string } {
  const t = translatorIn(locale, "inbox");
  const words = displayParams(params, formatFen);
  return { title: t(`notice.${code}.title`, words), body: t(`notice.${code}.body`, words) };
}

