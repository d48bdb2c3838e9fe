import { APPLICANTS, DEMO_PASSWORD, STAFF } from "@/lib/demo/reference-data";
import { HOME_BY_ROLE, SECTION_ROLES, type Role, type Section } from "@/lib/auth/roles";

export { DEMO_PASSWORD };

export type DemoAccount = { role: Role; identifier: string; displayName: string; home: string; heading: string };

// The heading each home page shows (lib/i18n/messages/zh-CN.json, "home"): written out here so a
// renamed key or a missing translation fails the test instead of following along.
const HEADING_BY_ROLE: Record<Role, string> = {
  APPLICANT: "我的申请",
  CENTER_REVIEWER: "保障中心 · 待审核案件",
  CENTER_APPROVER: "保障中心 · 待审核案件",
  GUARANTOR_OFFICER: "担保公司 · 待审核案件",
  GUARANTOR_MANAGER: "担保公司 · 待审核案件",
  BANK_OFFICER: "银行 · 待审批案件",
  BANK_MANAGER: "银行 · 待审批案件",
  DISTRICT_AGENT: "区总工会代办处",
  HOTLINE_OPERATOR: "12351 热线",
  PROGRAM_ADMIN: "项目管理",
  AUDITOR: "审计查询",
};

const applicant = APPLICANTS[0];

/** One demo account per role (seeded by lib/demo/seed.ts), password DEMO_PASSWORD. */
const accounts: { role: Role; identifier: string; displayName: string }[] = [
  { role: "APPLICANT", identifier: applicant.mobile, displayName: applicant.displayName },
  ...STAFF.map((s) => ({ role: s.role, identifier: s.email, displayName: s.displayName })),
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = accounts.map((a) => ({
  ...a,
  home: HOME_BY_ROLE[a.role],
  heading: HEADING_BY_ROLE[a.role],
}));

export const demoAccount = (role: Role): DemoAccount => {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
};

export const SECTIONS = Object.keys(SECTION_ROLES) as Section[];

/** The sections a role may not enter, by the app's own table (an admin may read /audit). */
export const forbiddenSections = (role: Role): Section[] =>
  SECTIONS.filter((s) => !(SECTION_ROLES[s] as readonly Role[]).includes(role));
