import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { asLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";

// The locale is a cookie, not a URL segment: links stay the same in both languages.
export default getRequestConfig(async () => {
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: locale === "en" ? en : zhCN, timeZone: BEIJING_TIME_ZONE };
});
