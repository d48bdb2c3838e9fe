// Money is integer fen (1 yuan = 100 fen) held as bigint, so sums and ratios are exact.
// Nothing in this file ever goes through a JavaScript number for an amount.

export type MoneyParseErrorCode = "EMPTY" | "NEGATIVE" | "EXPONENT" | "TOO_MANY_DECIMALS" | "INVALID" | "TOO_LARGE";

export class MoneyParseError extends Error {
  readonly code: MoneyParseErrorCode;

  constructor(code: MoneyParseErrorCode, message: string) {
    super(message);
    this.name = "MoneyParseError";
    this.code = code;
  }
}

// 1e15 fen = 10 万亿 yuan: far above any loan, far below anything that would strain the
// database's BIGINT, and within what fenToChineseUpper can spell.
export const MAX_FEN = 1_000_000_000_000_000n;

const MESSAGES: Record<MoneyParseErrorCode, string> = {
  EMPTY: "请输入金额",
  NEGATIVE: "金额不能为负数",
  EXPONENT: "金额格式不正确，请勿使用科学计数法",
  TOO_MANY_DECIMALS: "金额最多保留两位小数（精确到分）",
  INVALID: "金额格式不正确，请输入数字，例如 500000 或 500,000.00",
  TOO_LARGE: "金额超出允许范围",
};

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

// A result, not a throw: the zod field refines with it and puts the message on its field.
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

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
// 拾/佰/仟 for positions 1-3 within a four-digit group.
const PLACES = "拾佰仟";
// Units that close the 2nd, 3rd and 4th four-digit groups from the right.
const GROUPS = "万亿万";
const MAX_UPPER_YUAN = 10n ** 16n; // up to 9999 万亿

// Spells an amount as on a Chinese cheque, following 《支付结算办法》 附件一 (正确填写票据和结算
// 凭证的基本规定). Where the rules allow a choice we take the one most banks print:
// - "整" only after 元 (伍拾万元整); after 角 it is omitted (壹佰元伍角), after 分 never written.
// - 角 zero but 分 not: "零" after 元 is required (壹佰元零伍分).
// - 元 digit zero but 角 not: no "零" (壹佰万零壹拾元伍角).
// - Zeros inside the number are read once, as Chinese is spoken: zeros that open a group are
//   read (壹佰万零壹拾), zeros that close one are not (壹拾万柒仟, not 壹拾万零柒仟).
// - 拾 always takes its digit (壹拾元整), because a bare 拾 is easy to alter.
// - Less than one yuan omits 元 (伍角, 伍分); zero is 零元整; negatives get the prefix 负.
export function fenToChineseUpper(fen: bigint): string {
  if (fen < 0n) return `负${fenToChineseUpper(-fen)}`;
  const yuan = fen / 100n;
  if (yuan >= MAX_UPPER_YUAN) throw new RangeError("amount too large to spell in Chinese capitals");
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);

  if (fen === 0n) return "零元整";
  const integer = yuan === 0n ? "" : `${spellYuan(yuan)}元`;
  if (jiao === 0 && cents === 0) return `${integer}整`;
  const jiaoPart = jiao === 0 ? (integer === "" ? "" : "零") : `${DIGITS.charAt(jiao)}角`;
  const centsPart = cents === 0 ? "" : `${DIGITS.charAt(cents)}分`;
  return `${integer}${jiaoPart}${centsPart}`;
}

function spellYuan(yuan: bigint): string {
  const digits = yuan.toString();
  let out = "";
  let zeroPending = false;
  for (let index = 0; index < digits.length; index += 1) {
    const position = digits.length - 1 - index;
    const digit = Number(digits[index]);
    if (digit === 0) {
      zeroPending = out !== "";
    } else {
      if (zeroPending) out += "零";
      zeroPending = false;
      out += DIGITS.charAt(digit) + (position % 4 === 0 ? "" : PLACES.charAt((position % 4) - 1));
    }
    if (position % 4 !== 0 || position === 0) continue;
    // 亿 must appear even when its own group is empty (壹万亿), so it looks at everything above.
    const groupIndex = position / 4;
    const above = groupIndex === 2 ? digits.slice(0, index + 1) : digits.slice(Math.max(0, index - 3), index + 1);
    if (/[1-9]/.test(above)) {
      out += GROUPS.charAt(groupIndex - 1);
      zeroPending = false;
    }
  }
  return out;
}

function splitFen(fen: bigint): [string, string] {
  return [(fen / 100n).toString(), (fen % 100n).toString().padStart(2, "0")];
}

function moneyError(code: MoneyParseErrorCode): MoneyParseError {
  return new MoneyParseError(code, MESSAGES[code]);
}
