import "server-only";
import { db } from "@/lib/db/client";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { APPLICATION_EVENTS, type ApplicationEvent } from "@/lib/applications/events";

export type TimelineEntry = {
  id: string;
  at: Date;
  event: ApplicationEvent;
  /** Who acted, as the applicant may see it: an organisation, "applicant" or "system". */
  by: { kind: "applicant" } | { kind: "system" } | { kind: "organisation"; type: OrganisationType; name: string; person?: string };
  comment: string | null;
  missingItems: string[];
  reasonCode: string | null;
};

// Events an applicant's timeline leaves out (internal housekeeping).
const INTERNAL: ReadonlySet<ApplicationEvent> = new Set(["saved", "assigned", "pii_viewed", "document_uploaded"]);

// The only events whose words are addressed to the applicant: what to supply, why not, their own
// reason. Every other comment (a recommendation, a guarantor's or bank's assessment, a note on a
// green channel or an exception) is an internal note between the organisations on the case.
const COMMENT_FOR_APPLICANT: ReadonlySet<ApplicationEvent> = new Set(["returned", "rejected", "withdrawn"]);

/** A case's history, oldest first, rendered from its audit events (the record is the source). */
export async function timelineOf(applicationId: string, options: { internal?: boolean } = {}): Promise<TimelineEntry[]> {
  const events = await db.auditEvent.findMany({
    where: { applicationId, action: { startsWith: "application." } },
    orderBy: { id: "asc" },
    select: { id: true, at: true, action: true, actorId: true, organisationId: true, data: true },
  });
  const orgIds = [...new Set(events.map((e) => e.organisationId).filter((x): x is string => !!x))];
  const orgs = new Map(
    (await db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, type: true, nameZh: true } })).map((o) => [o.id, o]),
  );
  // Staff see which district-union agent entered what on a member's behalf (lib/intake).
  const agentIds = options.internal
    ? [...new Set(events.filter((e) => e.actorId && orgs.get(e.organisationId ?? "")?.type === "DISTRICT_UNION").map((e) => e.actorId!))]
    : [];
  const agents = new Map(
    agentIds.length ? (await db.user.findMany({ where: { id: { in: agentIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]) : [],
  );
  return events.flatMap((e) => {
    const event = e.action.slice("application.".length) as ApplicationEvent;
    if (!APPLICATION_EVENTS.includes(event)) return [];
    if (!options.internal && INTERNAL.has(event)) return [];
    const data = (e.data ?? {}) as { comment?: string; missingItems?: string[]; reasonCode?: string; reason?: string };
    const org = e.organisationId ? orgs.get(e.organisationId) : undefined;
    const by: TimelineEntry["by"] = org
      ? { kind: "organisation", type: org.type, name: org.nameZh, ...(e.actorId && agents.has(e.actorId) ? { person: agents.get(e.actorId)! } : {}) }
      : e.actorId
        ? { kind: "applicant" }
        : { kind: "system" };
    return [{
      id: String(e.id),
      at: e.at,
      event,
      by,
      comment: options.internal || COMMENT_FOR_APPLICANT.has(event) ? (data.comment ?? data.reason ?? null) : null,
      missingItems: data.missingItems ?? [],
      reasonCode: data.reasonCode ?? null,
    }];
  });
}
