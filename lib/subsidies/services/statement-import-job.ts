import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { loadSessionState } from "@/lib/auth/session-state";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { databaseStorage, type ObjectStorage } from "@/lib/storage/storage";
import { queueJob } from "@/lib/background/services/queue-job";
import type { JobContext, JobOutcome } from "@/lib/background/services/run-job";
import { MAX_STATEMENT_BYTES } from "@/lib/subsidies/statement-file";
import { statementProblem } from "@/lib/subsidies/statement-parser";
import { bankOfficer, intakeStatement } from "@/lib/subsidies/services/statement-intake";
import type { ImportOutcome } from "@/lib/subsidies/services/intake-outcome";
import { isImportJobInput, STORED_REPORT_LIMIT, type ImportJobInput, type ImportJobResult } from "@/lib/subsidies/import-job-result";

export type QueuedImport =
  | { status: "QUEUED"; jobId: string }
  | Extract<ImportOutcome, { status: "REJECTED" | "ALREADY_IMPORTED" }>;

/**
 * The request's half of a statement import: what is cheap and certain is answered at once (a file
 * over the cap, a file this bank already imported, the same file already waiting); anything else
 * is stored and queued, and the parsing, checking and storing of its lines run in the job.
 */
export async function queueStatementImport(
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array },
  storage: ObjectStorage = databaseStorage,
): Promise<QueuedImport> {
  const bank = bankOfficer(actor);
  if (input.bytes.byteLength > MAX_STATEMENT_BYTES) {
    return { status: "REJECTED", errors: [{ line: 0, column: "", message: statementProblem("fileTooBig", { mb: String(MAX_STATEMENT_BYTES / 1024 / 1024) }) }] };
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const seen = await db.statementImport.findUnique({ where: { bankOrgId_fileSha256: { bankOrgId: bank.organisationId, fileSha256: sha256 } } });
  if (seen) return { status: "ALREADY_IMPORTED", importId: seen.id, importedAt: seen.createdAt, fileName: seen.fileName };
  const waiting = await db.backgroundJob.findFirst({
    where: { organisationId: bank.organisationId, kind: "STATEMENT_IMPORT", status: { in: ["QUEUED", "RUNNING"] }, input: { path: ["sha256"], equals: sha256 } },
    select: { id: true },
  });
  if (waiting) return { status: "QUEUED", jobId: waiting.id };
  const storageKey = `statement/${bank.organisationId}/${randomUUID()}`;
  await storage.put(storageKey, input.bytes);
  const jobInput: ImportJobInput = { fileName: input.fileName.slice(0, 200), storageKey, sha256 };
  const jobId = await queueJob({ kind: "STATEMENT_IMPORT", organisationId: bank.organisationId, requestedById: bank.userId, input: jobInput });
  return { status: "QUEUED", jobId };
}

/**
 * The job's half: as the officer who uploaded the file (as that account is now: a disabled account
 * or one moved to another organisation imports nothing), the same all-or-nothing intake as ever.
 */
export async function runStatementImportJob(job: JobContext, storage: ObjectStorage = databaseStorage, today?: string): Promise<JobOutcome> {
  if (!isImportJobInput(job.input)) throw new AppError("VALIDATION", words("background.failed.inputMissing"));
  const state = await loadSessionState(job.requestedById);
  const actor = state?.actor;
  if (!actor || actor.kind !== "STAFF" || actor.organisationId !== job.organisationId) {
    throw new AppError("NOT_FOUND", words("background.failed.requesterGone"));
  }
  const bytes = await storage.get(job.input.storageKey);
  if (!bytes) throw new AppError("NOT_FOUND", words("background.failed.inputMissing"));
  let lines = 0;
  const outcome = await intakeStatement(actor, {
    fileName: job.input.fileName, bytes, today,
    progress: async (done, total) => {
      lines = total;
      await job.progress(done, total);
    },
  });
  return { result: resultOf(outcome), done: lines, total: lines };
}

function resultOf(o: ImportOutcome): ImportJobResult {
  switch (o.status) {
    case "IMPORTED":
      return { outcome: "IMPORTED", importId: o.importId, added: o.added, skipped: o.skipped, subsidyFen: o.subsidyFen.toString(), quarters: o.quarters };
    case "ALREADY_IMPORTED":
      return { outcome: "ALREADY_IMPORTED", importId: o.importId, importedAt: o.importedAt.toISOString(), fileName: o.fileName };
    case "REJECTED":
      return { outcome: "REJECTED", total: o.errors.length, errors: o.errors.slice(0, STORED_REPORT_LIMIT) };
  }
}
