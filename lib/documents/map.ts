import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentDto } from "@/lib/documents/dto";

/** The columns a DocumentDto needs (never the storage key or the hash). */
export const documentDtoSelect = {
  id: true,
  kind: true,
  version: true,
  fileName: true,
  sizeBytes: true,
  mimeType: true,
  createdAt: true,
  supersededAt: true,
} as const satisfies Prisma.DocumentSelect;

type DocumentRow = Prisma.DocumentGetPayload<{ select: typeof documentDtoSelect }>;

export const toDocumentDto = (row: DocumentRow): DocumentDto => ({
  id: row.id,
  kind: row.kind,
  version: row.version,
  fileName: row.fileName,
  sizeBytes: row.sizeBytes,
  mimeType: row.mimeType,
  createdAt: row.createdAt,
  superseded: row.supersededAt !== null,
});
