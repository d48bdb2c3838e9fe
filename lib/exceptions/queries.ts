import "server-only";
import type { DocumentKind, ExceptionType, Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import { applicationScope, scopedApplication } from "@/lib/applications/scope";
import { policyInForce } from "@/lib/policy/queries";
import { beijingToday } from "@/lib/calendar/beijing";
import { bearingOn } from "@/lib/exceptions/in-force";
import { caseLimits, decisionRefusal, exceptionState, type CaseLimits, type Ceilings, type ExceptionState } from "@/lib/exceptions/rules";

export type ExceptionRow = {
  id: string;
  version: number;
  type: ExceptionType;
  state: ExceptionState;
  reason: string;
  valueFen: bigint | null;
  valueMonths: number | null;
  documentKind: DocumentKind | null;
  expiresOn: string;
  requestedAt: Date;
  requestedBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionComment: string | null;
  /** The reader is an approver who did not ask, and the request still waits. */
  mayDecide: boolean;
  application: { id: string; number: string; enterprise: string } | null;
};

const SELECT = {
  id: true, version: true, type: true, status: true, reason: true, valueFen: true, valueMonths: true, documentKind: true, expiresOn: true,
  requestedById: true, requestedAt: true, decidedById: true, decidedAt: true, decisionComment: true,
  application: { select: { id: true, number: true, enterprise: { select: { name: true } } } },
} as const satisfies Prisma.PolicyExceptionSelect;

type Loaded = Prisma.PolicyExceptionGetPayload<{ select: typeof SELECT }>;

async function rows(actor: StaffActor, found: Loaded[], today: string): Promise<ExceptionRow[]> {
  const ids = [...new Set(found.flatMap((e) => [e.requestedById, e.decidedById]).filter((id): id is string => !!id))];
  // No exceptions (the usual case), no names to read.
  const names = new Map(ids.length ? (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]) : []);
  return found.map((e) => {
    const state = exceptionState(e, today);
    return {
      id: e.id, version: e.version, type: e.type, state, reason: e.reason, valueFen: e.valueFen, valueMonths: e.valueMonths, documentKind: e.documentKind,
      expiresOn: e.expiresOn.toISOString().slice(0, 10), requestedAt: e.requestedAt, requestedBy: names.get(e.requestedById) ?? "—",
      decidedAt: e.decidedAt, decidedBy: e.decidedById ? (names.get(e.decidedById) ?? "—") : null, decisionComment: e.decisionComment,
      mayDecide: state === "PENDING" && can(actor, "exception.decide") && decisionRefusal(actor, e.requestedById) === null,
      application: e.application ? { id: e.application.id, number: e.application.number, enterprise: e.application.enterprise.name } : null,
    };
  });
}

/**
 * A case's exceptions (newest first) and what those in force change: the case's cap and term
 * against its policy's, waived documents, a cooling waiver. Null for a case out of scope.
 */
export async function exceptionsForCase(actor: StaffActor, applicationId: string, today: string = beijingToday()): Promise<{ rows: ExceptionRow[]; effect: CaseLimits } | null> {
  const app = await db.loanApplication.findFirst({ where: scopedApplication(actor, applicationId), select: { id: true, enterpriseId: true, policyVersion: true } });
  if (!app) return null;
  return exceptionsOfScopedCase(actor, app, today);
}

/**
 * The same for a case the caller has already read through the actor's scope (the case page),
 * with its pinned policy's ceilings (null: not pinned yet, today's policy applies).
 */
export async function exceptionsOfScopedCase(
  actor: StaffActor,
  app: { id: string; enterpriseId: string; policyVersion: Ceilings | null },
  today: string = beijingToday(),
): Promise<{ rows: ExceptionRow[]; effect: CaseLimits }> {
  // One statement for both: the case's own exceptions (every state, for its list) and the
  // approved ones that bear on it (its own and its enterprise's cooling waivers), which are what
  // may be in force.
  const [found, policy] = await Promise.all([
    db.policyException.findMany({
      where: { OR: [{ applicationId: app.id }, bearingOn(app)] },
      orderBy: { requestedAt: "desc" },
      select: { ...SELECT, applicationId: true },
    }),
    app.policyVersion ?? policyInForce(),
  ]);
  const effect = caseLimits(policy, found.filter((e) => e.status === "APPROVED"), today);
  return { rows: await rows(actor, found.filter((e) => e.applicationId === app.id), today), effect };
}

export const EXCEPTION_PAGE_SIZE = 25;

/**
 * The centre's list of exceptions, filtered by type and state (expired is computed: an approved
 * or pending one whose expiry day has passed), newest request first, in simple pages.
 */
export async function listExceptions(
  actor: StaffActor,
  filters: { type?: ExceptionType; state?: ExceptionState; page: number },
  today: string = beijingToday(),
): Promise<{ rows: ExceptionRow[]; hasMore: boolean; pendingCount: number }> {
  if (!can(actor, "exception.read")) return { rows: [], hasMore: false, pendingCount: 0 };
  const day = new Date(`${today}T00:00:00Z`);
  const byState: Prisma.PolicyExceptionWhereInput =
    filters.state === "EXPIRED" ? { status: { in: ["PENDING", "APPROVED"] }, expiresOn: { lt: day } }
    : filters.state === "REFUSED" ? { status: "REFUSED" }
    : filters.state ? { status: filters.state, expiresOn: { gte: day } }
    : {};
  const where: Prisma.PolicyExceptionWhereInput = { AND: [{ application: applicationScope(actor) }, byState, filters.type ? { type: filters.type } : {}] };
  const [found, pendingCount] = await Promise.all([
    db.policyException.findMany({
      where, orderBy: [{ requestedAt: "desc" }, { id: "desc" }], skip: (filters.page - 1) * EXCEPTION_PAGE_SIZE, take: EXCEPTION_PAGE_SIZE + 1, select: SELECT,
    }),
    db.policyException.count({ where: { application: applicationScope(actor), status: "PENDING", expiresOn: { gte: day } } }),
  ]);
  return { rows: await rows(actor, found.slice(0, EXCEPTION_PAGE_SIZE), today), hasMore: found.length > EXCEPTION_PAGE_SIZE, pendingCount };
}
