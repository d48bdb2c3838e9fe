import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { auditAction } from "@/lib/applications/events";
import { scopedApplication } from "@/lib/applications/scope";
import { policyInForce } from "@/lib/policy/queries";
import { databaseStorage, documentKey, type ObjectStorage } from "@/lib/storage/storage";
import { inspectUpload } from "@/lib/documents/inspect";
import { documentsEditableIn, FROZEN_DETAIL, mayUploadDocuments } from "@/lib/documents/policy";
import { documentDtoSelect, toDocumentDto } from "@/lib/documents/map";
import { formatBytes, type DocumentDto } from "@/lib/documents/dto";
import { READ_KINDS } from "@/lib/documents/policy";
import { startReading } from "@/lib/ocr/dispatch";
import { MAX_DOCUMENT_PAGES } from "@/lib/documents/limits";
import { words } from "@/lib/i18n/words";

const TOO_MANY_PAGES = words("case.documents.tooManyPages", { max: MAX_DOCUMENT_PAGES });

type Options = {
  storage?: ObjectStorage;
  /**
   * A further page of the document (a photo of each page, taken at the desk): the pages already
   * there stay current, up to MAX_DOCUMENT_PAGES. Otherwise the file replaces the whole document.
   */
  addPage?: boolean;
};

/**
 * Adds a version of one document of a case (the first, a replacement of every current page, or a
 * further page). The bytes are stored first; the rows (old pages superseded, the new row, audit
 * event) then commit together, and when they do not, the stored bytes are deleted again. A
 * document's current rows are its pages, in upload (version) order.
 */
export async function uploadDocument(
  actor: Actor,
  applicationId: string,
  kind: DocumentKind,
  declaredName: string,
  bytes: Uint8Array,
  options: Options = {},
): Promise<DocumentDto> {
  const storage = options.storage ?? databaseStorage;
  const app = await db.loanApplication.findFirst({
    where: scopedApplication(actor, applicationId),
    select: { id: true, status: true, policyVersion: { select: { documentQuotaBytes: true } } },
  });
  if (!app) throw new AppError("NOT_FOUND");
  if (!mayUploadDocuments(actor)) throw new AppError("FORBIDDEN");
  if (!documentsEditableIn(app.status)) throw new AppError("INVALID_TRANSITION", FROZEN_DETAIL);

  const inspection = await inspectUpload(bytes, declaredName);

  const quota = app.policyVersion?.documentQuotaBytes ?? (await policyInForce()).documentQuotaBytes;
  // Checked before storing (cheap refusal) and again under the case's row lock (two uploads at once).
  const addPage = options.addPage === true;
  await assertWithinQuota(db, app.id, kind, bytes.byteLength, quota, addPage);

  const key = documentKey(app.id);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await storage.put(key, bytes);
  let row: Prisma.DocumentGetPayload<{ select: typeof documentDtoSelect }>;
  let readingId: string | null = null;
  try {
    row = await db.$transaction(async (tx) => {
      // Serialises uploads to one case and waits for a submission in flight, whose compare-and-set
      // updates this row; the status read after the lock is the one that counts.
      const locked = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM "LoanApplication" WHERE id = ${app.id}::uuid FOR UPDATE`;
      if (!documentsEditableIn(locked[0]?.status ?? "")) throw new AppError("INVALID_TRANSITION", FROZEN_DETAIL);
      await assertWithinQuota(tx, app.id, kind, bytes.byteLength, quota, addPage);

      const now = new Date();
      const previous = await tx.document.aggregate({ where: { applicationId: app.id, kind }, _max: { version: true } });
      const pages = addPage ? await tx.document.count({ where: { applicationId: app.id, kind, supersededAt: null } }) : 0;
      if (pages >= MAX_DOCUMENT_PAGES) throw new AppError("VALIDATION", TOO_MANY_PAGES, { file: [TOO_MANY_PAGES] });
      if (!addPage) await tx.document.updateMany({ where: { applicationId: app.id, kind, supersededAt: null }, data: { supersededAt: now } });
      const created = await tx.document.create({
        data: {
          applicationId: app.id,
          kind,
          version: (previous._max.version ?? 0) + 1,
          storageKey: key,
          fileName: inspection.safeName,
          mimeType: inspection.mimeType,
          sizeBytes: bytes.byteLength,
          sha256,
          uploadedById: actor.userId,
          createdAt: now,
        },
        select: documentDtoSelect,
      });
      await appendAudit(tx, {
        actorId: actor.userId,
        organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
        applicationId: app.id,
        entityType: "Document",
        entityId: created.id,
        action: auditAction("document_uploaded"),
        data: { kind, version: created.version, sizeBytes: created.sizeBytes, fileName: created.fileName, page: pages + 1 },
      });
      // A licence is read by the portal in the background (lib/ocr): its proposals wait for the
      // person to confirm them on the enterprise form.
      if (READ_KINDS.includes(kind)) readingId = (await tx.documentReading.create({ data: { documentId: created.id }, select: { id: true } })).id;
      return created;
    });
  } catch (error) {
    await storage.delete(key).catch((cleanup: unknown) => logger.error("stored document left behind", { key, error: cleanup }));
    throw error;
  }
  // The upload stands even when the reading cannot be started now: the sweep job starts it later.
  if (readingId) await startReading(readingId).catch((error: unknown) => logger.error("licence reading not started", { readingId, error }));
  return toDocumentDto(row);
}

/**
 * The case's current documents after this upload must fit the quota. A replacement leaves out the
 * current pages of the same kind (it supersedes them); a further page counts them.
 */
async function assertWithinQuota(
  client: Prisma.TransactionClient | typeof db,
  applicationId: string,
  kind: DocumentKind,
  incomingBytes: number,
  quota: number,
  addPage: boolean,
): Promise<void> {
  const current = await client.document.aggregate({
    where: { applicationId, supersededAt: null, ...(addPage ? {} : { kind: { not: kind } }) },
    _sum: { sizeBytes: true },
  });
  if ((current._sum.sizeBytes ?? 0) + incomingBytes > quota) {
    throw new AppError("QUOTA_EXCEEDED", words("case.documents.quota", { size: formatBytes(quota) }));
  }
}
