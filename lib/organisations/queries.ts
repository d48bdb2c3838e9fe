import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { policyFromPayload } from "@/lib/organisations/policy-payload";
import { reassignableWhere } from "@/lib/organisations/open-cases";

export async function listOrganisations(actor: Actor) {
  assertCan(actor, "admin.read");
  const orgs = await db.organisation.findMany({
    orderBy: [{ type: "asc" }, { code: "asc" }],
    select: { id: true, code: true, type: true, nameZh: true, nameEn: true, disabledAt: true, version: true, _count: { select: { members: true } } },
  });
  // A disabled organisation's open cases wait to be moved: the list says how many.
  const waiting = await Promise.all(orgs.map((o) => (o.disabledAt ? db.loanApplication.count({ where: reassignableWhere(o) }) : 0)));
  return orgs.map(({ _count, ...o }, i) => ({ ...o, memberCount: _count.members, openCases: waiting[i]! }));
}

/**
 * One organisation with its staff (last sign-in, two-factor state) and the open cases it holds
 * that can be moved to another organisation of its type (after it is disabled, they must be).
 */
export async function organisationDetail(actor: Actor, organisationId: string) {
  assertCan(actor, "admin.read");
  const org = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, code: true, type: true, nameZh: true, nameEn: true, disabledAt: true, version: true },
  });
  if (!org) return null;
  const [cases, staff, targets] = await Promise.all([
    db.loanApplication.findMany({
      where: reassignableWhere(org),
      orderBy: [{ stageDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: 500,
      select: { id: true, number: true, status: true, version: true, stageDueAt: true, enterprise: { select: { name: true } } },
    }),
    db.user.findMany({
      where: { membership: { organisationId } },
      orderBy: { displayName: "asc" },
      select: { id: true, displayName: true, email: true, disabledAt: true, lastSignInAt: true, totpEnabledAt: true, membership: { select: { role: true } } },
    }),
    db.organisation.findMany({ where: { type: org.type, disabledAt: null, id: { not: org.id } }, orderBy: { code: "asc" }, select: { id: true, nameZh: true, code: true } }),
  ]);
  return {
    ...org,
    cases: cases.map((c) => ({ id: c.id, number: c.number, status: c.status, version: c.version, stageDueAt: c.stageDueAt, enterprise: c.enterprise.name })),
    staff: staff.map((u) => ({
      id: u.id, displayName: u.displayName, email: u.email, disabled: u.disabledAt !== null, lastSignInAt: u.lastSignInAt,
      twoFactor: u.totpEnabledAt !== null, role: u.membership!.role,
    })),
    targets,
  };
}

export async function listPolicyVersions(actor: Actor) {
  assertCan(actor, "admin.read");
  return db.policyVersion.findMany({
    orderBy: { version: "desc" },
    select: { version: true, effectiveFrom: true, maxLoanFen: true, maxTermMonths: true, subsidyRatioBp: true, note: true },
  });
}

/** Staff accounts with their organisation and role, for the administrator. */
export async function listStaffAccounts(actor: Actor) {
  assertCan(actor, "admin.read");
  const users = await db.user.findMany({
    where: { membership: { isNot: null } },
    orderBy: [{ membership: { organisation: { code: "asc" } } }, { displayName: "asc" }],
    select: {
      id: true, displayName: true, email: true, disabledAt: true, lastSignInAt: true, totpEnabledAt: true,
      membership: { select: { role: true, organisation: { select: { nameZh: true, type: true } } } },
    },
  });
  return users.map((u) => ({
    id: u.id, displayName: u.displayName, email: u.email, disabled: u.disabledAt !== null, lastSignInAt: u.lastSignInAt,
    twoFactor: u.totpEnabledAt !== null, role: u.membership!.role, organisation: u.membership!.organisation.nameZh,
    organisationType: u.membership!.organisation.type,
  }));
}

/** The latest published policy version in full (the publish form starts from it). */
export async function latestPolicy(actor: Actor) {
  assertCan(actor, "admin.read");
  return db.policyVersion.findFirst({ orderBy: { version: "desc" } });
}

/** Changes waiting for a second administrator, oldest first, with who proposed them. */
export async function pendingControlChanges(actor: Actor) {
  assertCan(actor, "admin.read");
  const changes = await db.controlChange.findMany({ where: { status: "PENDING" }, orderBy: { proposedAt: "asc" } });
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: changes.flatMap((c) => [c.proposedById, ...(c.targetUserId ? [c.targetUserId] : [])]) } }, select: { id: true, displayName: true } }))
      .map((u) => [u.id, u.displayName]),
  );
  return changes.map((c) => ({
    id: c.id, kind: c.kind, weakens: c.weakens, proposedAt: c.proposedAt,
    proposedBy: people.get(c.proposedById) ?? "", mine: c.proposedById === actor.userId,
    target: c.targetUserId ? (people.get(c.targetUserId) ?? "") : null,
    policy: c.kind === "POLICY_VERSION" ? policyFromPayload(c.payload) : null,
  }));
}
