import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { asLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import insightZhCN from "@/lib/i18n/messages/insight.zh-CN.json";
import insightEn from "@/lib/i18n/messages/insight.en.json";

// The statistics insight and public programme page keep their words in their own catalogue files.
const messages = { "zh-CN": { ...zhCN, ...insightZhCN }, en: { ...en, ...insightEn } } as const;

// The locale is a cookie, not a URL segment: links stay the same in both languages.
export default getRequestConfig(async () => {
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: locale === "en" ? messages.en : messages["zh-CN"], timeZone: "Asia/Shanghai" };
});
