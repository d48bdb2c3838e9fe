import "server-only";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";

/** The language a signed-in person chose on the site: their e-mails and text messages follow it. */
export async function rememberLanguage(userId: string, locale: Locale): Promise<void> {
  await db.user.updateMany({ where: { id: userId, NOT: { locale } }, data: { locale } });
}
