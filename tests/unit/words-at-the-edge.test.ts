import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Words stop at the page edge: services, schemas and jobs name their messages (lib/i18n/words.ts)
// and the reader's language words them; pages and components take their words from the
// catalogues too. Chinese may stand in the code only where it is not words for a reader: the
// message catalogues, the PDF templates' fixed official wording, and the demo data.
const ALLOWED = [/^lib\/i18n\/messages\//, /^lib\/pdf\//, /^lib\/demo\//, /^lib\/generated\//];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// Pages and components take punctuation from the catalogues too (common.punct): "：" and "（…）" are
// not English. lib/ may hold them where it reads what people type or paste.
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

function chineseLines(root = process.cwd()): string[] {
  const found: string[] = [];
  for (const file of ["lib", "app", "components"].flatMap((dir) => sources(path.join(root, dir)))) {
    const relative = path.relative(root, file).split(path.sep).join("/");
    if (ALLOWED.some((allowed) => allowed.test(relative))) continue;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (CJK.test(line) || (!relative.startsWith("lib/") && CJK_PUNCTUATION.test(line))) found.push(`${relative}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe("words at the edge", () => {
  it("finds Chinese where it stands (the check can fail)", () => {
    expect(CJK.test("请输入金额")).toBe(true);
    expect(CJK.test("Please enter an amount")).toBe(false);
    expect(CJK_PUNCTUATION.test("利率（LPR：3.45%）")).toBe(true);
    expect(CJK_PUNCTUATION.test("Rate (LPR: 3.45%)")).toBe(false);
  });

  it("no line of lib/, app/ or components/ outside the catalogues, the PDF wording and the demo data holds Chinese", () => {
    expect(chineseLines()).toEqual([]);
  });
});
