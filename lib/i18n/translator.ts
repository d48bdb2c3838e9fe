// use-intl's core (what next-intl is built on) has no React in it: jobs run outside Next use it too.
import { createTranslator } from "use-intl/core";
import zhCN from "@/lib/i18n/messages/zh-CN.json";

type Messages = typeof zhCN;

/**
 * Words outside a request, in the programme's language: text messages, e-mails and jobs. Inside a
 * request, services return Words (lib/i18n/words.ts) and the edge words them for the reader.
 */
export const programmeTranslator = <N extends keyof Messages>(namespace: N) =>
  createTranslator({ locale: "zh-CN", messages: zhCN, namespace });
