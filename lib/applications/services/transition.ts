import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, DecisionAction, ReviewStage } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { readAuditData } from "@/lib/audit/read";
import type { AuditExtras } from "@/lib/audit/events/table";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { scopedApplication } from "@/lib/applications/scope";
import { HOLDER, isActorsTurn, roleMayAttempt, targetOf, type TransitionName } from "@/lib/applications/workflow";
import { auditAction, type ApplicationEvent } from "@/lib/applications/events";
import { lockCalendar, workingCalendar } from "@/lib/policy/queries";
import { sameCalendar, type WorkingCalendar } from "@/lib/calendar/working-days";
import { stageDueAt } from "@/lib/policy/deadlines";

export type LoadedApplication = Prisma.LoanApplicationGetPayload<{ include: { policyVersion: true } }>;

/**
 * One step of the workflow. `guard` checks the rules and returns what it found (the context, `C`),
 * and `exclusive` what it locked and judged inside the transaction (`H`): the later hooks receive
 * them instead of reading variables a closure filled in.
 */
export type TransitionRequest<T, C = void, H = void> = {
  actor: Actor;
  applicationId: string;
  /** The step; a function when the case's pinned policy decides which step it is (maker-checker). */
  transition: TransitionName | ((app: LoadedApplication) => TransitionName);
  event: ApplicationEvent;
  /** The version the actor saw; a different current version means someone acted in between. */
  expectedVersion: number;
  /** The decision row; a function when it depends on the loaded case (the stage that decides). */
  decision?: Decision | ((app: LoadedApplication) => Decision);
  /** Checks that need the loaded case (business rules); throw AppError to refuse. */
  guard?: (app: LoadedApplication, to: ApplicationStatus, calendar: WorkingCalendar) => C | Promise<C>;
  /**
   * The guard of a step that counts no date before its transaction (in place of `guard`): it gets
   * no calendar, so the calendar is read once, inside the transaction under its shared lock,
   * instead of before it and again there. The step's dates are counted in `changes`.
   */
  check?: (app: LoadedApplication, to: ApplicationStatus) => C | Promise<C>;
  /**
   * Checks that must still hold when the change commits, run inside the transaction before the
   * compare-and-set: a rule over other rows (one open case per enterprise) takes a lock first, so
   * two cases deciding at once are judged one after the other.
   */
  exclusive?: (tx: Prisma.TransactionClient, app: LoadedApplication, ctx: C) => Promise<H>;
  /**
   * The locks `exclusive` judges under (keys of `hashtext`), taken in this order with the
   * calendar's shared lock, in the transaction's first statement.
   */
  locks?: (app: LoadedApplication, ctx: C) => string[];
  /** More columns to set with the status change (called inside the transaction, on the calendar it runs under). */
  changes?: (app: LoadedApplication, to: ApplicationStatus, calendar: WorkingCalendar, ctx: C) => Prisma.LoanApplicationUncheckedUpdateManyInput;
  /** More rows written in the same transaction (guarantee, loan, notification). */
  within?: (tx: Prisma.TransactionClient, app: LoadedApplication, to: ApplicationStatus, ctx: C, held: H) => Promise<T>;
  /** More of the audit event (a function when it depends on the loaded case: the message to the applicant). */
  auditData?: StepAuditExtras | ((app: LoadedApplication, ctx: C) => StepAuditExtras);
};

type StepAuditExtras = AuditExtras<`application.${ApplicationEvent}`, "from" | "to" | "version" | "comment" | "reasonCode" | "missingItems">;

type Decision = {
  stage: ReviewStage;
  action: DecisionAction;
  comment: string;
  reasonCode?: string | null;
  missingItems?: string[];
  checklist?: Record<string, boolean>;
};

export type TransitionResult<T> = { status: ApplicationStatus; version: number; repeated: boolean; result?: T };

/**
 * The one skeleton of every state change: load through the actor's scope (else NOT_FOUND),
 * check the role may take this step at all, that it is the actor's turn, and that the transition
 * exists; then, in one transaction, a compare-and-set on (id, status, version) that must touch
 * exactly one row, the decision row, the extra rows and the audit event.
 *
 * Acting twice (double click, retried request) changes nothing: when the case already moved on
 * through this same step by this same actor, the call reports success without writing.
 */
export async function runTransition<T = void, C = void, H = void>(req: TransitionRequest<T, C, H>): Promise<TransitionResult<T>> {
  const { actor } = req;
  const app = await db.loanApplication.findFirst({
    where: scopedApplication(actor, req.applicationId),
    include: { policyVersion: true },
  });
  if (!app) throw new AppError("NOT_FOUND");
  const transition = typeof req.transition === "function" ? req.transition(app) : req.transition;
  if (!roleMayAttempt(transition, actor.role)) throw new AppError("FORBIDDEN");
  // A record of the years before the portal (lib/history) is history: no step ever moves it.
  if (app.historical) throw new AppError("INVALID_TRANSITION");

  if (app.version !== req.expectedVersion) {
    if (await isRepeatOfLastStep(app.id, actor.userId, req.event, req.expectedVersion)) {
      return { status: app.status, version: app.version, repeated: true };
    }
    throw new AppError("CONFLICT");
  }
  const holder = HOLDER[app.status];
  const actorSide = actor.kind === "APPLICANT" || actor.role === "DISTRICT_AGENT" ? "APPLICANT" : actor.organisationType;
  if (!isActorsTurn(transition, holder, actorSide)) throw new AppError("NOT_YOUR_TURN");
  const to = targetOf(transition, app.status, app.returnedFrom);
  if (!to) throw new AppError("INVALID_TRANSITION");
  if (req.guard && req.check) throw new Error("A step has a guard or a check, not both.");
  // A guard may count dates on the calendar before the transaction; a check (or no guard) does not,
  // and the calendar is then read only under the transaction's shared lock.
  const early = req.guard ? await workingCalendar() : null;
  const ctx = (await (req.guard ? req.guard(app, to, early!) : req.check?.(app, to))) as C;

  const now = new Date();
  const policy = app.policyVersion;
  const decision = typeof req.decision === "function" ? req.decision(app) : req.decision;

  const result = await db.$transaction(async (tx) => {
    // The step's dates are counted on the calendar as it stands under this shared lock (a calendar
    // change waits for it, and recounts this case after it commits). A guard counted on the calendar
    // it read before: a change that committed since then has already recounted the open cases, so
    // this step must not write dates of the old calendar.
    await lockCalendar(tx, "shared", req.locks?.(app, ctx));
    const calendar = await workingCalendar(tx);
    if (early && !sameCalendar(early, calendar)) throw new AppError("CONFLICT");
    const due = policy ? stageDueAt(to, now, policy, app.greenChannel, calendar) : null;
    const extra = req.changes?.(app, to, calendar, ctx) ?? {};
    const held = (await req.exclusive?.(tx, app, ctx)) as H;
    const updated = await tx.loanApplication.updateMany({
      where: { id: app.id, status: app.status, version: app.version },
      data: {
        status: to,
        version: { increment: 1 },
        ...(to !== app.status ? { stageEnteredAt: now, stageDueAt: to === "RETURNED" ? app.stageDueAt : due } : {}),
        ...extra,
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    if (decision) {
      await tx.reviewDecision.create({
        data: {
          applicationId: app.id,
          stage: decision.stage,
          action: decision.action,
          fromStatus: app.status,
          toStatus: to,
          actorId: actor.userId,
          organisationId: actor.kind === "STAFF" ? actor.organisationId : actor.userId,
          comment: decision.comment,
          reasonCode: decision.reasonCode ?? null,
          missingItems: decision.missingItems ?? undefined,
          checklist: decision.checklist ?? undefined,
        },
      });
    }
    const within = await req.within?.(tx, app, to, ctx, held);
    await appendAudit(tx, {
      actorId: actor.userId,
      organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
      applicationId: app.id,
      entityType: "LoanApplication",
      entityId: app.id,
      action: auditAction(req.event),
      data: {
        from: app.status,
        to,
        version: app.version + 1,
        comment: decision?.comment,
        reasonCode: decision?.reasonCode ?? undefined,
        missingItems: decision?.missingItems,
        ...(typeof req.auditData === "function" ? req.auditData(app, ctx) : req.auditData),
      },
    });
    return within;
  });
  return { status: to, version: app.version + 1, repeated: false, result };
}

/** True when the step right after `version` was this same event by this same actor. */
async function isRepeatOfLastStep(applicationId: string, actorId: string, event: ApplicationEvent, version: number) {
  const next = await db.auditEvent.findFirst({
    where: { applicationId, action: auditAction(event), actorId },
    orderBy: { id: "desc" },
    select: { id: true, action: true, data: true },
  });
  const data = next ? readAuditData(auditAction(event), next) : null;
  return data !== null && "version" in data && data.version === version + 1;
}

/** The deadline for a stage under the case's pinned policy (used by services that set it directly). */
export async function dueForStage(
  status: ApplicationStatus,
  app: Pick<LoadedApplication, "policyVersion" | "greenChannel">,
  at: Date,
  calendar?: WorkingCalendar,
) {
  return app.policyVersion ? stageDueAt(status, at, app.policyVersion, app.greenChannel, calendar ?? (await workingCalendar())) : null;
}
