import { z } from "zod";
import { DocumentKind } from "@/lib/generated/prisma/enums";

/** Any textual UUID PostgreSQL accepts: checked before a query, so a malformed id is "not found", not a database error. */
export const idSchema = z.guid();

export const uploadFieldsSchema = z.object({
  kind: z.enum(DocumentKind, { error: "case.documents.kindRequired" }),
  /** `page`: a further page of the document; anything else replaces it. */
  mode: z.preprocess((v) => (v === "page" ? "page" : "replace"), z.enum(["page", "replace"])),
});
