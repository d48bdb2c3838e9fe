import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";

export async function listOrganisations(actor: Actor) {
  assertCan(actor, "admin.read");
  const orgs = await db.organisation.findMany({
    orderBy: [{ type: "asc" }, { code: "asc" }],
    select: { id: true, code: true, type: true, nameZh: true, nameEn: true, _count: { select: { members: true } } },
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
