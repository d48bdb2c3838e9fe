import type { z } from "zod";
import { APPLICATION_AUDIT_EVENTS, REMINDER_AUDIT_EVENTS } from "@/lib/audit/events/application";
import { CONFIGURATION_AUDIT_EVENTS } from "@/lib/audit/events/configuration";
import { LOG_AUDIT_EVENTS } from "@/lib/audit/events/log";
import { PEOPLE_AUDIT_EVENTS } from "@/lib/audit/events/people";
import { RECORDS_AUDIT_EVENTS } from "@/lib/audit/events/records";
import { SUBSIDY_AUDIT_EVENTS } from "@/lib/audit/events/subsidy";

/**
 * Every kind of audit event, by its action, with the schema of its payload as stored. Writing
 * (lib/audit/record.ts) and reading (lib/audit/read.ts) both go through it, so a reader cannot
 * quietly read a field its service stopped writing. Fields old rows may lack are optional: rows
 * are never rewritten (the hash chain covers them).
 */
export const AUDIT_EVENTS = {
  ...APPLICATION_AUDIT_EVENTS,
  ...REMINDER_AUDIT_EVENTS,
  ...SUBSIDY_AUDIT_EVENTS,
  ...CONFIGURATION_AUDIT_EVENTS,
  ...PEOPLE_AUDIT_EVENTS,
  ...RECORDS_AUDIT_EVENTS,
  ...LOG_AUDIT_EVENTS,
} as const;

export type AuditAction = keyof typeof AUDIT_EVENTS;

/** A payload as readers get it back. */
export type AuditData<K extends AuditAction> = z.output<(typeof AUDIT_EVENTS)[K]>;

// Services hand over bigint fen and Date values; the log stores them as strings (toAuditData).
type Writable<T> = T extends string
  ? string extends T ? string | bigint | Date : T
  : T extends readonly (infer U)[]
    ? readonly Writable<U>[]
    : T extends object ? { [P in keyof T]: Writable<T[P]> } : T;

/** A payload as a service writes it. */
export type AuditPayload<K extends AuditAction> = Writable<z.input<(typeof AUDIT_EVENTS)[K]>>;

/**
 * What a step service adds to the payload of one of the kinds `K` beside the fields `Written` its
 * skeleton writes: the skeleton's callers are typed against the kinds they may write.
 */
export type AuditExtras<K extends AuditAction, Written extends PropertyKey> = K extends AuditAction ? Partial<Omit<AuditPayload<K>, Written>> : never;

export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_EVENTS, action);
