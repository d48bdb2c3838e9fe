import type { Actor, Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

// One typed table of who may do what outside the case workflow (the workflow's own table is
// lib/applications/workflow.ts). Anything not listed is denied.
export const PERMISSIONS = {
  "admin.read": ["PROGRAM_ADMIN"],
  "admin.write": ["PROGRAM_ADMIN"],
  "audit.read": ["AUDITOR", "PROGRAM_ADMIN"],
  "oversight.read": ["CENTER_REVIEWER", "CENTER_APPROVER"],
  "application.create": ["APPLICANT", "DISTRICT_AGENT"],
  "application.markGreenChannel": ["DISTRICT_AGENT", "CENTER_REVIEWER", "CENTER_APPROVER"],
  // The per-enterprise exception, yi qi yi ce (lib/exceptions): requested by a centre reviewer or approver, decided by an approver
  // who did not ask.
  "exception.request": ["CENTER_REVIEWER", "CENTER_APPROVER"],
  "exception.decide": ["CENTER_APPROVER"],
  "exception.read": ["CENTER_REVIEWER", "CENTER_APPROVER"],
  "application.assign": ["CENTER_REVIEWER", "CENTER_APPROVER", "GUARANTOR_OFFICER", "GUARANTOR_MANAGER", "BANK_OFFICER", "BANK_MANAGER"],
  "pii.viewFull": ["CENTER_REVIEWER", "CENTER_APPROVER", "BANK_OFFICER"],
  // The people of the organisations on a case (its scope says which cases): internal notes to
  // each other, and a deliberate message to the applicant. Administrators and auditors only read.
  "case.note": ["CENTER_REVIEWER", "CENTER_APPROVER", "GUARANTOR_OFFICER", "BANK_OFFICER", "DISTRICT_AGENT"],
  "case.messageApplicant": ["CENTER_REVIEWER", "CENTER_APPROVER", "GUARANTOR_OFFICER", "BANK_OFFICER", "DISTRICT_AGENT"],
  "outbox.read": ["PROGRAM_ADMIN"],
  // Interest subsidy ledger (lib/subsidies): the bank reports, the centre checks, approves with two
  // people (maker "approve", checker "check"), pays and reconciles.
  "subsidy.read": ["CENTER_REVIEWER", "CENTER_APPROVER", "BANK_OFFICER", "PROGRAM_ADMIN", "AUDITOR"],
  "subsidy.import": ["BANK_OFFICER"],
  "subsidy.answer": ["BANK_OFFICER"],
  "subsidy.query": ["CENTER_REVIEWER", "CENTER_APPROVER"],
  "subsidy.verify": ["CENTER_REVIEWER", "CENTER_APPROVER"],
  "subsidy.approve": ["CENTER_REVIEWER", "CENTER_APPROVER"],
  "subsidy.check": ["CENTER_APPROVER"],
  "subsidy.pay": ["CENTER_REVIEWER", "CENTER_APPROVER"],
  "subsidy.reconcile": ["CENTER_REVIEWER", "CENTER_APPROVER"],
  "subsidy.statementPdf": ["APPLICANT", "CENTER_REVIEWER", "CENTER_APPROVER"],
  // The programme's published figures (lib/stats): the centre runs them, administrators and auditors read them.
  "stats.read": ["CENTER_REVIEWER", "CENTER_APPROVER", "PROGRAM_ADMIN", "AUDITOR"],
  // The yearly subsidy budget: administrators set it, the centre spends against it.
  "budget.read": ["CENTER_REVIEWER", "CENTER_APPROVER", "PROGRAM_ADMIN", "AUDITOR"],
  "budget.write": ["PROGRAM_ADMIN"],
  // Union standing (an enterprise's member in good standing, the subsidy's condition): district
  // unions and the centre record it; auditors and administrators read it.
  "union.record": ["DISTRICT_AGENT", "CENTER_REVIEWER", "CENTER_APPROVER"],
  "union.read": ["DISTRICT_AGENT", "CENTER_REVIEWER", "CENTER_APPROVER", "PROGRAM_ADMIN", "AUDITOR"],
  // Unions the programme brought about (dated founding records): recorded like union standing.
  "union.recordFounding": ["DISTRICT_AGENT", "CENTER_REVIEWER", "CENTER_APPROVER"],
  // The years before the portal (lib/history): the centre's approver imports them, since they
  // enter the programme's published figures at once.
  "history.import": ["CENTER_APPROVER"],
  "loan.view": ["APPLICANT", "CENTER_REVIEWER", "CENTER_APPROVER", "BANK_OFFICER", "BANK_MANAGER", "GUARANTOR_OFFICER", "GUARANTOR_MANAGER", "PROGRAM_ADMIN", "AUDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (actor: Actor | null, permission: Permission): boolean =>
  actor !== null && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);

/** Throws NOT_FOUND: to someone without the permission, the thing does not exist. */
export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, permission)) throw new AppError("NOT_FOUND");
}
