import { z } from "zod";
import { DocumentKind } from "@/lib/generated/prisma/enums";
import { NUMBERED_THINGS } from "@/lib/reference/numbering-rules";

// The shapes of the reference forms; what makes a value acceptable (a code's form, a non-empty
// checklist, a pattern's tokens) is judged by the services, so a test calling them directly meets
// the same rules.

const text = z.string().max(200).default("");
const code = z.string().trim().max(60);
const version = z.coerce.number().int().min(0);
const documents = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(Object.values(DocumentKind) as [DocumentKind, ...DocumentKind[]])),
);

export const createCategorySchema = z.object({ code, nameZh: text, nameEn: text, checklistNEW: documents, checklistRENEWAL: documents });
export const createTargetGroupSchema = z.object({ code, nameZh: text, nameEn: text });
export const renameEntrySchema = z.object({ code, version, nameZh: text, nameEn: text });
export const entryStateSchema = z.object({ code, version });
export const checklistSchema = z.object({ code, version, checklistNEW: documents, checklistRENEWAL: documents });
export const numberingPatternSchema = z.object({ thing: z.enum(NUMBERED_THINGS as [string, ...string[]]), version, pattern: z.string().max(200) });
