import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { applicationScope } from "@/lib/applications/scope";
import { mayOpenDocument } from "@/lib/documents/access";
import { idSchema } from "@/lib/documents/schemas";
import { databaseStorage, type ObjectStorage } from "@/lib/storage/storage";

export type DocumentDownload = { fileName: string; mimeType: string; bytes: Uint8Array<ArrayBuffer> };

/**
 * A document's bytes for an actor whose scope holds its case and whose step needs this kind of
 * document now (lib/documents/access.ts); null otherwise. Every opening is an access event on the
 * audit log: who, which document, which case.
 */
export async function openDocument(
  actor: Actor,
  documentId: string,
  storage: ObjectStorage = databaseStorage,
): Promise<DocumentDownload | null> {
  if (!idSchema.safeParse(documentId).success) return null;
  const doc = await db.document.findFirst({
    where: { id: documentId, application: applicationScope(actor) },
    select: { id: true, kind: true, version: true, fileName: true, mimeType: true, storageKey: true, applicationId: true, application: { select: { status: true } } },
  });
  if (!doc || !mayOpenDocument(actor, doc.kind, doc.application.status)) return null;
  const bytes = await storage.get(doc.storageKey);
  if (!bytes) return null;
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actorId: actor.userId,
      organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
      applicationId: doc.applicationId,
      entityType: "Document",
      entityId: doc.id,
      action: "document.opened",
      data: { kind: doc.kind, version: doc.version, status: doc.application.status },
    }),
  );
  return { fileName: doc.fileName, mimeType: doc.mimeType, bytes };
}
