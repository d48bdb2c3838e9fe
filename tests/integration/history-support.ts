import { db } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/roles";

/** A staff actor read from whichever database the process-wide client points at. */
export async function staffActorIn(email: string): Promise<StaffActor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { membership: { include: { organisation: true } } } });
  const m = user.membership!;
  return { kind: "STAFF", userId: user.id, role: m.role, displayName: user.displayName, organisationId: m.organisationId, organisationType: m.organisation.type };
}
