import type { OrganisationType, StaffRole } from "@/lib/generated/prisma/enums";

// The programme's partners and reference data as the demo (and a fresh installation) starts.
// Administrators change all of it later; nothing here is read by business rules directly.

export const DEMO_PASSWORD = "Demo2026pass";

export const ORGANISATIONS: readonly { code: string; type: OrganisationType; nameZh: string; nameEn: string }[] = [
  {
    code: "BJZGHZ",
    type: "SUPPORT_CENTER",
    nameZh: "北京市职工互助保障服务中心（公益项目部）",
    nameEn: "Beijing Workers' Mutual Aid Service Centre (Public-Welfare Projects)",
  },
  { code: "SCDB", type: "GUARANTOR", nameZh: "北京首创融资担保有限公司", nameEn: "Beijing Capital Financing Guarantee" },
  { code: "BJRCB", type: "BANK", nameZh: "北京农村商业银行", nameEn: "Beijing Rural Commercial Bank" },
  { code: "CYQZGH", type: "DISTRICT_UNION", nameZh: "朝阳区总工会代办处", nameEn: "Chaoyang District Union intake office" },
];

export const STAFF: readonly { email: string; displayName: string; org: string; role: StaffRole }[] = [
  { email: "reviewer@center.demo", displayName: "王审核", org: "BJZGHZ", role: "CENTER_REVIEWER" },
  { email: "approver@center.demo", displayName: "赵审批", org: "BJZGHZ", role: "CENTER_APPROVER" },
  { email: "officer@guarantor.demo", displayName: "孙担保", org: "SCDB", role: "GUARANTOR_OFFICER" },
  { email: "officer@bank.demo", displayName: "周信贷", org: "BJRCB", role: "BANK_OFFICER" },
  { email: "agent@district.demo", displayName: "吴代办", org: "CYQZGH", role: "DISTRICT_AGENT" },
  { email: "admin@center.demo", displayName: "郑管理", org: "BJZGHZ", role: "PROGRAM_ADMIN" },
  { email: "auditor@center.demo", displayName: "钱审计", org: "BJZGHZ", role: "AUDITOR" },
];

export const APPLICANTS = [
  {
    mobile: "13800000001",
    email: "zhangwei@example.cn",
    displayName: "张伟",
    // A valid GB 11643 number (test data, not a real person's).
    idNumber: "110105198203150017",
    unionName: "北京某信息咨询有限公司工会",
    memberCardNo: "GH-0100-2019-0521",
    targetGroupCode: "GRADUATE",
  },
  {
    mobile: "13800000002",
    email: "lina@example.cn",
    displayName: "李娜",
    idNumber: "110108199007080027",
    unionName: "朝阳区小微企业联合工会",
    memberCardNo: "GH-0105-2021-1188",
    targetGroupCode: "MIGRANT_WORKER",
  },
] as const;

export const CATEGORIES = [
  { code: "SMALL_MICRO", nameZh: "小微企业", nameEn: "Small and micro enterprise" },
  { code: "INNOVATION", nameZh: "双创企业", nameEn: "Mass entrepreneurship and innovation enterprise" },
] as const;

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
  note: "项目默认规则：单户最高 50 万元，最长 36 个月，全额贴息，免担保费、评审费",
};

// Public holidays for the working-day clocks; administrators keep this list current.
export const HOLIDAYS: readonly [string, string][] = [
  ["2026-01-01", "元旦"],
  ["2026-01-02", "元旦"],
  ["2026-02-16", "春节"],
  ["2026-02-17", "春节"],
  ["2026-02-18", "春节"],
  ["2026-02-19", "春节"],
  ["2026-02-20", "春节"],
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
