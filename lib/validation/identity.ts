import { beijingDayOf } from "@/lib/calendar/beijing";

// Checksums and masks for the identifiers applicants type: resident ID (GB 11643-1999),
// unified social credit code (GB 32100-2015) and mainland mobile numbers.

export type IdNumberProblem = "format" | "birth-date" | "check-char";

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = "10X98765432";

// People type the final X in either case and paste with stray spaces.
export function normaliseIdNumber(id: string): string {
  return id.trim().toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("expected 17 digits");
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (ID_WEIGHTS[index] ?? 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

// `today` is injectable so the "not in the future" rule can be tested on fixed dates; the
// comparison uses the Beijing calendar date, because that is where the ID was issued.
export function idNumberProblem(id: string, today: Date = new Date()): IdNumberProblem | null {
  const value = normaliseIdNumber(id);
  if (!/^\d{17}[\dX]$/.test(value)) return "format";
  if (!isPlausibleBirthDate(value.slice(6, 14), today)) return "birth-date";
  if (idNumberCheckChar(value.slice(0, 17)) !== value.charAt(17)) return "check-char";
  return null;
}

export function isValidChineseIdNumber(id: string, today: Date = new Date()): boolean {
  return idNumberProblem(id, today) === null;
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return false;
  return yyyymmdd <= beijingDayOf(today).replaceAll("-", "");
}

export type CreditCodeProblem = "format" | "check-char";

// GB 32100-2015 leaves out I, O, Z, S and V, which are easily confused with digits.
const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function normaliseCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError("expected 17 characters");
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = CREDIT_ALPHABET.indexOf(first17.charAt(index));
    if (value < 0) throw new RangeError(`character outside the GB 32100 alphabet: ${first17.charAt(index)}`);
    sum += value * (CREDIT_WEIGHTS[index] ?? 0);
  }
  return CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

// Only the alphabet and the check character are verified; the registration-authority,
// category and region segments change over time and are not ours to police.
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const value = normaliseCreditCode(code);
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return "format";
  if (creditCodeCheckChar(value.slice(0, 17)) !== value.charAt(17)) return "check-char";
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

export function normaliseMobile(mobile: string): string {
  return mobile.trim();
}

export function isValidMobile(mobile: string): boolean {
  return /^1[3-9]\d{9}$/.test(normaliseMobile(mobile));
}

// Masks never reveal more than their pattern, even for malformed input: a value too short to
// keep both ends is masked completely rather than shown.
export function maskIdNumber(id: string): string {
  const value = normaliseIdNumber(id);
  if (value.length <= 10) return "*".repeat(value.length);
  return `${value.slice(0, 6)}${"*".repeat(value.length - 10)}${value.slice(-4)}`;
}

export function maskMobile(mobile: string): string {
  const value = normaliseMobile(mobile);
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}

// Always four groups, so the mask does not leak the account number's length.
export function maskBankAccount(account: string): string {
  const value = account.replace(/[\s-]/g, "");
  if (value.length <= 4) return "**** **** **** ****";
  return `**** **** **** ${value.slice(-4)}`;
}

export function maskName(name: string): string {
  // Array.from splits by code point, so rare characters outside the BMP count as one.
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return "*".repeat(chars.length);
  return `${chars[0]}${"*".repeat(chars.length - 1)}`;
}
