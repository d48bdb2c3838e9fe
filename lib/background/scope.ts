import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";

/**
 * The jobs an actor may see: those of the actor's own organisation, staff only. Anything else is
 * "not found" (null), never "forbidden".
 */
export function jobScope(actor: Actor): Prisma.BackgroundJobWhereInput | null {
  return actor.kind === "STAFF" ? { organisationId: actor.organisationId } : null;
}
