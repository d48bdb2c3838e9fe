import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StaffActor } from "@/lib/auth/roles";

/** A demo staff account as the services see it when that person acts through the portal. */
export async function demoStaffActor(db: PrismaClient, email: string): Promise<StaffActor> {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, displayName: true, membership: { select: { role: true, organisationId: true, organisation: { select: { type: true } } } } },
  });
  const m = user.membership!;
  return { kind: "STAFF", userId: user.id, role: m.role, displayName: user.displayName, organisationId: m.organisationId, organisationType: m.organisation.type };
}
