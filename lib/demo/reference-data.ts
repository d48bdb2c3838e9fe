import type { OrganisationType, StaffRole } from "@/lib/generated/prisma/enums";
import { BASE_ORGANISATION } from "@/lib/setup/programme-defaults";

// The demo's partners, accounts and people, on top of the base every installation starts from
// (lib/setup/programme-defaults.ts). Nothing here is read by business rules directly.

export const DEMO_PASSWORD = "Demo2026pass";

export const ORGANISATIONS: readonly { code: string; type: OrganisationType; nameZh: string; nameEn: string }[] = [
  BASE_ORGANISATION,
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
  { email: "hotline@center.demo", displayName: "冯热线", org: "BJZGHZ", role: "HOTLINE_OPERATOR" },
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
