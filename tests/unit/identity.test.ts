import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  creditCodeCheckChar,
  creditCodeProblem,
  idNumberCheckChar,
  idNumberProblem,
  isValidChineseIdNumber,
  isValidCreditCode,
  isValidMobile,
  maskBankAccount,
  maskIdNumber,
  maskMobile,
  maskName,
  normaliseIdNumber,
} from "@/lib/validation/identity";
import {
  creditCodeField,
  idNumberField,
  mobileField,
  safeMultilineTextField,
  safeTextField,
  yuanAmountField,
} from "@/lib/validation/zod-fields";
import { makeCreditCode, makeIdNumber, makeMobile } from "@/tests/support/ids";
import { worded } from "@/tests/support/words";

const ID_CHARS = "0123456789X";
const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const seeds = fc.integer({ min: 0, max: 0x7fffffff });

// The first issue as the reader sees it: zod issues carry catalogue keys.
function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  const message = result.error?.issues[0]?.message;
  return message === undefined ? undefined : worded(message);
}

describe("resident ID numbers (GB 11643-1999)", () => {
  it("accepts the standard's worked example, with either case of X", () => {
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
    expect(isValidChineseIdNumber("11010519491231002X")).toBe(true);
    expect(isValidChineseIdNumber("11010519491231002x")).toBe(true);
    expect(isValidChineseIdNumber(" 11010519491231002X ")).toBe(true);
    expect(normaliseIdNumber(" 11010519491231002x ")).toBe("11010519491231002X");
  });

  it("rejects the standard's other example only because it was born before 1900", () => {
    expect(idNumberCheckChar("44052418800101001")).toBe("4");
    expect(idNumberProblem("440524188001010014")).toBe("birth-date");
  });

  it.each([
    ["11010519491231002", "format"],
    ["11010519491231002XX", "format"],
    ["1101051949123100 X", "format"],
    ["11010519491231002Y", "format"],
    ["X10105194912310021", "format"],
    ["110105194912310029", "check-char"],
    ["110105194902300026", "birth-date"], // 30 February
    ["110105190002290024", "birth-date"], // 1900 was not a leap year
    ["110105189912310021", "birth-date"],
  ])("%s → %s", (id, problem) => {
    expect(idNumberProblem(id)).toBe(problem);
  });

  it("accepts 29 February in a leap year", () => {
    const first17 = "11010520000229002";
    expect(isValidChineseIdNumber(first17 + idNumberCheckChar(first17))).toBe(true);
  });

  it("rejects a birth date after today in Beijing, accepts today", () => {
    const first17 = "11010520300615002";
    const id = first17 + idNumberCheckChar(first17);
    // 2030-06-14 16:00 UTC is already 2030-06-15 in Beijing.
    expect(isValidChineseIdNumber(id, new Date("2030-06-14T16:00:00Z"))).toBe(true);
    expect(isValidChineseIdNumber(id, new Date("2030-06-14T15:59:59Z"))).toBe(false);
    expect(isValidChineseIdNumber(id)).toBe(false);
  });

  it("validates every generated number, and the generator is reproducible", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(idNumberProblem(makeIdNumber(seed))).toBeNull();
        expect(makeIdNumber(seed)).toBe(makeIdNumber(seed));
      }),
    );
    expect(isValidChineseIdNumber(makeIdNumber())).toBe(true);
    expect(new Set(Array.from({ length: 50 }, () => makeIdNumber())).size).toBe(50);
  });

  it("rejects any single-character change", () => {
    fc.assert(
      fc.property(seeds, fc.nat(17), fc.integer({ min: 1, max: 10 }), (seed, position, shift) => {
        const id = makeIdNumber(seed);
        const alphabet = position === 17 ? ID_CHARS : ID_CHARS.slice(0, 10);
        const current = alphabet.indexOf(id.charAt(position));
        const replacement = alphabet.charAt((current + (shift % (alphabet.length - 1)) + 1) % alphabet.length);
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(changed).not.toBe(id);
        expect(isValidChineseIdNumber(changed)).toBe(false);
      }),
    );
  });
});

describe("unified social credit codes (GB 32100-2015)", () => {
  it.each([
    "91350100M000100Y43", // widely cited as a format example
    "9144030071526726XG",
    "914403001922038216",
    "91110108551385082Q",
    "91330100716105852F",
    "911100001000044477",
  ])("accepts the publicly registered code %s", (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it("computes check characters by hand-checked arithmetic", () => {
    // 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13
    // + 1·8 + 0·24 + 0·10 + Y(30)·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
    // Sum ≡ 0 (mod 31) gives check 31, which wraps to "0".
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
    expect(isValidCreditCode("000000000000000000")).toBe(true);
  });

  it("normalises to upper case", () => {
    expect(isValidCreditCode(" 9144030071526726xg ")).toBe(true);
  });

  it.each([
    ["91350100M000100Y4", "format"],
    ["91350100M000100Y433", "format"],
    ["91350100O000100Y43", "format"], // O is not in the alphabet
    ["91350100M000100I43", "format"],
    ["91350100M000100Y4Z", "format"],
    ["91350100M000100Y44", "check-char"],
    ["91350100M000100Y34", "check-char"], // adjacent transposition
  ])("%s → %s", (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it("validates every generated code, and the generator is reproducible", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(creditCodeProblem(makeCreditCode(seed))).toBeNull();
        expect(makeCreditCode(seed)).toBe(makeCreditCode(seed));
      }),
    );
    expect(new Set(Array.from({ length: 50 }, () => makeCreditCode())).size).toBe(50);
  });

  it("rejects any single-character change, including of the check character", () => {
    fc.assert(
      fc.property(seeds, fc.nat(17), fc.integer({ min: 1, max: 30 }), (seed, position, shift) => {
        const code = makeCreditCode(seed);
        const current = CREDIT_CHARS.indexOf(code.charAt(position));
        const changed = code.slice(0, position) + CREDIT_CHARS.charAt((current + shift) % 31) + code.slice(position + 1);
        expect(isValidCreditCode(changed)).toBe(false);
      }),
    );
  });
});

describe("mobile numbers", () => {
  it.each(["13812345678", "19912345678", " 15000000000 "])("accepts %j", (mobile) => {
    expect(isValidMobile(mobile)).toBe(true);
  });

  it.each(["12812345678", "1381234567", "138123456789", "+8613812345678", "138-1234-5678", "23812345678", ""])(
    "rejects %j",
    (mobile) => {
      expect(isValidMobile(mobile)).toBe(false);
    },
  );

  it("accepts every generated number", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(isValidMobile(makeMobile(seed))).toBe(true);
      }),
    );
  });
});

describe("masks", () => {
  it("shows only the ends of an ID number", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
    expect(maskIdNumber("11010519491231002x")).toBe("110105********002X");
    expect(maskIdNumber("1234567890")).toBe("**********");
  });

  it("shows only the ends of a mobile number", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
    expect(maskMobile("1381234")).toBe("*******");
  });

  it("keeps the last four of a bank account, without revealing its length", () => {
    expect(maskBankAccount("6217 0000 1234 5678 1234")).toBe("**** **** **** 1234");
    expect(maskBankAccount("6222021234567890")).toBe("**** **** **** 7890");
    expect(maskBankAccount("123")).toBe("**** **** **** ****");
  });

  it("keeps the first character of a name", () => {
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("李四")).toBe("李*");
    expect(maskName("欧阳𠀾明")).toBe("欧***");
    expect(maskName("王")).toBe("*");
  });

  it("never leaks the middle digits of generated IDs", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const id = makeIdNumber(seed);
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe("********");
        expect(masked).not.toContain(id.slice(6, 14));
      }),
    );
  });
});

describe("zod fields", () => {
  it("idNumberField normalises and explains each problem in Chinese", () => {
    expect(idNumberField.parse(" 11010519491231002x")).toBe("11010519491231002X");
    expect(firstIssue(idNumberField.safeParse("110105194912310029"))).toBe("身份证号码校验位不正确");
    expect(firstIssue(idNumberField.safeParse("110105194902300026"))).toBe("身份证号码中的出生日期无效");
    expect(firstIssue(idNumberField.safeParse("12345"))).toBe("身份证号码应为18位，最后一位可以是数字或X");
    expect(firstIssue(idNumberField.safeParse("  "))).toBe("请输入身份证号码");
    expect(firstIssue(idNumberField.safeParse(undefined))).toBe("请输入身份证号码");
  });

  it("creditCodeField normalises and rejects bad check characters", () => {
    expect(creditCodeField.parse("9144030071526726xg")).toBe("9144030071526726XG");
    expect(firstIssue(creditCodeField.safeParse("91350100M000100Y44"))).toBe("统一社会信用代码校验位不正确");
    expect(firstIssue(creditCodeField.safeParse("91350100O000100Y43"))).toMatch(/18位/);
  });

  it("mobileField trims and validates", () => {
    expect(mobileField.parse(" 13812345678 ")).toBe("13812345678");
    expect(firstIssue(mobileField.safeParse("12812345678"))).toBe("请输入正确的11位手机号码");
  });

  it("yuanAmountField turns yuan text into fen", () => {
    expect(yuanAmountField.parse("500,000.00")).toBe(50_000_000n);
    expect(worded(firstIssue(yuanAmountField.safeParse("-1")))).toBe("金额不能为负数");
    expect(firstIssue(yuanAmountField.safeParse(""))).toBe("请输入金额");
  });

  it("safeTextField trims, limits by characters and rejects control characters", () => {
    const field = safeTextField(5);
    expect(field.parse("  你好 ")).toBe("你好");
    expect(field.parse("𠀾𠀾𠀾𠀾𠀾")).toBe("𠀾𠀾𠀾𠀾𠀾"); // 5 characters, 10 UTF-16 units
    expect(firstIssue(field.safeParse("一二三四五六"))).toBe("不能超过5个字");
    expect(firstIssue(field.safeParse("   "))).toBe("请填写此项");
    expect(firstIssue(field.safeParse("a\u0000b"))).toBe("内容包含不允许的控制字符");
    expect(firstIssue(field.safeParse("a\nb"))).toBe("内容包含不允许的控制字符");
    expect(firstIssue(field.safeParse("a\tb"))).toBe("内容包含不允许的控制字符");
    expect(firstIssue(field.safeParse("ab\u202Ec"))).toBe("内容包含不允许的控制字符");
    expect(safeTextField(5, { min: 0 }).parse("  ")).toBe("");
  });

  it("safeMultilineTextField keeps newlines and tabs, folding CRLF to LF", () => {
    const field = safeMultilineTextField(20);
    expect(field.parse(" 第一行\r\n第二行\r第三行\n\t缩进 ")).toBe("第一行\n第二行\n第三行\n\t缩进");
    expect(firstIssue(field.safeParse("a\u0007b"))).toBe("内容包含不允许的控制字符");
    expect(firstIssue(field.safeParse("a\u2066b"))).toBe("内容包含不允许的控制字符");
    expect(firstIssue(safeMultilineTextField(3).safeParse("a\r\nb\r\n"))).toBeUndefined();
    expect(firstIssue(safeMultilineTextField(3).safeParse("a\r\nbc"))).toBe("不能超过3个字");
  });
});
