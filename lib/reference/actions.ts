"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/safe-action";
import { AppError, isAppError } from "@/lib/errors";
import { words, type Message } from "@/lib/i18n/words";
import type { NumberedThing } from "@/lib/reference/numbering-rules";
import { isReferenceRefused, type ReferenceProblem } from "@/lib/reference/refusal";
import { checklistSchema, createCategorySchema, createTargetGroupSchema, entryStateSchema, numberingPatternSchema, renameEntrySchema } from "@/lib/reference/schemas";
import { createReferenceEntry, setCategoryChecklist, updateReferenceEntry } from "@/lib/reference/services/manage-lists";
import { setNumberingPattern } from "@/lib/reference/services/set-numbering-pattern";

// The administrators' reference lists on /admin/reference: loan categories with their document
// checklists, target groups, numbering patterns. The services judge every input (problems are
// codes); the words are named here (Words, worded in the reader's language), on the field they concern.

async function refusing<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    // The generic conflict speaks of a case: this one names the entry.
    if (isAppError(error) && error.code === "CONFLICT" && !error.detail) throw new AppError("CONFLICT", words("reference.conflict"));
    if (!isReferenceRefused(error)) throw error;
    const word = (p: ReferenceProblem) => words(`reference.problem.${p.code}`, "params" in p ? p.params : undefined);
    const fieldErrors: Record<string, Message[]> = {};
    for (const p of error.problems) (fieldErrors[p.field] ??= []).push(word(p));
    throw new AppError(error.code, word(error.problems[0]!), fieldErrors);
  }
}

const refresh = () => revalidatePath("/admin/reference");
const said = (key: string) => () => words(`reference.done.${key}`);

export const createCategoryAction = adminAction({
  schema: createCategorySchema,
  run: (i, actor) => refusing(() => createReferenceEntry(actor, "category", { code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, checklists: { NEW: i.checklistNEW, RENEWAL: i.checklistRENEWAL } })),
  success: said("categoryCreated"),
  after: refresh,
});

export const renameCategoryAction = adminAction({
  schema: renameEntrySchema,
  run: (i, actor) => refusing(() => updateReferenceEntry(actor, "category", { code: i.code, version: i.version, names: { nameZh: i.nameZh, nameEn: i.nameEn } })),
  success: said("renamed"),
  after: refresh,
});

export const deactivateCategoryAction = adminAction({
  schema: entryStateSchema,
  run: (i, actor) => refusing(() => updateReferenceEntry(actor, "category", { ...i, active: false })),
  success: said("deactivated"),
  after: refresh,
});

export const reactivateCategoryAction = adminAction({
  schema: entryStateSchema,
  run: (i, actor) => refusing(() => updateReferenceEntry(actor, "category", { ...i, active: true })),
  success: said("reactivated"),
  after: refresh,
});

export const setChecklistAction = adminAction({
  schema: checklistSchema,
  run: (i, actor) => refusing(() => setCategoryChecklist(actor, { code: i.code, version: i.version, checklists: { NEW: i.checklistNEW, RENEWAL: i.checklistRENEWAL } })),
  success: said("checklistSaved"),
  after: refresh,
});

export const createTargetGroupAction = adminAction({
  schema: createTargetGroupSchema,
  run: (i, actor) => refusing(() => createReferenceEntry(actor, "targetGroup", i)),
  success: said("targetGroupCreated"),
  after: refresh,
});

export const renameTargetGroupAction = adminAction({
  schema: renameEntrySchema,
  run: (i, actor) => refusing(() => updateReferenceEntry(actor, "targetGroup", { code: i.code, version: i.version, names: { nameZh: i.nameZh, nameEn: i.nameEn } })),
  success: said("renamed"),
  after: refresh,
});

export const deactivateTargetGroupAction = adminAction({
  schema: entryStateSchema,
  run: (i, actor) => refusing(() => updateReferenceEntry(actor, "targetGroup", { ...i, active: false })),
  success: said("deactivated"),
  after: refresh,
});

export const reactivateTargetGroupAction = adminAction({
  schema: entryStateSchema,
  run: (i, actor) => refusing(() => updateReferenceEntry(actor, "targetGroup", { ...i, active: true })),
  success: said("reactivated"),
  after: refresh,
});

export const setNumberingPatternAction = adminAction({
  schema: numberingPatternSchema,
  run: (i, actor) => refusing(() => setNumberingPattern(actor, { thing: i.thing as NumberedThing, version: i.version, pattern: i.pattern })),
  success: said("patternSaved"),
  after: refresh,
});
