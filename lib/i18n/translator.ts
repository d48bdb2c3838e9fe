// use-intl's core (what next-intl is built on) has no React in it: jobs run outside Next use it too.
import { createTranslator } from "use-intl/core";
import zhCN from "@/lib/i18n/messages/zh-CN.json" with { type: "json" };
import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import { asLocale, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

type Messages = typeof zhCN;

const CATALOGUES: Record<Locale, Messages> = { "zh-CN": zhCN, en: en as Messages };

/**
 * Words outside a request, for one person: e-mails and text messages go out in the language the
 * recipient last chose on the site (`User.locale`; a stored value we no longer know reads as the
 * programme's language). Inside a request, services return Words (lib/i18n/words.ts) and the edge
 * words them for the reader.
 */
export const translatorIn = <N extends keyof Messages>(locale: string | null | undefined, namespace: N) =>
  createTranslator({ locale: asLocale(locale ?? undefined), messages: CATALOGUES[asLocale(locale ?? undefined)], namespace });

/** Words outside a request for no one in particular (jobs, people not yet known): the programme's language. */
export const programmeTranslator = <N extends keyof Messages>(namespace: N) => translatorIn(DEFAULT_LOCALE, namespace);
