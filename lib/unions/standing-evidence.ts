import { createTranslator } from "use-intl/core";
// With its import attribute: the demo seed writes standing records too, and it also runs under
// Node's own module loader (the end-to-end setup), which reads JSON only when told it is JSON.
import zhCN from "@/lib/i18n/messages/zh-CN.json" with { type: "json" };

// The evidence stored with a standing record. Stored text is in the programme's language,
// whoever records it (lib/i18n/translator.ts's programmeTranslator, read here with the attribute).
const unionWords = createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "unions" });

export const standingEvidence = (unionName: string, memberCardNo: string): string =>
  unionWords("evidence", { union: unionName, card: memberCardNo });
