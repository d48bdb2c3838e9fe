import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import catalogueLoader from "@/scripts/build/catalogue-loader.mjs";
import formatOnServer from "@/scripts/build/format-message.mjs";
import { _createCache, _createIntlFormatters, createTranslator } from "use-intl/core";
import formatCompiled from "use-intl/format-message/format-only";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";

// The build compiles the catalogues (next.config.ts, scripts/build/catalogue-loader.mjs) and pages
// format them with use-intl's small formatter instead of the ICU parser (the browser alone; the
// server's formatter, scripts/build/format-message.mjs, takes both kinds). Every message
// must read the same either way: here each one is worded by the parser (as jobs and tests do) and
// by the compiled path (as pages do), with every value, plural form and select branch it has.

type Catalogue = { [key: string]: string | Catalogue };
type Values = Record<string, unknown>;

const messagesOf = (catalogue: Catalogue, prefix = ""): [string, string][] =>
  Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value] as [string, string]] : messagesOf(value, `${prefix}${key}.`),
  );

const A_DATE = new Date("2026-03-04T05:06:07Z");
const tag = (name: string) => (chunks: unknown[]) => `<${name}>${chunks.join("")}</${name}>`;

/** The values a message takes, once with a plain value for each argument and then once per plural count or select branch. */
function valueSets(elements: MessageFormatElement[]): Values[] {
  const base: Values = {};
  const variants: [string, unknown][] = [];
  const walk = (list: MessageFormatElement[]) => {
    for (const el of list) {
      if (el.type === TYPE.argument) base[el.value] ??= `V-${el.value}`;
      else if (el.type === TYPE.number) base[el.value] ??= 12345.5;
      else if (el.type === TYPE.date || el.type === TYPE.time) base[el.value] ??= A_DATE;
      else if (el.type === TYPE.tag) {
        base[el.value] ??= tag(el.value);
        walk(el.children);
      } else if (el.type === TYPE.select) {
        const keys = Object.keys(el.options);
        base[el.value] ??= keys.find((k) => k !== "other") ?? "other";
        for (const k of [...keys, "no-such-branch"]) variants.push([el.value, k]);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.plural) {
        base[el.value] ??= 1;
        for (const n of [0, 1, 2, 5, 21]) variants.push([el.value, n]);
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(elements);
  return [base, ...variants.map(([name, value]) => ({ ...base, [name]: value }))];
}

// What use-intl hands a formatter: its caches and Intl formatters.
const cache = _createCache();
const formatters = _createIntlFormatters(cache);

const asText = (worded: unknown): string => (Array.isArray(worded) ? worded.join("") : String(worded));

/** The catalogue as the build hands it to the portal's modules: through the loader. */
function asBuilt(locale: string): Catalogue {
  const file = `lib/i18n/messages/${locale}.json`;
  return JSON.parse(catalogueLoader.call({ resourcePath: file }, readFileSync(file, "utf8"))) as Catalogue;
}

const at = (catalogue: Catalogue, key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);

describe.each([
  ["zh-CN", zhCN as Catalogue],
  ["en", en as Catalogue],
])("the %s catalogue compiled at build time", (locale, catalogue) => {
  const built = asBuilt(locale);
  const parsed = createTranslator({ locale, messages: catalogue, timeZone: BEIJING_TIME_ZONE }) as unknown as {
    (key: string, values?: Values): string;
    markup(key: string, values?: Values): string;
  };
  const messages = messagesOf(catalogue);

  it("keeps every key, and a message without values or tags as its text", () => {
    for (const [key, text] of messages) {
      expect(at(built, key), key).toBeDefined();
      if (!/[{}<>']/.test(text)) expect(at(built, key), key).toBe(text);
    }
    const keysOf = (node: unknown, prefix = ""): string[] =>
      node !== null && typeof node === "object" && !Array.isArray(node)
        ? Object.entries(node).flatMap(([key, value]) => keysOf(value, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    expect(keysOf(built).sort()).toEqual(messages.map(([key]) => key).sort());
  });

  it("has messages with values, plurals and selects to compare", () => {
    const withValues = messages.filter(([, text]) => /[{<]/.test(text));
    expect(messages.length).toBeGreaterThan(500);
    expect(withValues.length).toBeGreaterThan(50);
    expect(messages.some(([, text]) => /, plural,/.test(text))).toBe(true);
  });

  it("words every message the same compiled as parsed", () => {
    const differ: string[] = [];
    let compared = 0;
    for (const [key, text] of messages) {
      const ast = parse(text, { ignoreTag: false });
      const compiled = at(built, key);
      const hasTags = JSON.stringify(ast).includes(`"type":${TYPE.tag}`);
      for (const values of valueSets(ast)) {
        const expected = hasTags ? parsed.markup(key, values) : parsed(key, values);
        const options = { locale, timeZone: BEIJING_TIME_ZONE, formatters, cache };
        const inBrowser = asText(formatCompiled(key, compiled as never, values as never, options as never));
        const onServer = asText(formatOnServer(key, compiled, values, options));
        // A catalogue that reaches the server uncompiled reads the same.
        const onServerAsItIs = asText(formatOnServer(key, text, values, options));
        compared += 1;
        for (const [where, actual] of [["browser", inBrowser], ["server", onServer], ["server, as it is", onServerAsItIs]]) {
          if (actual !== expected) differ.push(`${where} ${key} ${JSON.stringify(values)}: ${JSON.stringify(expected)} != ${JSON.stringify(actual)}`);
        }
      }
    }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(messages.length);
  });
});
