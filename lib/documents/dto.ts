import type { DocumentKind } from "@/lib/generated/prisma/enums";

// Plain shapes handed to pages and components (and, serialised, to the browser).

/** A stored document; pages name its kind in the reader's language (`case.documents.kind.<kind>`). */
export type DocumentDto = {
  id: string;
  kind: DocumentKind;
  version: number;
  fileName: string;
  sizeBytes: number;
  mimeType: string;
  createdAt: Date;
  superseded: boolean;
};

export type ChecklistItem = {
  kind: DocumentKind;
  /** The kind's name in the reader's language, worded by the page. */
  label: string;
  required: boolean;
  current?: { id: string; fileName: string; version: number; sizeBytes: number };
  /** Every current page of the document, in upload order. */
  pages: { id: string; fileName: string; version: number; sizeBytes: number }[];
};

/** The download route of a stored document; `inline` opens it in the browser (sandboxed). */
export const documentHref = (documentId: string, inline = false): string =>
  `/api/documents/${encodeURIComponent(documentId)}${inline ? "?inline=1" : ""}`;

/** 1.2 MB / 350 KB, for labels. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${bytes} B`;
}
