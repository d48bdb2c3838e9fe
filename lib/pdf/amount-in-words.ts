// An amount spelt in Chinese capitals (daxie), as on a cheque: the fixed official wording of the
// letters, statements and the annual report, in Chinese whatever the reader's language.

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
