import { z } from "zod";
import { tryParseYuanToFen } from "@/lib/money/fen";
import {
  creditCodeProblem,
  idNumberProblem,
  isValidMobile,
  normaliseCreditCode,
  normaliseIdNumber,
  normaliseMobile,
} from "@/lib/validation/identity";

// Field schemas shared by forms and server actions. Every message is what the applicant reads.

const ID_MESSAGES = {
  format: "身份证号码应为18位，最后一位可以是数字或X",
  "birth-date": "身份证号码中的出生日期无效",
  "check-char": "身份证号码校验位不正确",
} as const;

const CREDIT_CODE_MESSAGES = {
  format: "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）",
  "check-char": "统一社会信用代码校验位不正确",
} as const;

const requiredString = (emptyMessage: string) =>
  z.string({ error: emptyMessage }).trim().min(1, { error: emptyMessage });

export const idNumberField = requiredString("请输入身份证号码")
  .transform(normaliseIdNumber)
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: ID_MESSAGES[problem] });
  });

export const creditCodeField = requiredString("请输入统一社会信用代码")
  .transform(normaliseCreditCode)
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: CREDIT_CODE_MESSAGES[problem] });
  });

export const mobileField = requiredString("请输入手机号码")
  .transform(normaliseMobile)
  .refine(isValidMobile, { error: "请输入正确的11位手机号码" });

export const yuanAmountField = requiredString("请输入金额").transform((value, ctx) => {
  const result = tryParseYuanToFen(value);
  if (result.ok) return result.fen;
  ctx.addIssue({ code: "custom", message: result.message });
  return z.NEVER;
});

export type TextFieldOptions = { min?: number };

// C0/C1 controls, plus the bidi overrides that can make a stored comment read differently on
// screen than in the audit log ("Trojan Source").
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

// Lengths count characters (code points), as PostgreSQL's varchar(n) does, not UTF-16 units.
export function safeTextField(max: number, options: TextFieldOptions = {}) {
  return textField(max, options.min ?? 1, CONTROL, "内容包含不允许的控制字符");
}

// Browsers submit textarea line breaks as CRLF; store them as LF so lengths and diffs agree.
export function safeMultilineTextField(max: number, options: TextFieldOptions = {}) {
  return z
    .string({ error: "请填写此项" })
    .transform((value) => value.replace(/\r\n?/g, "\n"))
    .pipe(textField(max, options.min ?? 1, CONTROL_EXCEPT_NEWLINE_TAB, "内容包含不允许的控制字符"));
}

function textField(max: number, min: number, forbidden: RegExp, forbiddenMessage: string) {
  return z
    .string({ error: "请填写此项" })
    .trim()
    .refine((value) => !forbidden.test(value), { error: forbiddenMessage, abort: true })
    .refine((value) => Array.from(value).length >= min, {
      error: min <= 1 ? "请填写此项" : `至少需要${min}个字`,
      abort: true,
    })
    .refine((value) => Array.from(value).length <= max, { error: `不能超过${max}个字` });
}
