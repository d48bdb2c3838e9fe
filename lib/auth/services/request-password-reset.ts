import "server-only";
import { db } from "@/lib/db/client";
import { translatorIn } from "@/lib/i18n/translator";
import { issuePasswordLink, LINK_HOURS, setPasswordPath } from "@/lib/auth/services/password-links";

/** One reset e-mail per account in this window, so the form cannot be used to flood an inbox. */
export const RESET_INTERVAL_MS = 5 * 60_000;

/**
 * "Forgot password": when the e-mail belongs to an active account, a one-time reset link goes to
 * it through the outbox. The caller learns nothing either way (the page gives one answer for
 * known, unknown and disabled addresses), and nothing is written for an unknown address.
 */
export async function requestPasswordReset(email: string, origin: string, now: Date = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, displayName: true, disabledAt: true, locale: true } });
  if (!user?.email || user.disabledAt) return;
  const recent = await db.passwordToken.findFirst({
    where: { userId: user.id, purpose: "RESET", createdAt: { gt: new Date(now.getTime() - RESET_INTERVAL_MS) } },
    select: { id: true },
  });
  if (recent) return;
  await db.$transaction(async (tx) => {
    const token = await issuePasswordLink(tx, user.id, "RESET", now);
    const link = new URL(setPasswordPath(token), origin).toString();
    // Sent outside the reader's request: in the language the user last chose on the site.
    const t = translatorIn(user.locale, "mail");
    await tx.outboxEmail.create({
      data: {
        to: user.email!,
        subject: t("passwordReset.subject"),
        body: t("passwordReset.body", { name: user.displayName, hours: LINK_HOURS.RESET, link }),
      },
    });
  });
}
