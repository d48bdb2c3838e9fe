// What the statement intake hands to storage and answers its callers: types only, shared by
// statement-intake.ts (which prepares lines) and store-statement-lines.ts (which stores them).
import type { ExcludedReason } from "@/lib/subsidies/rules";
import type { ParsedLine, StatementError } from "@/lib/subsidies/statement-parser";
import type { UnionEvidence } from "@/lib/subsidies/subsidy-context";

export type ImportOutcome =
  | { status: "REJECTED"; errors: StatementError[] }
  | { status: "ALREADY_IMPORTED"; importId: string; importedAt: Date; fileName: string }
  | { status: "IMPORTED"; importId: string | null; added: number; skipped: number; subsidyFen: bigint; quarters: string[] };

export type PreparedLine = {
  line: ParsedLine;
  loanId: string;
  key: string;
  quarter: string;
  subsidyFen: bigint;
  excludedReason: ExcludedReason | null;
  /** Shared by the lines of one enterprise and ratio (the same object), so it is serialised once. */
  evidence: UnionEvidence;
};
