import type { OrganisationType, StaffRole } from "@/lib/generated/prisma/enums";

export type Role = StaffRole | "APPLICANT";

export type Actor =
  | { kind: "APPLICANT"; userId: string; role: "APPLICANT"; displayName: string }
  | {
      kind: "STAFF";
      userId: string;
      role: StaffRole;
      displayName: string;
      organisationId: string;
      organisationType: OrganisationType;
      /** Two-factor sign-in is required and not set up yet: only the account pages are open. */
      twoFactorMissing?: true;
    };

export type StaffActor = Extract<Actor, { kind: "STAFF" }>;

/** Where each role lands after signing in. */
export const HOME_BY_ROLE = {
  APPLICANT: "/applicant",
  CENTER_REVIEWER: "/center",
  CENTER_APPROVER: "/center",
  GUARANTOR_OFFICER: "/guarantor",
  GUARANTOR_MANAGER: "/guarantor",
  BANK_OFFICER: "/bank",
  BANK_MANAGER: "/bank",
  DISTRICT_AGENT: "/agent",
  HOTLINE_OPERATOR: "/hotline",
  PROGRAM_ADMIN: "/admin",
  AUDITOR: "/audit",
} as const satisfies Record<Role, string>;

/** The organisation type a staff role must belong to. */
export const ORGANISATION_OF_ROLE = {
  CENTER_REVIEWER: "SUPPORT_CENTER",
  CENTER_APPROVER: "SUPPORT_CENTER",
  GUARANTOR_OFFICER: "GUARANTOR",
  GUARANTOR_MANAGER: "GUARANTOR",
  BANK_OFFICER: "BANK",
  BANK_MANAGER: "BANK",
  DISTRICT_AGENT: "DISTRICT_UNION",
  HOTLINE_OPERATOR: "SUPPORT_CENTER",
  PROGRAM_ADMIN: "SUPPORT_CENTER",
  AUDITOR: "SUPPORT_CENTER",
} as const satisfies Record<StaffRole, OrganisationType>;

export const homeOf = (role: Role): string => HOME_BY_ROLE[role];

/** The roles allowed on each section of the portal (its first path segment). */
export const SECTION_ROLES = {
  applicant: ["APPLICANT"],
  center: ["CENTER_REVIEWER", "CENTER_APPROVER"],
  guarantor: ["GUARANTOR_OFFICER", "GUARANTOR_MANAGER"],
  bank: ["BANK_OFFICER", "BANK_MANAGER"],
  agent: ["DISTRICT_AGENT"],
  hotline: ["HOTLINE_OPERATOR"],
  admin: ["PROGRAM_ADMIN"],
  audit: ["AUDITOR", "PROGRAM_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Section = keyof typeof SECTION_ROLES;

export function mayEnterSection(role: Role, section: Section): boolean {
  return (SECTION_ROLES[section] as readonly Role[]).includes(role);
}

export const idleMinutesFor = (
  kind: Actor["kind"],
  limits: { applicant: number; staff: number },
): number => (kind === "STAFF" ? limits.staff : limits.applicant);

/** The manager role of each partner organisation: escalations of its late cases go to it. */
export const MANAGER_OF = { GUARANTOR: "GUARANTOR_MANAGER", BANK: "BANK_MANAGER" } as const satisfies Partial<Record<OrganisationType, StaffRole>>;

/** Roles that work cases; administrators, auditors and partner managers are never assignees. */
export const CASE_WORKER_ROLES = ["CENTER_REVIEWER", "CENTER_APPROVER", "GUARANTOR_OFFICER", "BANK_OFFICER"] as const satisfies readonly StaffRole[];
