"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { asLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { guardedAction } from "@/lib/actions/safe-action";
import { publicAudience } from "@/lib/actions/audience";
import { rememberLanguage } from "@/lib/auth/services/remember-language";

export const setLocale = guardedAction(publicAudience, () => undefined, async (actor, formData: FormData): Promise<void> => {
  const locale = asLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  // A signed-in person's choice also reaches what is sent to them (e-mails, text messages).
  if (actor) await rememberLanguage(actor.userId, locale);
  revalidatePath("/", "layout");
});
