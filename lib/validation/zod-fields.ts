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
import { keyWithValues } from "@/lib/i18n/words";

// Field schemas shared by forms and server actions. Every message is a catalogue key
// (`validation.*`): the action words it in the reader's language (lib/i18n/words.ts).

const ID_MESSAGES = {
  format: "validation.idNumber.format",
  "birth-date": "validation.idNumber.birthDate",
  "check-char": "validation.idNumber.checkChar",
} as const;

const CREDIT_CODE_MESSAGES = {
  format: "validation.creditCode.format",
  "check-char": "validation.creditCode.checkChar",
} as const;

const requiredString = (emptyMessage: string) =>
  z.string({ error: emptyMessage }).trim().min(1, { error: emptyMessage });

export const idNumberField = requiredString("validation.idNumber.required")
  .transform(normaliseIdNumber)
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: ID_MESSAGES[problem] });
  });

export const creditCodeField = requiredString("validation.creditCode.required")
  .transform(normaliseCreditCode)
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: CREDIT_CODE_MESSAGES[problem] });
  });

export const mobileField = requiredString("validation.mobile.required")
  .transform(normaliseMobile)
  .refine(isValidMobile, { error: "validation.mobile.invalid" });

export const yuanAmountField = requiredString("validation.amount.required").transform((value, ctx) => {
  const result = tryParseYuanToFen(value);
  if (result.ok) return result.fen;
  ctx.addIssue({ code: "custom", message: result.message });
  return z.NEVER;
});

const REQUIRED_MESSAGE = "validation.text.required";
const CONTROL_MESSAGE = "validation.text.control";

export type TextFieldOptions = { min?: number };

// C0/C1 controls, plus the bidi overrides that can make a stored comment read differently on
// screen than in the audit log ("Trojan Source").
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

// Lengths count characters (code points), as PostgreSQL's varchar(n) does, not UTF-16 units.
export function safeTextField(max: number, options: TextFieldOptions = {}) {
  return textField(max, options.min ?? 1, CONTROL, CONTROL_MESSAGE);
}

// Browsers submit textarea line breaks as CRLF; store them as LF so lengths and diffs agree.
export function safeMultilineTextField(max: number, options: TextFieldOptions = {}) {
  return z
    .string({ error: REQUIRED_MESSAGE })
    .transform((value) => value.replace(/\r\n?/g, "\n"))
    .pipe(textField(max, options.min ?? 1, CONTROL_EXCEPT_NEWLINE_TAB, CONTROL_MESSAGE));
}

function textField(max: number, min: number, forbidden: RegExp, forbiddenMessage: string) {
  return z
    .string({ error: REQUIRED_MESSAGE })
    .trim()
    .refine((value) => !forbidden.test(value), { error: forbiddenMessage, abort: true })
    .refine((value) => Array.from(value).length >= min, {
      error: min <= 1 ? REQUIRED_MESSAGE : keyWithValues("validation.text.tooShort", { min }),
      abort: true,
    })
    .refine((value) => Array.from(value).length <= max, { error: keyWithValues("validation.text.tooLong", { max }) });
}
