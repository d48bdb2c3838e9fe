import type { StatementError } from "@/lib/subsidies/statement-parser";

// What a statement import job stores as its result (JSON: amounts as text, dates as ISO strings),
// read back by the page that shows the job (lib/subsidies/job-view.ts).

/** The report keeps this many problems; the total says how many there were. */
export const STORED_REPORT_LIMIT = 500;

export type ImportJobResult =
  | { outcome: "IMPORTED"; importId: string | null; added: number; skipped: number; subsidyFen: string; quarters: string[] }
  | { outcome: "ALREADY_IMPORTED"; importId: string; importedAt: string; fileName: string }
  | { outcome: "REJECTED"; total: number; errors: StatementError[] };

/** What the job works on: the upload as stored by the request. */
export type ImportJobInput = { fileName: string; storageKey: string; sha256: string };

export const isImportJobInput = (value: unknown): value is ImportJobInput =>
  typeof value === "object" && value !== null &&
  typeof (value as ImportJobInput).fileName === "string" && typeof (value as ImportJobInput).storageKey === "string" && typeof (value as ImportJobInput).sha256 === "string";
