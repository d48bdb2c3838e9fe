import type { BackgroundJobDto } from "@/lib/background/dto";
import { isFinished } from "@/lib/background/dto";
import { wordIn, type RootTranslator } from "@/lib/i18n/words";
import { formatFen } from "@/lib/money/fen";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";
import { quarterLabel } from "@/lib/subsidies/periods";
import type { StatementError } from "@/lib/subsidies/statement-parser";
import { isImportJobInput, type ImportJobResult } from "@/lib/subsidies/import-job-result";
import { isBatchPdfsResult } from "@/lib/subsidies/batch-pdfs-result";

// A background job of the subsidy pages as its page shows it, in the reader's language: the same
// words for the server-rendered page and for each poll of the job's route.

/** A line of the report as the bank reads it: the problem already in the reader's language. */
export type WordedStatementError = Omit<StatementError, "message"> & { message: string };

export type JobView = {
  id: string;
  status: BackgroundJobDto["status"];
  finished: boolean;
  tone: "info" | "success" | "error";
  /** What the job works on (the uploaded file's name, "all PDFs of this batch"). */
  title: string;
  /** The job's status in words (queued, running, done, failed). */
  statusLabel: string;
  message: string;
  /** A rejected file's report (nothing was stored), and how many problems it had in all. */
  errors?: WordedStatementError[];
  total?: number;
  /** A failed job may be queued again with its stored input. */
  retryable: boolean;
  /** Where the finished job's file is downloaded. */
  download?: string;
};

export type ImportJobView = JobView;

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
  const base = baseView(t, job, isImportJobInput(job.input) ? job.input.fileName : "");
  if (job.status === "QUEUED") return { ...base, tone: "info", message: t("subsidy.importJob.queued") };
  if (job.status === "RUNNING") {
    const message = job.total === null ? t("subsidy.importJob.reading") : t("subsidy.importJob.checking", { done: String(job.done), total: String(job.total) });
    return { ...base, tone: "info", message };
  }
  if (job.status === "FAILED") {
    return { ...base, tone: "error", message: t("subsidy.importJob.failed", { reason: failedReason(t, job) }) };
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

function baseView(t: RootTranslator, job: BackgroundJobDto, title: string) {
  return {
    id: job.id, status: job.status, finished: isFinished(job.status), title, statusLabel: t(`background.status.${job.status}`), retryable: job.status === "FAILED",
  };
}

const failedReason = (t: RootTranslator, job: BackgroundJobDto) => (job.error ? wordIn(t, job.error) : t("background.failed.unexpected"));

/** A batch's PDFs being prepared: how many are done, then the archive to download. */
export function batchPdfsJobView(t: RootTranslator, job: BackgroundJobDto): JobView {
  const base = baseView(t, job, t("subsidy.batchPdfsJob.title"));
  switch (job.status) {
    case "QUEUED":
      return { ...base, tone: "info", message: t("subsidy.batchPdfsJob.queued") };
    case "RUNNING":
      return { ...base, tone: "info", message: t("subsidy.batchPdfsJob.running", { done: String(job.done), total: String(job.total ?? "?") }) };
    case "FAILED":
      return { ...base, tone: "error", message: t("subsidy.batchPdfsJob.failed", { reason: failedReason(t, job) }) };
    case "DONE": {
      const result = isBatchPdfsResult(job.result) ? job.result : null;
      return {
        ...base, tone: "success", download: `/api/subsidies/batch-pdfs/${job.id}/file`,
        message: t("subsidy.batchPdfsJob.done", { files: String(result?.files ?? 0), statements: String(result?.statements ?? 0) }),
      };
    }
  }
}
