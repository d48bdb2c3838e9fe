import { createTranslator } from "use-intl/core";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import { wordIn, type Message, type RootTranslator } from "@/lib/i18n/words";

const translators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zhCN }) as unknown as RootTranslator,
  en: createTranslator({ locale: "en", messages: en as typeof zhCN }) as unknown as RootTranslator,
};

/** A service's message as a reader of `locale` would see it (Chinese unless told): for assertions on what people read. */
export const worded = (message: Message | undefined, locale: keyof typeof translators = "zh-CN"): string =>
  message === undefined ? "" : wordIn(translators[locale], message);

/** What a refused call says (its AppError detail, worded), for `await expect(said(call)).resolves.toContain(…)`. */
export async function said(p: Promise<unknown>, locale: keyof typeof translators = "zh-CN"): Promise<string> {
  try {
    await p;
  } catch (error) {
    const detail = (error as { detail?: Message }).detail;
    if (detail === undefined) throw error;
    return worded(detail, locale);
  }
  throw new Error("not refused");
}
