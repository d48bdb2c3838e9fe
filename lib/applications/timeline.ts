import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { APPLICATION_EVENTS, auditAction, type ApplicationEvent } from "@/lib/applications/events";
import { isNoticeCode } from "@/lib/notifications/codes";
import type { ApplicantMessage } from "@/lib/reviews/applicant-message";
import { readAuditData } from "@/lib/audit/read";

export type TimelineEntry = {
  id: string;
  at: Date;
  event: ApplicationEvent;
  /** Who acted, as the applicant may see it: an organisation, "applicant" or "system". */
  by: { kind: "applicant" } | { kind: "system" } | { kind: "organisation"; type: OrganisationType; name: string; person?: string };
  /** Staff only: the decision's comment or the internal note. The applicant sees only their own words (a withdrawal's reason). */
  comment: string | null;
  /** What the applicant was told with this event (a decision's message, or a message of its own). */
  message: ApplicantMessage | null;
  missingItems: string[];
  reasonCode: string | null;
  /** The event's payload did not match its kind's schema (reported): shown as a record that cannot be read. */
  unreadable: boolean;
};

// The fields of a case event the timeline shows, as the kinds' schemas give them (lib/audit/events):
// a kind that writes one of them with another type does not compile. Other fields are not shown.
type ShownFields = {
  [field: string]: unknown;
  comment?: string | null;
  reason?: string | null;
  note?: string;
  message?: StoredMessage | null;
  missingItems?: string[] | null;
  reasonCode?: string | null;
};
type StoredMessage = { code: string; params: Record<string, unknown>; text?: string | null };

// Events an applicant's timeline leaves out (internal housekeeping, and the organisations' notes).
const INTERNAL: ReadonlySet<ApplicationEvent> = new Set(["saved", "assigned", "pii_viewed", "document_uploaded", "note_added"]);

// Staff comments are internal notes between the organisations on the case, every one of them
// (a recommendation, a return's or a refusal's reasoning, a green channel). What the applicant is
// told is the event's `message`, written deliberately; the only comment of their timeline is
// their own reason for withdrawing.
const OWN_WORDS: ReadonlySet<ApplicationEvent> = new Set(["withdrawn"]);

type EventRow = {
  id: bigint;
  at: Date;
  action: string;
  actorId: string | null;
  organisationId: string | null;
  data: unknown;
  /** The acting organisation's type and name (null: the applicant or the system acted). */
  orgType: OrganisationType | null;
  orgName: string | null;
  /** The acting person's name, read for staff timelines only. */
  actorName: string | null;
  /** The case's intake agent, read when a staff caller did not pass it. */
  intakeAgentId: string | null;
};

/** A case's history, oldest first, rendered from its audit events (the record is the source). */
export async function timelineOf(applicationId: string, options: { internal?: boolean; intakeAgentId?: string | null } = {}): Promise<TimelineEntry[]> {
  const internal = options.internal ?? false;
  const readIntakeAgent = internal && options.intakeAgentId === undefined;
  // One statement: the events with the acting organisation's name and, for staff, the acting
  // person's name and (if the caller has not read it) the case's intake agent joined to them.
  const events = await db.$queryRaw<EventRow[]>`
    SELECT e.id, e.at, e.action, e."actorId"::text AS "actorId", e."organisationId"::text AS "organisationId", e.data,
           o.type::text AS "orgType", o."nameZh" AS "orgName",
           ${internal ? Prisma.sql`u."displayName"` : Prisma.sql`NULL::text`} AS "actorName",
           ${readIntakeAgent ? Prisma.sql`(SELECT a."intakeAgentId"::text FROM "LoanApplication" a WHERE a.id = ${applicationId}::uuid)` : Prisma.sql`NULL::text`} AS "intakeAgentId"
    FROM "AuditEvent" e
    LEFT JOIN "Organisation" o ON o.id = e."organisationId"
    ${internal ? Prisma.sql`LEFT JOIN "User" u ON u.id = e."actorId"` : Prisma.empty}
    WHERE e."applicationId" = ${applicationId}::uuid AND e.action LIKE 'application.%'
    ORDER BY e.id`;
  // Staff see which district-union agent (or hotline operator, the case's intake agent) entered
  // what on a member's behalf (lib/intake). A caller that has read the case passes its intake agent.
  const intakeAgentId = !internal ? null : readIntakeAgent ? (events[0]?.intakeAgentId ?? null) : options.intakeAgentId;
  const personOf = (e: EventRow): string | null =>
    internal && e.actorId && e.actorName !== null && (e.orgType === "DISTRICT_UNION" || e.actorId === intakeAgentId) ? e.actorName : null;
  return events.flatMap((e) => {
    const event = e.action.slice("application.".length) as ApplicationEvent;
    if (!APPLICATION_EVENTS.includes(event)) return [];
    if (!options.internal && INTERNAL.has(event)) return [];
    const read = readAuditData(auditAction(event), e);
    const data: ShownFields = read ?? {};
    const person = personOf(e);
    const by: TimelineEntry["by"] = e.orgType !== null && e.orgName !== null
      ? { kind: "organisation", type: e.orgType, name: e.orgName, ...(person !== null ? { person } : {}) }
      : e.actorId
        ? { kind: "applicant" }
        : { kind: "system" };
    return [{
      id: String(e.id),
      at: e.at,
      event,
      by,
      comment: options.internal || OWN_WORDS.has(event) ? (data.comment ?? data.reason ?? data.note ?? null) : null,
      message: messageOf(data.message),
      missingItems: data.missingItems ?? [],
      reasonCode: data.reasonCode ?? null,
      unreadable: read === null,
    }];
  });
}

function messageOf(m: StoredMessage | null | undefined): ApplicantMessage | null {
  if (!m || !isNoticeCode(m.code)) return null;
  const params = Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, String(v)]));
  return { code: m.code, params, text: m.text ?? null };
}
