import { AppError } from "@/lib/errors";
import type { PatternProblem } from "@/lib/reference/numbering-rules";

// Why a change to a reference list was refused, as codes on the field they concern; the action
// words them in the reader's language (lib/reference/actions.ts). Nothing was stored.

export type ReferenceProblem =
  | { field: "code"; code: "CODE_FORMAT" | "CODE_TAKEN" }
  | { field: "nameZh" | "nameEn"; code: "NAME" }
  | { field: "checklistNEW" | "checklistRENEWAL"; code: "EMPTY_CHECKLIST" }
  | ({ field: "pattern" } & PatternProblem);

export class ReferenceRefused extends AppError {
  constructor(readonly problems: ReferenceProblem[]) {
    super(problems.some((p) => p.code === "CODE_TAKEN") ? "DUPLICATE" : "VALIDATION");
    this.name = "ReferenceRefused";
  }
}

export const isReferenceRefused = (e: unknown): e is ReferenceRefused => e instanceof ReferenceRefused;
