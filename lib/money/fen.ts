// Money is integer fen (1 yuan = 100 fen) held as bigint, so sums and ratios are exact.
// Nothing in this file ever goes through a JavaScript number for an amount.

export type MoneyParseErrorCode = "EMPTY" | "NEGATIVE" | "EXPONENT" | "TOO_MANY_DECIMALS" | "INVALID" | "TOO_LARGE";

/** The catalogue key of each parse error's message (`money.parse.<code>`). */
export const moneyParseMessageKey = (code: MoneyParseErrorCode): string => `money.parse.${code}`;

/** Its message is the catalogue key of what to tell the reader (zod fields carry it as their issue). */
export class MoneyParseError extends Error {
  readonly code: MoneyParseErrorCode;

  constructor(code: MoneyParseErrorCode) {
    super(moneyParseMessageKey(code));
    this.name = "MoneyParseError";
    this.code = code;
  }
}

// 1e15 fen = ten trillion yuan: far above any loan, far below anything that would strain the
// database's BIGINT, and within what fenToChineseUpper (lib/pdf/amount-in-words.ts) can spell.
export const MAX_FEN = 1_000_000_000_000_000n;

// Thousands separators are optional but, when used, must group correctly ("5,00" is a typo,
// not five hundred). A leading ¥/￥ is tolerated because people paste formatted amounts.
const AMOUNT = /^(?:[¥￥])?((?:[1-9]\d{0,2}(?:,\d{3})+)|\d+)(?:\.(\d+))?$/;

export function parseYuanToFen(input: string): bigint {
  const text = input.trim();
  if (text === "") throw moneyError("EMPTY");
  if (/^[¥￥]?-/.test(text) || text.startsWith("−")) throw moneyError("NEGATIVE");
  if (/^[¥￥]?[\d.,]+e[+-]?\d+$/i.test(text)) throw moneyError("EXPONENT");

  const match = AMOUNT.exec(text);
  if (!match) throw moneyError("INVALID");
  const whole = (match[1] ?? "").replaceAll(",", "");
  const decimals = match[2];
  if (decimals !== undefined && decimals.length > 2) throw moneyError("TOO_MANY_DECIMALS");

  const fen = BigInt(whole) * 100n + BigInt((decimals ?? "").padEnd(2, "0"));
  if (fen > MAX_FEN) throw moneyError("TOO_LARGE");
  return fen;
}

// A result, not a throw: the zod field refines with it and puts the message (a catalogue key,
// worded by the action in the reader's language) on its field.
export type ParseYuanResult = { ok: true; fen: bigint } | { ok: false; message: string };

export function tryParseYuanToFen(input: string): ParseYuanResult {
  try {
    return { ok: true, fen: parseYuanToFen(input) };
  } catch (error) {
    if (error instanceof MoneyParseError) return { ok: false, message: error.message };
    throw error;
  }
}

export function formatFen(fen: bigint): string {
  return fen < 0n ? `-¥${formatFenPlain(-fen)}` : `¥${formatFenPlain(fen)}`;
}

export function formatFenPlain(fen: bigint): string {
  if (fen < 0n) return `-${formatFenPlain(-fen)}`;
  const [whole, cents] = splitFen(fen);
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ",")}.${cents}`;
}

// For form inputs and CSV cells: no symbol, no separators, always two decimals.
export function fenToYuanString(fen: bigint): string {
  if (fen < 0n) return `-${fenToYuanString(-fen)}`;
  const [whole, cents] = splitFen(fen);
  return `${whole}.${cents}`;
}

export function sumFen(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

// ratioBasisPoints: 10000 = 100 %. The result is rounded half-up on the magnitude (half away
// from zero), so mulRatioFen(-x, r) === -mulRatioFen(x, r) and a refund mirrors its payment.
export function mulRatioFen(fen: bigint, ratioBasisPoints: number): bigint {
  if (!Number.isSafeInteger(ratioBasisPoints) || ratioBasisPoints < 0) {
    throw new RangeError(`ratioBasisPoints must be a non-negative integer, got ${ratioBasisPoints}`);
  }
  if (fen < 0n) return -mulRatioFen(-fen, ratioBasisPoints);
  return (fen * BigInt(ratioBasisPoints) + 5_000n) / 10_000n;
}

function splitFen(fen: bigint): [string, string] {
  return [(fen / 100n).toString(), (fen % 100n).toString().padStart(2, "0")];
}

function moneyError(code: MoneyParseErrorCode): MoneyParseError {
  return new MoneyParseError(code);
}
