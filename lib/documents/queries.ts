import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { applicationScope } from "@/lib/applications/scope";
import { idSchema } from "@/lib/documents/schemas";
import { documentDtoSelect, toDocumentDto } from "@/lib/documents/map";
import type { DocumentDto } from "@/lib/documents/dto";

/** Every version of every document of a case in the actor's scope (none outside it), newest first per kind. */
export async function listDocuments(actor: Actor, applicationId: string): Promise<DocumentDto[]> {
  if (!idSchema.safeParse(applicationId).success) return [];
  const rows = await db.document.findMany({
    where: { applicationId, application: applicationScope(actor) },
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    select: documentDtoSelect,
  });
  return rows.map(toDocumentDto);
}
