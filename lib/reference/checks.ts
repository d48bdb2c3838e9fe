import type { ApplicationKind, DocumentKind } from "@/lib/generated/prisma/enums";
import type { ReferenceProblem } from "@/lib/reference/refusal";

// The rules a reference entry's input must meet, pure: codes are upper-case identifiers (they are
// stored on applications and profiles), names are short and non-empty, a checklist lists at
// least one document for each application kind.

export const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
export const NAME_MAX = 60;

export type Names = { nameZh: string; nameEn: string };
export type Checklists = Record<ApplicationKind, DocumentKind[]>;

export function nameProblems(names: Names): ReferenceProblem[] {
  return (["nameZh", "nameEn"] as const)
    .filter((f) => names[f].trim().length === 0 || names[f].trim().length > NAME_MAX)
    .map((field) => ({ field, code: "NAME" as const }));
}

export function checklistProblems(checklists: Partial<Checklists>): ReferenceProblem[] {
  return (["NEW", "RENEWAL"] as const)
    .filter((k) => checklists[k] !== undefined && checklists[k]!.length === 0)
    .map((k) => ({ field: `checklist${k}` as const, code: "EMPTY_CHECKLIST" as const }));
}

export const codeProblem = (code: string): ReferenceProblem[] => (CODE.test(code) ? [] : [{ field: "code", code: "CODE_FORMAT" }]);
