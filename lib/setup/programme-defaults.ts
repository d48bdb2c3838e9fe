import type { ApplicationKind, ConsentKind, DocumentKind, OrganisationType } from "@/lib/generated/prisma/enums";
// Reference data, not words of the user interface: the names and texts an installation stores in
// its database (in both languages), kept as data beside this module.
import defaults from "@/lib/setup/programme-defaults.json" with { type: "json" };

// What every installation starts from (`npm run setup`, and the demo on top of it): the support
// centre, the loan categories and target groups, the programme's first policy version (the
// defaults of domain.md) and the public holidays. Administrators change all of it later.

export const BASE_ORGANISATION: { code: string; type: OrganisationType; nameZh: string; nameEn: string } = {
  code: "BJZGHZ",
  type: "SUPPORT_CENTER",
  ...defaults.baseOrganisation,
};

/** The account the union pays the interest subsidy from, proposed when a batch's payment is recorded. */
export const SUBSIDY_PAYER_ACCOUNT: string = defaults.subsidyPayerAccount;

export const CATEGORIES: readonly { code: string; nameZh: string; nameEn: string }[] = defaults.categories;

// Each category's document checklist to start from, per application kind; a renewal re-uses the
// enterprise's standing documents. Administrators change it per category on /admin/reference.
export const DEFAULT_CHECKLISTS = {
  NEW: [
    "BUSINESS_LICENCE",
    "ID_CARD_FRONT",
    "ID_CARD_BACK",
    "UNION_PROOF",
    "FINANCIAL_STATEMENTS",
    "BANK_STATEMENTS",
    "CREDIT_AUTHORISATION",
    "LOAN_USE_PLAN",
  ],
  RENEWAL: ["UNION_PROOF", "FINANCIAL_STATEMENTS", "BANK_STATEMENTS", "CREDIT_AUTHORISATION", "LOAN_USE_PLAN"],
} as const satisfies Record<ApplicationKind, readonly DocumentKind[]>;

// The priority groups of the 2018 notice.
export const TARGET_GROUPS: readonly { code: string; nameZh: string; nameEn: string }[] = defaults.targetGroups;

// Programme defaults (domain.md); administrators publish later versions.
export const FIRST_POLICY = {
  version: 1,
  effectiveFrom: new Date("2017-05-01T00:00:00+08:00"),
  maxLoanFen: 50_000_000n,
  maxTermMonths: 36,
  subsidyRatioBp: 10_000,
  guaranteeFeeFen: 0n,
  reviewFeeFen: 0n,
  coolingDays: 30,
  centerReviewDays: 5,
  guarantorReviewDays: 5,
  bankReviewDays: 3,
  disbursementDays: 5,
  returnAnswerDays: 15,
  greenChannelDays: 2,
  recommendNeedsChecker: true,
  documentQuotaBytes: 50 * 1024 * 1024,
  // The per-enterprise exception (yi qi yi ce) may reach ¥1,000,000 and 48 months (the 2018 notice
  // allowed up to 48); one person holds at most 3 open cases and outstanding loans, ¥1,500,000 in
  // all (one of the demo's applicants runs three firms).
  exceptionMaxLoanFen: 100_000_000n,
  exceptionMaxTermMonths: 48,
  maxOpenCasesPerPerson: 3,
  maxExposurePerPersonFen: 150_000_000n,
  note: defaults.firstPolicyNote,
};

// The working calendar the clocks start from (State Council notice for 2026): public holidays,
// and the weekend days worked instead (tiaoxiu). Administrators keep it current on /admin/calendar.
const dayNames = (rows: string[][]): readonly [string, string][] =>
  rows.map(([day, name]) => {
    if (!day || !name) throw new Error(`programme-defaults.json: a calendar row needs a day and a name, not ${JSON.stringify([day, name])}`);
    return [day, name];
  });

export const HOLIDAYS = dayNames(defaults.holidays);

export const WORKING_WEEKENDS = dayNames(defaults.workingWeekends);

// The consent wordings every installation starts with (the versions the first consents name);
// administrators publish later versions on /admin/consents. Legal text: the Chinese is what is signed.
export const CONSENT_WORDINGS = defaults.consentWordings as readonly {
  kind: ConsentKind;
  version: string;
  effectiveFrom: string;
  textZh: string;
  textEn: string;
}[];

// The loan prime rates published by the National Interbank Funding Center since the 2019 reform,
// in basis points from each change (days without a change are left out): [day, one-year, five-year].
// Either figure may be null on a day only the other tenor moved.
export const LPR_HISTORY: readonly (readonly [string, number | null, number | null])[] = [
  ["2019-08-20", 425, 485],
  ["2019-09-20", 420, null],
  ["2019-11-20", 415, 480],
  ["2020-02-20", 405, 475],
  ["2020-04-20", 385, 465],
  ["2021-12-20", 380, null],
  ["2022-01-20", 370, 460],
  ["2022-05-20", null, 445],
  ["2022-08-22", 365, 430],
  ["2023-06-20", 355, 420],
  ["2023-08-21", 345, null],
  ["2024-02-20", null, 395],
  ["2024-07-22", 335, 385],
  ["2024-10-21", 310, 360],
  ["2025-05-20", 300, 350],
];
