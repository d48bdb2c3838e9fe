import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { applicationScope } from "@/lib/applications/scope";
import { databaseStorage, type ObjectStorage } from "@/lib/storage/storage";
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

export type DocumentDownload = { fileName: string; mimeType: string; bytes: Uint8Array<ArrayBuffer> };

/** The stored bytes of a document whose case is in the actor's scope; null otherwise. */
export async function documentForDownload(
  actor: Actor,
  documentId: string,
  storage: ObjectStorage = databaseStorage,
): Promise<DocumentDownload | null> {
  if (!idSchema.safeParse(documentId).success) return null;
  const doc = await db.document.findFirst({
    where: { id: documentId, application: applicationScope(actor) },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
  if (!doc) return null;
  const bytes = await storage.get(doc.storageKey);
  return bytes ? { fileName: doc.fileName, mimeType: doc.mimeType, bytes } : null;
}
