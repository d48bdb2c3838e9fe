import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import { fieldErrorsIn, isWords, keyWithValues, wordIn, words, type RootTranslator } from "@/lib/i18n/words";

const zh = createTranslator({ locale: "zh-CN", messages: zhCN }) as unknown as RootTranslator;
const english = createTranslator({ locale: "en", messages: en as typeof zhCN }) as unknown as RootTranslator;

describe("words: messages named by key, worded at the edge", () => {
  it("puts the same words into each reader's language", () => {
    const notFound = words("errors.NOT_FOUND");
    expect(wordIn(zh, notFound)).toBe(zhCN.errors.NOT_FOUND);
    expect(wordIn(english, notFound)).toBe(en.errors.NOT_FOUND);
    expect(wordIn(english, notFound)).not.toBe(wordIn(zh, notFound));
  });

  it("a string that the catalogue knows is a key (zod issues); any other string is shown as it is", () => {
    expect(wordIn(english, "errors.VALIDATION")).toBe(en.errors.VALIDATION);
    expect(wordIn(english, "Invalid input")).toBe("Invalid input");
  });

  it("a zod message that needs values carries them beside its key", () => {
    const tooLong = keyWithValues("validation.text.tooLong", { max: 5 });
    expect(wordIn(zh, tooLong)).toBe("不能超过5个字");
    expect(wordIn(english, tooLong)).toBe("At most 5 characters");
    expect(wordIn(english, "not.a.key|{\"max\":5}")).toBe("not.a.key|{\"max\":5}");
    expect(wordIn(english, "text with |{ but no JSON")).toBe("text with |{ but no JSON");
  });

  it("words field errors one by one and keeps the fields", () => {
    expect(fieldErrorsIn(english, { amount: [words("errors.TOO_LARGE"), "errors.VALIDATION"] })).toEqual({ amount: [en.errors.TOO_LARGE, en.errors.VALIDATION] });
    expect(fieldErrorsIn(english, undefined)).toBeUndefined();
  });

  it("tells Words from other values", () => {
    expect(isWords(words("errors.CONFLICT", { n: 1 }))).toBe(true);
    expect(isWords("errors.CONFLICT")).toBe(false);
    expect(isWords(null)).toBe(false);
    expect(words("errors.CONFLICT")).toEqual({ key: "errors.CONFLICT" });
  });
});
