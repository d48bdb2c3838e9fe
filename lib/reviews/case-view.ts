import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import { caseForStaff, routingTargets } from "@/lib/reviews/queries";
import { timelineOf } from "@/lib/applications/timeline";
import { documentChecklist } from "@/lib/applications/required-documents";
import { exceptionsOfScopedCase } from "@/lib/exceptions/queries";
import { workingCalendarFrom } from "@/lib/policy/queries";
import { proposedLprReference } from "@/lib/lpr/rates";
import { beijingDayOf, beijingToday } from "@/lib/calendar/beijing";
import { addWorkingDays } from "@/lib/calendar/working-days";

/** The steps that send the case on to a partner: only their forms need the routing choices. */
const ROUTING_ACTIONS = new Set(["recommend", "confirm", "issueGuarantee"]);
/** The steps that give the applicant an answer deadline: only their previews need the holiday calendar. */
const DEADLINE_ACTIONS = new Set(["return", "reopen"]);

/**
 * Everything the staff case page shows, read at once and scoped to the actor: the case, its
 * history, papers, exceptions and servicing, and what its forms propose. Null when the case is
 * not the actor's to see.
 */
export async function staffCaseView(actor: StaffActor, id: string, now: Date = new Date()) {
  const c = await caseForStaff(actor, id);
  if (!c) return null;
  const today = beijingToday(now);
  // `c` was read through the actor's scope, so its history, papers and exceptions are read by id
  // here, from what was read with it (not the case again); the loans' servicing was read with it.
  const [timeline, checklist, targets, exceptions, holidays, lpr] = await Promise.all([
    timelineOf(c.id, { internal: true, intakeAgentId: c.scoped.intakeAgentId }),
    documentChecklist(c.id, c.kind, { actor, status: c.status }, { ...c.scoped, today }),
    c.actions.some((a) => ROUTING_ACTIONS.has(a)) ? routingTargets(c.intake.orgId) : Promise.resolve(null),
    exceptionsOfScopedCase(actor, { ...c.scoped, policyVersion: c.policy }, today),
    // The deadline is counted forward from today: the calendar's earlier days are not read.
    c.actions.some((a) => DEADLINE_ACTIONS.has(a)) ? workingCalendarFrom(today) : Promise.resolve(null),
    c.status === "BANK_REVIEW" ? proposedLprReference(today) : Promise.resolve(null),
  ]);
  return {
    c,
    timeline,
    checklist,
    targets,
    // The servicing of the enterprise's loans, read with the case.
    servicing: c.servicing,
    exceptions,
    lpr,
    now,
    today,
    // The deadline a return or reopening sent now gets: the services compute it the same way.
    // Null when the viewer may do neither (no form shows it).
    answerDueOn: holidays ? beijingDayOf(addWorkingDays(now, c.policy?.returnAnswerDays ?? 15, holidays)) : null,
  };
}

export type StaffCaseView = NonNullable<Awaited<ReturnType<typeof staffCaseView>>>;
