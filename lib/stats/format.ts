// Amounts in the units the programme publishes. Pure; money stays bigint fen throughout.

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ",");

/**
 * Fen as wan yuan (10,000 yuan) with two decimals (0.01 wan yuan = 100 yuan = 10,000 fen), rounded half-up once:
 * 4,649,000,000 fen → "4,649.00". `grouping: false` drops the separators (CSV cells).
 */
export function fenToWanYuan(fen: bigint, options: { grouping?: boolean } = {}): string {
  if (fen < 0n) return `-${fenToWanYuan(-fen, options)}`;
  const hundredths = (fen + 5_000n) / 10_000n;
  const whole = (hundredths / 100n).toString();
  const cents = (hundredths % 100n).toString().padStart(2, "0");
  return `${options.grouping === false ? whole : group(whole)}.${cents}`;
}
