import type { ApplicationKind, DocumentKind, OrganisationType } from "@/lib/generated/prisma/enums";

// What every installation starts from (`npm run setup`, and the demo on top of it): the support
// centre, the loan categories and target groups, the programme's first policy version (the
// defaults of domain.md) and the public holidays. Administrators change all of it later.

export const BASE_ORGANISATION: { code: string; type: OrganisationType; nameZh: string; nameEn: string } = {
  code: "BJZGHZ",
  type: "SUPPORT_CENTER",
  nameZh: "北京市职工互助保障服务中心（公益项目部）",
  nameEn: "Beijing Workers' Mutual Aid Service Centre (Public-Welfare Projects)",
};

export const CATEGORIES = [
  { code: "SMALL_MICRO", nameZh: "小微企业", nameEn: "Small and micro enterprise" },
  { code: "INNOVATION", nameZh: "双创企业", nameEn: "Mass entrepreneurship and innovation enterprise" },
] as const;

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
export const TARGET_GROUPS = [
  { code: "TRANSFERRED", nameZh: "转岗分流职工", nameEn: "Workers transferred or diverted from their jobs" },
  { code: "UNEMPLOYED", nameZh: "下岗失业职工", nameEn: "Laid-off or unemployed workers" },
  { code: "MIGRANT_WORKER", nameZh: "农民工", nameEn: "Migrant workers" },
  { code: "MODEL_WORKER", nameZh: "劳动模范和先进职工", nameEn: "Model and advanced workers" },
  { code: "HARDSHIP", nameZh: "困难职工及其子女", nameEn: "Workers in hardship and their children" },
  { code: "GRADUATE", nameZh: "高校毕业生", nameEn: "College graduates" },
  { code: "VETERAN", nameZh: "退役军人", nameEn: "Demobilised or retired soldiers" },
] as const;

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
  // 一企一策 may reach ¥1,000,000 and 48 months (the 2018 notice allowed up to 48); one person holds
  // at most 3 open cases and outstanding loans, ¥1,500,000 in all (the demo's 李娜 runs three firms).
  exceptionMaxLoanFen: 100_000_000n,
  exceptionMaxTermMonths: 48,
  maxOpenCasesPerPerson: 3,
  maxExposurePerPersonFen: 150_000_000n,
  note: "项目默认规则：单户最高 50 万元，最长 36 个月，全额贴息，免担保费、评审费",
};

// The working calendar the clocks start from (State Council notice for 2026): public holidays,
// and the weekend days worked instead (调休). Administrators keep it current on /admin/calendar.
export const HOLIDAYS: readonly [string, string][] = [
  ["2026-01-01", "元旦"],
  ["2026-01-02", "元旦"],
  ["2026-02-16", "春节"],
  ["2026-02-17", "春节"],
  ["2026-02-18", "春节"],
  ["2026-02-19", "春节"],
  ["2026-02-20", "春节"],
  ["2026-02-23", "春节"],
  ["2026-04-06", "清明节"],
  ["2026-05-01", "劳动节"],
  ["2026-05-04", "劳动节"],
  ["2026-05-05", "劳动节"],
  ["2026-06-19", "端午节"],
  ["2026-09-25", "中秋节"],
  ["2026-10-01", "国庆节"],
  ["2026-10-02", "国庆节"],
  ["2026-10-05", "国庆节"],
  ["2026-10-06", "国庆节"],
  ["2026-10-07", "国庆节"],
];

export const WORKING_WEEKENDS: readonly [string, string][] = [
  ["2026-01-04", "元旦调休上班"],
  ["2026-02-14", "春节调休上班"],
  ["2026-02-28", "春节调休上班"],
  ["2026-05-09", "劳动节调休上班"],
  ["2026-09-20", "国庆节调休上班"],
  ["2026-10-10", "国庆节调休上班"],
];

// The consent wordings every installation starts with (the versions the first consents name);
// administrators publish later versions on /admin/consents. Legal text: the Chinese is what is signed.
export const CONSENT_WORDINGS = [
  {
    kind: "SENSITIVE_PERSONAL_INFO" as const,
    version: "PI-2024-1",
    effectiveFrom: "2024-01-01",
    textZh:
      "根据《个人信息保护法》第二十九条，本人同意北京市职工互助保障服务中心、北京首创融资担保有限公司和北京农村商业银行，" +
      "为审核、担保、发放本人所代表企业的首都职工创业小额贷款及办理贴息之目的，处理本人的身份证件号码、手机号码、" +
      "工会会员信息及银行账户信息。各机构仅在其办理环节所必需的范围内查看上述信息，查看完整信息的行为均被记录。" +
      "本人可随时撤回本同意；撤回后，需要上述信息的办理环节将停止。",
    textEn:
      "Under Article 29 of the Personal Information Protection Law, I agree that the Beijing Workers' Mutual Aid Service Centre, " +
      "Beijing Capital Financing Guarantee Co., Ltd. and Beijing Rural Commercial Bank process my ID number, mobile number, " +
      "union membership details and bank account details for the purpose of reviewing, guaranteeing and granting the Capital " +
      "Workers' Entrepreneurship Microloan to the enterprise I represent and of paying its interest subsidy. Each organisation " +
      "sees this information only as far as its step requires, and every view of the full information is recorded. I may " +
      "withdraw this consent at any time; after that, the steps that need this information stop.",
  },
  {
    kind: "CREDIT_REPORT_AUTHORISATION" as const,
    version: "CR-2024-1",
    effectiveFrom: "2024-01-01",
    textZh:
      "本人及本人所代表的企业授权北京首创融资担保有限公司和北京农村商业银行，为办理首都职工创业小额贷款之目的，" +
      "向金融信用信息基础数据库查询本人及企业的信用报告，并在贷款存续期间进行贷后管理查询。本授权可随时撤回；" +
      "撤回后，需要查询信用报告的审核环节将停止。",
    textEn:
      "I and the enterprise I represent authorise Beijing Capital Financing Guarantee Co., Ltd. and Beijing Rural Commercial " +
      "Bank to obtain my and the enterprise's credit reports from the Financial Credit Information Basic Database for the " +
      "purpose of the Capital Workers' Entrepreneurship Microloan, and to query them for loan management while the loan is " +
      "outstanding. This authorisation may be withdrawn at any time; after that, the review steps that need a credit report stop.",
  },
];

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
