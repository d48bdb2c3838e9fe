import { addMonthsClamped, daysBetween, epochDay, isoFromEpochDay } from "@/lib/loans/schedule";
import { creditCodeCheckChar } from "@/lib/validation/identity";
import type { HistoryLine, HistorySubsidy } from "@/lib/history/lines";

// The programme's history from its start to 2022-05-31, as dated records (domain.md, "Figures
// from the seed"): generated, deterministic and internally consistent, loaded through the same
// import as a real file (lib/history). It holds everything except the information-consulting
// company, which the demo seed already records through the portal's own subsidy ledger
// (lib/subsidies/demo-fixture.ts): together they give the published table exactly.
//
// How it holds together: every renewal follows a loan of the same firm by about a year; every
// loan is disbursed 15–45 days after its application; interest is paid quarterly (on the 20th of
// Mar/Jun/Sep/Dec, the subsidy on the 28th) and the subsidy of a period never exceeds the
// interest of that period (principal × rate × days / 360); a union is founded after its
// enterprise and never after the data set ends.

export const HISTORY_END = "2022-05-31";
export const HISTORY_END_2020 = "2020-12-31";

/** The consulting company's part, recorded by the demo seed (three applications, two renewals). */
const CONSULTING = { end2020: { applications: 2, renewals: 1, loans: 2, lentFen: 100_000_000n }, end: { applications: 3, lentFen: 140_000_000n, subsidyFen: 3_514_694n } };

/** The published figures (to 2022-05-31) and the public records to end-2020, whole programme. */
export const PUBLISHED = {
  end: { applications: 418, enterprisesFunded: 174, lentFen: 4_649_000_000n, enterprisesSubsidised: 133, subsidyFen: 142_000_000n, unionsOver: 100, membersOver: 1_700 },
  end2020: { applications: 349, renewals: 53, enterprisesFunded: 127, renewingEnterprises: 33, lentFen: 3_166_000_000n, enterprisesSubsidised: 64 },
} as const;

/** What the data set itself must add (the published figures less the consulting company). */
export const HISTORY_TARGETS = {
  applications: PUBLISHED.end.applications - CONSULTING.end.applications,
  firmsFunded: PUBLISHED.end.enterprisesFunded - 1,
  lentFen: PUBLISHED.end.lentFen - CONSULTING.end.lentFen,
  firmsSubsidised: PUBLISHED.end.enterprisesSubsidised - 1,
  subsidyFen: PUBLISHED.end.subsidyFen - CONSULTING.end.subsidyFen,
  unions: 108,
  members: 1_736,
  end2020: {
    applications: PUBLISHED.end2020.applications - CONSULTING.end2020.applications,
    renewals: PUBLISHED.end2020.renewals - CONSULTING.end2020.renewals,
    firmsFunded: PUBLISHED.end2020.enterprisesFunded - 1,
    renewingFirms: PUBLISHED.end2020.renewingEnterprises - 1,
    lentFen: PUBLISHED.end2020.lentFen - CONSULTING.end2020.lentFen,
    firmsSubsidised: PUBLISHED.end2020.enterprisesSubsidised - 1,
    // "About RMB 650k" to end-2020, the consulting company's ¥24k or so included.
    subsidyFen: 62_600_000n,
  },
} as const;

/** A small, fixed pseudo-random sequence (mulberry32): the same data set on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const day = (from: string, to: string) => isoFromEpochDay(int(epochDay(from), epochDay(to)));
  return { next, int, day };
}

const PREFIXES = ["Jingxin", "Hengtai", "Huaxin", "Ruida", "Zhongke", "Boyuan", "Tianyi", "Jiahe", "Xinrui", "Chengda", "Yuantong", "Mingde",
  "Fengyuan", "Kaiyue", "Shengshi", "Lianchuang", "Yongxing", "Hongtu", "Anhe", "Dingsheng", "Runze", "Jinhui", "Qiming", "Haoyu", "Taihe",
  "Weiye", "Xinghe", "Zhiyuan", "Baiyi", "Guanghua"] as const;
const TRADES = ["Trading", "Information Technology", "Catering Management", "Culture Media", "Building Decoration", "Logistics", "Design",
  "Education Consulting", "Agricultural Technology", "Health Management", "Printing", "Property Services"] as const;
const SURNAMES = ["Zhang", "Wang", "Li", "Zhao", "Liu", "Chen", "Yang", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo"] as const;
const GIVEN = ["Wei", "Fang", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Tao", "Ping", "Hui", "Gang", "Xia", "Ning", "Bo", "Li"] as const;

const creditCode = (i: number): string => {
  const first17 = `9111${String((i % 16) + 1).padStart(2, "0")}0MAH${String(i).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};

type Firm = { i: number; creditCode: string; name: string; foundedOn: string; representative: string };
type Loan = { firm: Firm; submittedOn: string; disbursedOn: string; termMonths: number; kind: "NEW" | "RENEWAL"; amountFen: bigint; rateMicros: number; subsidies: HistorySubsidy[] };
type Application = { firm: Firm; submittedOn: string; kind: "NEW" | "RENEWAL" };

/** The one-year rate of the day: the benchmark 4.35 % until LPR pricing (Aug 2019), then 3.85 %. */
const rateOn = (day: string) => (day < "2019-08-20" ? 43_500 : 38_500);

/** Amounts in steps of ¥10,000 between ¥50,000 and ¥500,000 that add up to `total` exactly. */
function amounts(n: number, totalFen: bigint, r: ReturnType<typeof random>, lo = 5, hi = 50): bigint[] {
  const steps = Array.from({ length: n }, () => r.int(lo, hi));
  let diff = Number(totalFen / 1_000_000n) - steps.reduce((a, b) => a + b, 0);
  if (totalFen % 1_000_000n !== 0n) throw new RangeError("total not in steps of ¥10,000");
  while (diff !== 0) {
    const k = r.int(0, n - 1);
    if (diff > 0 && steps[k]! < hi) {
      steps[k]! += 1;
      diff -= 1;
    } else if (diff < 0 && steps[k]! > lo) {
      steps[k]! -= 1;
      diff += 1;
    }
  }
  return steps.map((s) => BigInt(s) * 1_000_000n);
}

/** Interest periods (quarterly on the 20th of Mar/Jun/Sep/Dec, last at maturity) with the subsidy's payment day and its cap. */
export function interestPeriods(loan: Pick<Loan, "disbursedOn" | "termMonths" | "amountFen" | "rateMicros">): { paidOn: string; capFen: bigint }[] {
  const maturity = addMonthsClamped(loan.disbursedOn, loan.termMonths);
  const out: { paidOn: string; capFen: bigint }[] = [];
  let start = loan.disbursedOn;
  let year = Number(loan.disbursedOn.slice(0, 4));
  let month = Math.ceil(Number(loan.disbursedOn.slice(5, 7)) / 3) * 3;
  while (start < maturity) {
    let end = `${year}-${String(month).padStart(2, "0")}-20`;
    if (end <= start) {
      [year, month] = month === 12 ? [year + 1, 3] : [year, month + 3];
      continue;
    }
    if (end > maturity) end = maturity;
    const days = daysBetween(start, end);
    const capFen = (loan.amountFen * BigInt(loan.rateMicros) * BigInt(days)) / (360n * 1_000_000n);
    // Paid on the 28th of the quarter's last month (at or after the period's end).
    const q = Math.ceil(Number(end.slice(5, 7)) / 3) * 3;
    const paidOn = `${end.slice(0, 4)}-${String(q).padStart(2, "0")}-28`;
    // A loan maturing after the quarter's 20th: its last days are paid with that quarter.
    const last = out.at(-1);
    if (last?.paidOn === paidOn) last.capFen += capFen;
    else out.push({ paidOn, capFen });
    start = end;
    [year, month] = month === 12 ? [year + 1, 3] : [year, month + 3];
  }
  return out;
}

/** Shares `totalFen` among payments in proportion to their caps, never above a cap, to the fen. */
function share(items: { capFen: bigint; put: (fen: bigint) => void }[], totalFen: bigint): void {
  const capacity = items.reduce((s, x) => s + x.capFen, 0n);
  if (capacity < totalFen) throw new RangeError(`subsidy ${totalFen} exceeds the interest paid ${capacity}`);
  const given = items.map((x) => (x.capFen * totalFen) / capacity);
  let rest = totalFen - given.reduce((a, b) => a + b, 0n);
  for (let k = 0; rest > 0n; k = (k + 1) % items.length) {
    if (given[k]! < items[k]!.capFen) {
      given[k]! += 1n;
      rest -= 1n;
    }
  }
  items.forEach((x, k) => x.put(given[k]!));
}

/** The data set, one line per application, oldest first. */
export function generateProgrammeHistory(): Omit<HistoryLine, "line">[] {
  const r = random(20_180_101);
  const T = HISTORY_TARGETS;
  let n = 0;
  const firm = (firstApplication: string): Firm => {
    const i = n++;
    const name = `Beijing ${PREFIXES[i % PREFIXES.length]} ${TRADES[Math.floor(i / PREFIXES.length) % TRADES.length]} Co., Ltd.`;
    return {
      i, creditCode: creditCode(i), name, representative: `${SURNAMES[r.int(0, SURNAMES.length - 1)]} ${GIVEN[r.int(0, GIVEN.length - 1)]}`,
      foundedOn: r.day("2008-01-01", isoFromEpochDay(epochDay(firstApplication) - 200)),
    };
  };
  const loans: Loan[] = [];
  const apps: Application[] = [];
  const lend = (f: Firm, disbursedOn: string, kind: Loan["kind"], termMonths: number) => {
    const l: Loan = { firm: f, disbursedOn, submittedOn: isoFromEpochDay(epochDay(disbursedOn) - r.int(15, 45)), kind, termMonths, amountFen: 0n, rateMicros: rateOn(disbursedOn), subsidies: [] };
    loans.push(l);
    return l;
  };
  const next = (l: Loan) => isoFromEpochDay(epochDay(addMonthsClamped(l.disbursedOn, 12)) + r.int(0, 20));

  // To end-2020: firms renewing twice (2018, 2019, 2020) and once, and single loans; the last
  // `lateSingles` were lent in 2020 for a year, and come back in 2021 (15 funded, 3 not).
  const threeTimes = 6;
  const twice = T.end2020.renewingFirms - threeTimes;
  const lateSingles = 18;
  const singles = T.end2020.firmsFunded - T.end2020.renewingFirms;
  for (let k = 0; k < threeTimes; k++) {
    const first = r.day("2018-03-01", "2018-10-31");
    const f = firm(first);
    const a = lend(f, first, "NEW", 12);
    const b = lend(f, next(a), "RENEWAL", 12);
    lend(f, next(b), "RENEWAL", 12);
  }
  for (let k = 0; k < twice; k++) {
    const first = r.day("2018-03-01", "2019-10-31");
    const f = firm(first);
    lend(f, next(lend(f, first, "NEW", 12)), "RENEWAL", 12);
  }
  const late: Loan[] = [];
  const early: Loan[] = [];
  for (let k = 0; k < singles; k++) {
    const isLate = k >= singles - lateSingles;
    const first = isLate ? r.day("2020-02-20", "2020-12-15") : r.day("2018-03-01", "2020-12-15");
    const term = isLate ? 12 : [12, 24, 36][r.int(0, 2)]!;
    (isLate ? late : early).push(lend(firm(first), first, "NEW", term));
  }
  const loansA = loans.length;
  // 2021 to May 2022: new firms, and the late singles' renewals.
  for (let k = 0; k < T.firmsFunded - T.end2020.firmsFunded; k++) {
    const first = r.day("2021-02-20", "2022-05-20");
    lend(firm(first), first, "NEW", [12, 24, 36][r.int(0, 2)]!);
  }
  for (const l of late.slice(0, 15)) lend(l.firm, next(l), "RENEWAL", 12);
  for (const l of loans) apps.push({ firm: l.firm, submittedOn: l.submittedOn, kind: l.kind });

  // Applications that were not funded: renewals asked for and not granted, and firms never funded.
  const renewalsA = loans.slice(0, loansA).filter((l) => l.kind === "RENEWAL").length;
  const unfundedRenewalsA = T.end2020.renewals - renewalsA;
  const oneYearOld = early.filter((l) => l.disbursedOn <= "2019-12-10");
  for (const l of oneYearOld.slice(0, unfundedRenewalsA)) apps.push({ firm: l.firm, kind: "RENEWAL", submittedOn: isoFromEpochDay(epochDay(addMonthsClamped(l.disbursedOn, 11)) + r.int(0, 20)) });
  for (const l of late.slice(15)) apps.push({ firm: l.firm, kind: "RENEWAL", submittedOn: isoFromEpochDay(epochDay(addMonthsClamped(l.disbursedOn, 11)) + r.int(0, 20)) });
  const countA = () => apps.filter((a) => a.submittedOn <= HISTORY_END_2020).length;
  while (countA() < T.end2020.applications) {
    const day = r.day("2018-01-15", HISTORY_END_2020);
    apps.push({ firm: firm(day), kind: "NEW", submittedOn: day });
  }
  while (apps.length < T.applications) {
    const day = r.day("2021-01-05", HISTORY_END);
    apps.push({ firm: firm(day), kind: "NEW", submittedOn: day });
  }

  // Amounts: to end-2020 and after, each exactly as published.
  const lentA = amounts(loansA, T.end2020.lentFen, r);
  const lentB = amounts(loans.length - loansA, T.lentFen - T.end2020.lentFen, r, 5, 50);
  loans.forEach((l, k) => (l.amountFen = k < loansA ? lentA[k]! : lentB[k - loansA]!));

  // Subsidy: the earliest-funded firms were subsidised by end-2020, the rest from 2021 on.
  const periods = loans.map((l) => ({ loan: l, periods: interestPeriods(l).filter((p) => p.paidOn <= HISTORY_END) }));
  const firstLoan = new Map<number, string>();
  for (const l of loans) if (!firstLoan.has(l.firm.i) || l.disbursedOn < firstLoan.get(l.firm.i)!) firstLoan.set(l.firm.i, l.disbursedOn);
  const fundedFirms = [...firstLoan.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0]).map(([i]) => i);
  const subsidisedA = new Set(fundedFirms.slice(0, T.end2020.firmsSubsidised));
  // From 2021 on: the firms with the most interest paid since (the union standing of others lapsed).
  const interestFrom2021 = (i: number) => periods.filter((p) => p.loan.firm.i === i).flatMap((p) => p.periods).filter((x) => x.paidOn > HISTORY_END_2020).reduce((s, x) => s + x.capFen, 0n);
  const byInterest = fundedFirms.filter((i) => !subsidisedA.has(i)).map((i) => ({ i, fen: interestFrom2021(i) })).filter((x) => x.fen > 0n);
  byInterest.sort((a, b) => (a.fen === b.fen ? a.i - b.i : a.fen > b.fen ? -1 : 1));
  const subsidisedB = new Set(byInterest.slice(0, T.firmsSubsidised - T.end2020.firmsSubsidised).map((x) => x.i));
  if (subsidisedB.size !== T.firmsSubsidised - T.end2020.firmsSubsidised) throw new RangeError("not enough firms to subsidise");
  const itemsA: Parameters<typeof share>[0] = [];
  const itemsB: Parameters<typeof share>[0] = [];
  for (const { loan, periods: ps } of periods) {
    for (const p of ps) {
      const item = { capFen: p.capFen, put: (fen: bigint) => void (fen > 0n && loan.subsidies.push({ paidOn: p.paidOn, amountFen: fen })) };
      if (p.paidOn <= HISTORY_END_2020 && subsidisedA.has(loan.firm.i)) itemsA.push(item);
      else if (p.paidOn > HISTORY_END_2020 && (subsidisedA.has(loan.firm.i) || subsidisedB.has(loan.firm.i))) itemsB.push(item);
    }
  }
  share(itemsA, T.end2020.subsidyFen);
  share(itemsB, T.subsidyFen - T.end2020.subsidyFen);
  for (const l of loans) l.subsidies.sort((a, b) => a.paidOn.localeCompare(b.paidOn));

  // Unions set up because of the programme: among funded firms, around their first application.
  const members = amounts(T.unions, BigInt(T.members) * 1_000_000n, r, 3, 60).map((fen) => Number(fen / 1_000_000n));
  const unionFirms = new Map<number, { foundedOn: string; members: number }>();
  const firstApp = new Map<number, string>();
  for (const a of apps) if (!firstApp.has(a.firm.i) || a.submittedOn < firstApp.get(a.firm.i)!) firstApp.set(a.firm.i, a.submittedOn);
  // Spread evenly over the funded firms (oldest first), so that each year has its unions.
  const spread = fundedFirms.filter((_, k) => Math.floor(((k + 1) * T.unions) / fundedFirms.length) > Math.floor((k * T.unions) / fundedFirms.length));
  spread.forEach((i, k) => {
    const applied = firstApp.get(i)!;
    unionFirms.set(i, { foundedOn: isoFromEpochDay(Math.min(epochDay(applied) + r.int(0, 120), epochDay(HISTORY_END))), members: members[k]! });
  });

  const loanOf = new Map(loans.map((l) => [`${l.firm.i}|${l.submittedOn}`, l]));
  const unionWritten = new Set<number>();
  return apps
    .sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.firm.i - b.firm.i)
    .map((a) => {
      const l = loanOf.get(`${a.firm.i}|${a.submittedOn}`);
      const u = unionFirms.get(a.firm.i);
      const union = u && !unionWritten.has(a.firm.i) ? (unionWritten.add(a.firm.i), { foundedOn: u.foundedOn, unionName: `${a.firm.name} Trade Union`, memberCount: u.members }) : null;
      return {
        creditCode: a.firm.creditCode, enterpriseName: a.firm.name, enterpriseFoundedOn: a.firm.foundedOn, representative: a.firm.representative,
        submittedOn: a.submittedOn, kind: a.kind,
        loan: l ? { disbursedOn: l.disbursedOn, amountFen: l.amountFen, termMonths: l.termMonths, annualRateMicros: l.rateMicros, maturityOn: addMonthsClamped(l.disbursedOn, l.termMonths) } : null,
        subsidies: l?.subsidies ?? [],
        union,
      };
    });
}
