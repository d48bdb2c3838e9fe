import type { Actor, Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

// One typed table of who may do what outside the case workflow (the workflow's own table is
// lib/applications/workflow.ts). Anything not listed is denied.
export const PERMISSIONS = {
  "admin.read": ["PROGRAM_ADMIN"],
  "admin.write": ["PROGRAM_ADMIN"],
  "audit.read": ["AUDITOR", "PROGRAM_ADMIN"],
  "application.create": ["APPLICANT", "DISTRICT_AGENT"],
  "application.markGreenChannel": ["DISTRICT_AGENT", "CENTER_REVIEWER", "CENTER_APPROVER"],
  "application.recordException": ["CENTER_APPROVER"],
  "application.assign": ["CENTER_REVIEWER", "CENTER_APPROVER", "GUARANTOR_OFFICER", "BANK_OFFICER"],
  "pii.viewFull": ["CENTER_REVIEWER", "CENTER_APPROVER", "BANK_OFFICER"],
  "outbox.read": ["PROGRAM_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (actor: Actor | null, permission: Permission): boolean =>
  actor !== null && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);

/** Throws NOT_FOUND: to someone without the permission, the thing does not exist. */
export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, permission)) throw new AppError("NOT_FOUND");
}
