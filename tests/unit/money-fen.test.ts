import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fenToYuanString,
  formatFen,
  formatFenPlain,
  MAX_FEN,
  MoneyParseError,
  mulRatioFen,
  parseYuanToFen,
  sumFen,
  tryParseYuanToFen,
} from "@/lib/money/fen";
import { fenToChineseUpper } from "@/lib/pdf/amount-in-words";
import { worded } from "@/tests/support/words";

const validFen = fc.bigInt({ min: 0n, max: MAX_FEN });

describe("parseYuanToFen", () => {
  it.each([
    ["500000", 50_000_000n],
    ["500,000.00", 50_000_000n],
    ["1234.5", 123_450n],
    ["0.01", 1n],
    ["0", 0n],
    ["1,234,567.89", 123_456_789n],
    ["  42.10 ", 4_210n],
    ["¥1,234.56", 123_456n],
    ["￥35146.94", 3_514_694n],
    ["007", 700n],
    ["10000000000000", MAX_FEN],
  ])("parses %j as %s fen", (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["-1", "NEGATIVE"],
    ["-0.01", "NEGATIVE"],
    ["¥-5", "NEGATIVE"],
    ["−5", "NEGATIVE"],
    ["1.234", "TOO_MANY_DECIMALS"],
    ["0.001", "TOO_MANY_DECIMALS"],
    ["1e5", "EXPONENT"],
    ["1.5E3", "EXPONENT"],
    ["2e-2", "EXPONENT"],
    ["abc", "INVALID"],
    ["12a", "INVALID"],
    ["1.", "INVALID"],
    [".5", "INVALID"],
    ["+5", "INVALID"],
    ["1 000", "INVALID"],
    ["5,00", "INVALID"],
    ["1234,567", "INVALID"],
    ["0,123", "INVALID"],
    ["1,234.5.6", "INVALID"],
    ["NaN", "INVALID"],
    ["Infinity", "INVALID"],
    ["0x10", "INVALID"],
    ["10000000000000.01", "TOO_LARGE"],
    ["99999999999999999999", "TOO_LARGE"],
  ])("rejects %j with %s", (input, code) => {
    let caught: unknown;
    try {
      parseYuanToFen(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MoneyParseError);
    expect((caught as MoneyParseError).code).toBe(code);
    expect(worded((caught as MoneyParseError).message)).toMatch(/金额/);
  });

  it("reports negatives in Chinese", () => {
    expect(() => parseYuanToFen("-3")).toThrow("money.parse.NEGATIVE");
    const refused = tryParseYuanToFen("-3");
    expect(refused.ok ? "" : worded(refused.message)).toBe("金额不能为负数");
  });
});

describe("tryParseYuanToFen", () => {
  it("returns the fen on success", () => {
    expect(tryParseYuanToFen("500,000.00")).toEqual({ ok: true, fen: 50_000_000n });
  });

  it("returns the Chinese message on failure", () => {
    const refused = tryParseYuanToFen("1.234");
    expect(refused).toEqual({ ok: false, message: "money.parse.TOO_MANY_DECIMALS" });
    expect(refused.ok ? "" : worded(refused.message)).toBe("金额最多保留两位小数（精确到分）");
  });
});

describe("formatting", () => {
  it.each([
    [0n, "¥0.00", "0.00", "0.00"],
    [1n, "¥0.01", "0.01", "0.01"],
    [10n, "¥0.10", "0.10", "0.10"],
    [99_999n, "¥999.99", "999.99", "999.99"],
    [100_000n, "¥1,000.00", "1,000.00", "1000.00"],
    [123_456n, "¥1,234.56", "1,234.56", "1234.56"],
    [50_000_000n, "¥500,000.00", "500,000.00", "500000.00"],
    [4_649_000_000n, "¥46,490,000.00", "46,490,000.00", "46490000.00"],
    [-123_456n, "-¥1,234.56", "-1,234.56", "-1234.56"],
    [-5n, "-¥0.05", "-0.05", "-0.05"],
  ])("%s fen → %s / %s / %s", (fen, withSymbol, plain, bare) => {
    expect(formatFen(fen)).toBe(withSymbol);
    expect(formatFenPlain(fen)).toBe(plain);
    expect(fenToYuanString(fen)).toBe(bare);
  });

  it("round-trips every amount through each format", () => {
    fc.assert(
      fc.property(validFen, (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toBe(fen);
        expect(parseYuanToFen(formatFenPlain(fen))).toBe(fen);
        expect(parseYuanToFen(fenToYuanString(fen))).toBe(fen);
      }),
    );
  });

  it("formats negatives as the negation of the positive", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_FEN }), (fen) => {
        expect(formatFen(-fen)).toBe(`-${formatFen(fen)}`);
        expect(fenToYuanString(-fen)).toBe(`-${fenToYuanString(fen)}`);
      }),
    );
  });
});

describe("fenToChineseUpper", () => {
  it.each([
    [50_000_000n, "伍拾万元整"],
    [3_514_694n, "叁万伍仟壹佰肆拾陆元玖角肆分"],
    [140_000_000n, "壹佰肆拾万元整"],
    [10_005n, "壹佰元零伍分"],
    [0n, "零元整"],
    [100_001_050n, "壹佰万零壹拾元伍角"],
    [1_000n, "壹拾元整"],
    [100n, "壹元整"],
    [1_100n, "壹拾壹元整"],
    [50n, "伍角"],
    [5n, "伍分"],
    [55n, "伍角伍分"],
    // Examples printed in 《支付结算办法》 附件一.
    [168_032n, "壹仟陆佰捌拾元叁角贰分"],
    [10_700_053n, "壹拾万柒仟元伍角叁分"],
    [1_640_902n, "壹万陆仟肆佰零玖元零贰分"],
    [32_504n, "叁佰贰拾伍元零肆分"],
    [100_100n, "壹仟零壹元整"],
    [1_000_100n, "壹万零壹元整"],
    [10_000_000_000n, "壹亿元整"],
    [10_000_000_500n, "壹亿零伍元整"],
    [10_000_500_000n, "壹亿零伍仟元整"],
    [10_010_000_000n, "壹亿零壹拾万元整"],
    [464_900_000_000n, "肆拾陆亿肆仟玖佰万元整"],
    [100_000_000_000_000n, "壹万亿元整"],
    [100_010_000_000_000n, "壹万零壹亿元整"],
    [100_000_000_500_000n, "壹万亿零伍仟元整"],
    [MAX_FEN, "壹拾万亿元整"],
    [-10n, "负壹角"],
    [-50_000_000n, "负伍拾万元整"],
  ])("%s fen → %s", (fen, upper) => {
    expect(fenToChineseUpper(fen)).toBe(upper);
  });

  it("spells up to 9999 万亿 and refuses more", () => {
    expect(fenToChineseUpper(999_999_999_999_999_999n)).toBe(
      "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    );
    expect(() => fenToChineseUpper(1_000_000_000_000_000_000n)).toThrow(RangeError);
  });

  it("never doubles 零, never ends the integer part with 零, and only ends with 整 after 元", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_FEN }), (fen) => {
        const upper = fenToChineseUpper(fen);
        expect(upper).not.toMatch(/零零|零元|零[万亿]|^零/);
        expect(upper).toMatch(/(元整|角|分)$/);
        expect(upper.endsWith("整")).toBe(fen % 100n === 0n);
      }),
    );
  });

  it("reads back to the same amount", () => {
    fc.assert(
      fc.property(validFen, (fen) => {
        expect(readChineseUpper(fenToChineseUpper(fen))).toBe(fen);
      }),
    );
  });
});

describe("sumFen", () => {
  it("adds exactly, beyond the range of a double", () => {
    expect(sumFen([])).toBe(0n);
    expect(sumFen([9_007_199_254_740_993n, 1n, -2n])).toBe(9_007_199_254_740_992n);
  });

  it("totals the seed's three-year subsidy", () => {
    // Individual quarters are illustrative; the sum is the figure from the newspaper.
    expect(formatFen(sumFen([1_171_565n, 1_171_565n, 1_171_564n]))).toBe("¥35,146.94");
  });
});

describe("mulRatioFen", () => {
  it.each([
    [3_514_694n, 10_000, 3_514_694n],
    [3_514_694n, 5_000, 1_757_347n],
    [1n, 5_000, 1n], // 0.5 fen rounds up
    [1n, 4_999, 0n],
    [3n, 5_000, 2n], // 1.5 → 2
    [5n, 1_000, 1n], // 0.5 → 1
    [4n, 1_250, 1n], // 0.5 → 1
    [100n, 15_000, 150n],
    [-1n, 5_000, -1n], // half away from zero on negatives
    [-3n, 5_000, -2n],
    [12_345n, 0, 0n],
  ])("%s fen × %s bp = %s", (fen, ratio, expected) => {
    expect(mulRatioFen(fen, ratio)).toBe(expected);
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects ratio %s", (ratio) => {
    expect(() => mulRatioFen(100n, ratio)).toThrow(RangeError);
  });

  it("is within half a fen of the exact product and symmetric in sign", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_FEN }), fc.integer({ min: 0, max: 20_000 }), (fen, ratio) => {
        const result = mulRatioFen(fen, ratio);
        const exactTimes10000 = fen * BigInt(ratio);
        const error = result * 10_000n - exactTimes10000;
        // Half-up: an exact half fen rounds up, so the error lies in (-0.5, +0.5] fen.
        expect(error > -5_000n && error <= 5_000n).toBe(true);
        expect(mulRatioFen(-fen, ratio)).toBe(-result);
      }),
    );
  });
});

// An independent reader for the property test: parses a 大写 amount back into fen.
function readChineseUpper(text: string): bigint {
  const digits: Record<string, bigint> = { 零: 0n, 壹: 1n, 贰: 2n, 叁: 3n, 肆: 4n, 伍: 5n, 陆: 6n, 柒: 7n, 捌: 8n, 玖: 9n };
  const places: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };
  let total = 0n;
  let section = 0n; // below 万
  let wan = 0n; // below 亿
  let digit = 0n;
  for (const char of text) {
    if (char in digits) digit = digits[char] ?? 0n;
    else if (char in places) {
      section += digit * (places[char] ?? 0n);
      digit = 0n;
    } else if (char === "万") {
      wan += (section + digit) * 10_000n;
      section = 0n;
      digit = 0n;
    } else if (char === "亿") {
      total = (total + wan + section + digit) * 100_000_000n;
      wan = 0n;
      section = 0n;
      digit = 0n;
    } else if (char === "元") {
      total = (total + wan + section + digit) * 100n;
      wan = 0n;
      section = 0n;
      digit = 0n;
    } else if (char === "角") {
      total += digit * 10n;
      digit = 0n;
    } else if (char === "分") {
      total += digit;
      digit = 0n;
    }
  }
  return total;
}
