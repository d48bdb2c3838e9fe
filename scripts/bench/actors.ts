import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StaffActor } from "@/lib/auth/roles";

export async function staffActorFor(db: PrismaClient, email: string): Promise<StaffActor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { membership: { include: { organisation: true } } } });
  const m = user.membership!;
  return { kind: "STAFF", userId: user.id, role: m.role, displayName: user.displayName, organisationId: m.organisationId, organisationType: m.organisation.type };
}
