import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import { STATUS_WORDS } from "@/lib/i18n/status-words";
import { ELIGIBILITY_CODES } from "@/lib/applications/eligibility";

// Status words everywhere: every value of every status enum in the schema has words in each
// catalogue namespace that shows it, in Chinese and in English, and none of them is the code.

type Messages = { [key: string]: string | Messages };

/** The schema's enums, read from the file itself (not from a list kept by hand). */
function schemaEnums(): Record<string, string[]> {
  const schema = readFileSync(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");
  const out: Record<string, string[]> = {};
  for (const m of schema.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) {
    out[m[1]!] = m[2]!.split("\n").map((l) => l.replace(/\/\/.*$/, "").trim()).filter(Boolean);
  }
  return out;
}

const isStatusEnum = (name: string) => name.endsWith("Status") || name === "SubsidyExclusion";

const lookup = (messages: Messages, key: string): string | Messages | undefined =>
  key.split(".").reduce<string | Messages | undefined>((o, k) => (typeof o === "object" ? o[k] : undefined), messages);

const CATALOGUES = { "zh-CN": zhCN as unknown as Messages, en: en as unknown as Messages };

describe("status words", () => {
  const enums = schemaEnums();

  it("finds the status enums in the schema, and every one is listed with the namespaces that word it", () => {
    const statusEnums = Object.keys(enums).filter(isStatusEnum).sort();
    expect(statusEnums).toEqual(expect.arrayContaining(["ApplicationStatus", "BatchStatus", "LoanStatus", "SubsidyExclusion"]));
    expect(statusEnums).toEqual(Object.keys(STATUS_WORDS).sort());
  });

  for (const [name, namespaces] of Object.entries(STATUS_WORDS)) {
    for (const [locale, messages] of Object.entries(CATALOGUES)) {
      it(`every ${name} value has ${locale} words in ${namespaces.join(", ")}`, () => {
        const missing: string[] = [];
        for (const ns of namespaces) {
          for (const value of enums[name] ?? []) {
            const words = lookup(messages, `${ns}.${value}`);
            if (typeof words !== "string" || !words.trim() || words === value || /\b[A-Z]{2,}_[A-Z_]+\b/.test(words)) missing.push(`${ns}.${value}`);
            else if (locale === "zh-CN" && !/\p{Script=Han}/u.test(words)) missing.push(`${ns}.${value} (not Chinese)`);
          }
        }
        expect(enums[name]?.length).toBeGreaterThan(1);
        expect(missing).toEqual([]);
      });
    }
  }

  it("every eligibility block has words in both languages, with the same placeholders", () => {
    for (const code of ELIGIBILITY_CODES) {
      const zh = lookup(CATALOGUES["zh-CN"], `errors.eligibility.${code}`);
      const e = lookup(CATALOGUES.en, `errors.eligibility.${code}`);
      expect(typeof zh, code).toBe("string");
      expect(typeof e, code).toBe("string");
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(e as string), code).toEqual(holes(zh as string));
    }
  });
});
