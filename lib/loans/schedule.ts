import { accruedInterestFen, assertRateMicros, divideRoundHalfUp, RATE_MICROS_PER_UNIT } from "@/lib/loans/interest";

// Calendar dates are plain "YYYY-MM-DD" strings: a loan's due date is a day in Beijing, not an
// instant, so they are converted to whole UTC day numbers for arithmetic and never to local time.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 for a "YYYY-MM-DD" date; throws on anything else. */
export function epochDay(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`not a valid YYYY-MM-DD date: ${iso}`);
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoFromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `to − from` in days (actual/actual calendar days). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day-of-month `months` later, clamped to the month's end (Jan 31 + 1 → Feb 28/29).
 * Always count from the original date: chaining would turn Jan 31 → Feb 28 → Mar 28.
 */
export function addMonthsClamped(iso: string, months: number): string {
  epochDay(iso);
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth).padStart(2, "0")}-${String(targetDay).padStart(2, "0")}`;
}

export type RepaymentMethod = "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY" | "EQUAL_INSTALMENTS";

export type ScheduleInput = {
  principalFen: bigint;
  annualRateMicros: number;
  termMonths: number;
  /** YYYY-MM-DD */
  disbursedOn: string;
  method: RepaymentMethod;
};

export type Instalment = {
  seq: number;
  dueOn: string;
  principalFen: bigint;
  interestFen: bigint;
  balanceAfterFen: bigint;
};

const MAX_TERM_MONTHS = 600;

export function buildSchedule(input: ScheduleInput): Instalment[] {
  const { principalFen, annualRateMicros, termMonths, disbursedOn, method } = input;
  if (principalFen <= 0n) throw new RangeError("principalFen must be positive");
  if (!Number.isSafeInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
    throw new RangeError(`termMonths must be an integer from 1 to ${MAX_TERM_MONTHS}`);
  }
  assertRateMicros(annualRateMicros);
  epochDay(disbursedOn);

  const dueDates = Array.from({ length: termMonths }, (_, i) => addMonthsClamped(disbursedOn, i + 1));
  if (method === "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY") {
    return interestOnlySchedule(principalFen, annualRateMicros, disbursedOn, dueDates);
  }
  return equalInstalmentSchedule(principalFen, annualRateMicros, dueDates);
}

// Each month's interest is the balance × rate × actual days since the previous due date / 360,
// the way the bank charges it; the whole principal falls due with the last instalment.
function interestOnlySchedule(
  principalFen: bigint,
  annualRateMicros: number,
  disbursedOn: string,
  dueDates: string[],
): Instalment[] {
  return dueDates.map((dueOn, index) => {
    const previous = index === 0 ? disbursedOn : (dueDates[index - 1] as string);
    const isLast = index === dueDates.length - 1;
    return {
      seq: index + 1,
      dueOn,
      principalFen: isLast ? principalFen : 0n,
      interestFen: accruedInterestFen({ principalFen, annualRateMicros, days: daysBetween(previous, dueOn) }),
      balanceAfterFen: isLast ? 0n : principalFen,
    };
  });
}

// Equal instalments (deng e ben xi): the level payment A = P·r·(1+r)^n / ((1+r)^n − 1) with r = annual / 12. With
// r = m / D (D = 12 × 10^6) this is exactly P·m·N^n / (D·(N^n − D^n)) where N = D + m, so the
// payment is one BigInt fraction rounded half-up once. Interest each month is the balance × r
// rounded half-up; the last instalment takes whatever principal remains, which absorbs every
// rounding so the principal parts sum to the loan exactly.
function equalInstalmentSchedule(principalFen: bigint, annualRateMicros: number, dueDates: string[]): Instalment[] {
  const n = BigInt(dueDates.length);
  const m = BigInt(annualRateMicros);
  const d = BigInt(RATE_MICROS_PER_UNIT) * 12n;
  const paymentFen =
    m === 0n
      ? divideRoundHalfUp(principalFen, n)
      : divideRoundHalfUp(principalFen * m * (d + m) ** n, d * ((d + m) ** n - d ** n));

  let balance = principalFen;
  return dueDates.map((dueOn, index) => {
    const interestFen = divideRoundHalfUp(balance * m, d);
    const isLast = index === dueDates.length - 1;
    const scheduled = paymentFen - interestFen;
    // Clamped so rounding on a tiny loan can never repay more than is owed before the end.
    const principalPart = isLast ? balance : scheduled < 0n ? 0n : scheduled > balance ? balance : scheduled;
    balance -= principalPart;
    return { seq: index + 1, dueOn, principalFen: principalPart, interestFen, balanceAfterFen: balance };
  });
}
