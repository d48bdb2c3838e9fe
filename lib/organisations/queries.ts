import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";

export async function listOrganisations(actor: Actor) {
  assertCan(actor, "admin.read");
  const orgs = await db.organisation.findMany({
    orderBy: [{ type: "asc" }, { code: "asc" }],
    select: { id: true, code: true, type: true, nameZh: true, nameEn: true, disabledAt: true, version: true, _count: { select: { members: true } } },
  });
  return orgs.map(({ _count, ...o }) => ({ ...o, memberCount: _count.members }));
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
