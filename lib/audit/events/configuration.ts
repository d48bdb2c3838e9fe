import { z } from "zod";
import { dayText, empty, fenText, shownWhole } from "@/lib/audit/events/values";

// Changes to the programme's configuration (lib/audit/config-changes.ts shows them by kind):
// calendar, policy, dual control, budget, organisations, consent wording, LPR, routing,
// reference lists and staff accounts.

const calendarEntry = z.object({ day: dayText, kind: z.string(), name: z.string() });
const movedDue = z.object({ applicationId: z.string(), number: z.string(), field: z.enum(["stageDueAt", "returnDueAt"]), from: z.string(), to: z.string() });
const calendarChange = z.object({
  year: z.number().int(), source: z.enum(["form", "import", "setup"]), before: z.array(calendarEntry), after: z.array(calendarEntry), moved: z.array(movedDue),
});

const names = z.object({ nameZh: z.string(), nameEn: z.string() });
const organisationChange = z.object({
  before: names.extend({ disabled: z.boolean() }),
  after: z.union([names, z.object({ disabled: z.boolean() })]),
});

const checklists = z.object({ NEW: z.array(z.string()), RENEWAL: z.array(z.string()) });
const referenceCreated = z.object({
  before: z.null(),
  after: names.extend({ code: z.string(), checklists: checklists.optional() }),
});
const referenceRenamed = z.object({ before: names, after: names });
const referenceActive = z.object({ before: z.object({ active: z.boolean() }), after: z.object({ active: z.boolean() }) });

const routing = z.object({ mode: z.string(), defaultPartner: z.string().nullable(), districts: z.record(z.string(), z.string()) });

const accountAccess = z.object({ before: z.object({ disabled: z.boolean() }).nullable(), after: z.object({ disabled: z.boolean() }) });

/** The policy's fields as proposed (policyPayload), shown whole; "before" is the version it replaces. */
const policyPublished = z.looseObject({ before: shownWhole.nullable(), proposedBy: z.string().optional() });

const controlDecided = z.object({ kind: z.string(), note: z.string().nullable(), resultId: z.string().nullable() });

/** The working calendar's changes (lib/calendar/calendar-write.ts). */
export const CALENDAR_AUDIT_ACTIONS = ["calendar.days_added", "calendar.day_removed", "calendar.day_renamed"] as const;

export const CONFIGURATION_AUDIT_EVENTS = {
  "calendar.days_added": calendarChange,
  "calendar.day_removed": calendarChange,
  "calendar.day_renamed": calendarChange,
  "policy.published": policyPublished,
  "control_change.proposed": z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("GRANT_ADMIN"), targetUserId: z.string(), from: z.string() }),
    z.object({ kind: z.literal("POLICY_VERSION"), weakens: z.array(z.string()), policy: shownWhole }),
  ]),
  "control_change.approved": controlDecided,
  "control_change.rejected": controlDecided,
  "control_change.withdrawn": empty,
  "subsidy.budget_set": z.object({
    year: z.number().int(), fromFen: fenText.nullable(), toFen: fenText,
    // Budgets set before the guarantee deposit was kept have no deposit.
    depositFromFen: fenText.nullish(), depositToFen: fenText.nullish(),
  }),
  "organisation.created": names.extend({ code: z.string(), type: z.string() }),
  "organisation.renamed": organisationChange,
  "organisation.disabled": organisationChange,
  "organisation.enabled": organisationChange,
  "consent.wording_published": z.object({
    kind: z.string(),
    before: z.object({ version: z.string(), effectiveFrom: dayText }).nullable(),
    after: z.object({ version: z.string(), effectiveFrom: dayText, textZh: z.string(), textEn: z.string() }),
  }),
  "lpr.rate_added": z.object({
    tenor: z.string(),
    before: z.object({ rateBp: z.number().int(), effectiveFrom: dayText }).nullable(),
    after: z.object({ rateBp: z.number().int(), effectiveFrom: dayText }),
  }),
  "routing.changed": z.object({ before: routing.nullable(), after: routing }),
  "category.created": referenceCreated,
  "category.renamed": referenceRenamed,
  "category.deactivated": referenceActive,
  "category.reactivated": referenceActive,
  "category.checklist_changed": z.object({ before: checklists.nullable(), after: checklists }),
  "target_group.created": referenceCreated,
  "target_group.renamed": referenceRenamed,
  "target_group.deactivated": referenceActive,
  "target_group.reactivated": referenceActive,
  "numbering.pattern_changed": z.object({ before: z.object({ pattern: z.string() }), after: z.object({ pattern: z.string() }) }),
  "user.invited": z.object({ role: z.string(), organisationId: z.string() }),
  "user.role_changed": z.object({ from: z.string(), to: z.string(), proposedBy: z.string().optional() }),
  "user.disabled": accountAccess,
  "user.enabled": accountAccess,
  "user.sessions_revoked": empty,
  "user.unlocked": z.object({ cleared: z.number().int() }),
  "user.password_reset_forced": empty,
} as const;
