import type { BackgroundJobDto } from "@/lib/background/dto";
import { isFinished } from "@/lib/background/dto";
import { wordIn, type RootTranslator } from "@/lib/i18n/words";
import { formatFen } from "@/lib/money/fen";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";
import { quarterLabel } from "@/lib/subsidies/periods";
import type { StatementError } from "@/lib/subsidies/statement-parser";
import { isImportJobInput, type ImportJobResult } from "@/lib/subsidies/import-job-result";

// A statement import job as the bank's page shows it, in the reader's language: the same words for
// the server-rendered page and for each poll of the job's route.

/** A line of the report as the bank reads it: the problem already in the reader's language. */
export type WordedStatementError = Omit<StatementError, "message"> & { message: string };

export type ImportJobView = {
  id: string;
  status: BackgroundJobDto["status"];
  finished: boolean;
  tone: "info" | "success" | "error";
  fileName: string;
  /** The job's status in words (queued, running, done, failed). */
  statusLabel: string;
  message: string;
  /** A rejected file's report (nothing was stored), and how many problems it had in all. */
  errors?: WordedStatementError[];
  total?: number;
  /** A failed job may be queued again with the stored file. */
  retryable: boolean;
};

// Counts pass as text, as they always read (no digit grouping).
export function importedMessage(t: RootTranslator, o: { added: number; skipped: number; subsidyFen: bigint; quarters: string[] }): string {
  if (o.added === 0) return t("subsidy.done.noneNew", { skipped: String(o.skipped) });
  const quarters = o.quarters.map((q) => wordIn(t, quarterLabel(q))).join(t("subsidy.done.quarterSeparator"));
  return t("subsidy.done.imported", { added: String(o.added), skipped: String(o.skipped), amount: formatFen(o.subsidyFen), quarters });
}

export function duplicateMessage(t: RootTranslator, locale: string, o: { importedAt: Date; fileName: string }): string {
  const at = o.importedAt.toLocaleString(locale, { timeZone: BEIJING_TIME_ZONE });
  return t("subsidy.done.duplicateFile", { at, file: o.fileName });
}

export function importJobView(t: RootTranslator, locale: string, job: BackgroundJobDto): ImportJobView {
  const fileName = isImportJobInput(job.input) ? job.input.fileName : "";
  const base = {
    id: job.id, status: job.status, finished: isFinished(job.status), fileName, statusLabel: t(`background.status.${job.status}`), retryable: job.status === "FAILED",
  };
  if (job.status === "QUEUED") return { ...base, tone: "info", message: t("subsidy.importJob.queued") };
  if (job.status === "RUNNING") {
    const message = job.total === null ? t("subsidy.importJob.reading") : t("subsidy.importJob.checking", { done: String(job.done), total: String(job.total) });
    return { ...base, tone: "info", message };
  }
  if (job.status === "FAILED") {
    const reason = job.error ? wordIn(t, job.error) : t("background.failed.unexpected");
    return { ...base, tone: "error", message: t("subsidy.importJob.failed", { reason }) };
  }
  const result = job.result as ImportJobResult;
  switch (result.outcome) {
    case "IMPORTED":
      return { ...base, tone: "success", message: importedMessage(t, { ...result, subsidyFen: BigInt(result.subsidyFen) }) };
    case "ALREADY_IMPORTED":
      return { ...base, tone: "info", message: duplicateMessage(t, locale, { importedAt: new Date(result.importedAt), fileName: result.fileName }) };
    case "REJECTED":
      return {
        ...base, tone: "error", message: t("subsidy.done.rejected", { n: String(result.total) }),
        errors: result.errors.map((e) => ({ ...e, message: wordIn(t, e.message) })), total: result.total,
      };
  }
}
