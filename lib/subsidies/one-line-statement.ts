import type { Words } from "@/lib/i18n/words";
import { STATEMENT_COLUMNS, type StatementError } from "@/lib/subsidies/statement-parser";

// A typed or corrected line is written as a one-line statement and read by the same parser as an
// uploaded file, so the two paths can never disagree about what a valid line is.

export type StatementField = (typeof STATEMENT_COLUMNS)[number]["field"];

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function oneLineStatement(values: Partial<Record<StatementField, string>>): Uint8Array {
  const header = STATEMENT_COLUMNS.map((c) => c.en).join(",");
  const row = STATEMENT_COLUMNS.map((c) => csvField(values[c.field] ?? "")).join(",");
  return new TextEncoder().encode(`${header}\r\n${row}\r\n`);
}

/** The parser's per-line report as form field errors (its column names are the files' headings). */
export function fieldErrorsOf(errors: readonly StatementError[]): Record<string, Words[]> {
  const out: Record<string, Words[]> = {};
  for (const e of errors) {
    const key = STATEMENT_COLUMNS.find((c) => c.zh === e.column)?.field ?? "_form";
    (out[key] ??= []).push(e.message);
  }
  return out;
}
