import "server-only";
import type { ApplicationKind, DocumentKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { NUMBERED_THINGS, type NumberedThing } from "@/lib/reference/numbering-rules";
import { patternOf, previewNumber } from "@/lib/reference/numbering";

export type ReferenceEntry = { code: string; nameZh: string; nameEn: string; active: boolean; version: number };
export type CategoryEntry = ReferenceEntry & { checklists: Record<ApplicationKind, DocumentKind[]> };
export type NumberingEntry = { thing: NumberedThing; pattern: string; version: number; next: string };

/** What /admin/reference shows: every category with its checklists, every target group, every numbering pattern. */
export async function referenceLists(actor: Actor): Promise<{ categories: CategoryEntry[]; targetGroups: ReferenceEntry[]; numbering: NumberingEntry[] }> {
  assertCan(actor, "admin.read");
  const select = { code: true, nameZh: true, nameEn: true, active: true, version: true } as const;
  const [categories, checklist, targetGroups] = await Promise.all([
    db.loanCategory.findMany({ select, orderBy: { code: "asc" } }),
    db.categoryDocument.findMany({ select: { categoryCode: true, kind: true, documentKind: true } }),
    db.targetGroup.findMany({ select, orderBy: { code: "asc" } }),
  ]);
  const of = (code: string, kind: ApplicationKind) => checklist.filter((r) => r.categoryCode === code && r.kind === kind).map((r) => r.documentKind);
  const numbering = await Promise.all(NUMBERED_THINGS.map(async (thing) => {
    const { pattern, version } = await patternOf(db, thing);
    return { thing, pattern, version, next: await previewNumber(db, thing, pattern) };
  }));
  return {
    categories: categories.map((c) => ({ ...c, checklists: { NEW: of(c.code, "NEW"), RENEWAL: of(c.code, "RENEWAL") } })),
    targetGroups,
    numbering,
  };
}
