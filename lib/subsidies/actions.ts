"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { errorState, guardedAction, staffAction, errorMessage } from "@/lib/actions/safe-action";
import { rootTranslator } from "@/lib/i18n/reader";
import { staffAudience, staffRolesOf } from "@/lib/actions/audience";
import type { StaffActor } from "@/lib/auth/roles";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { AppError, ERRORS_NAMESPACE, messageKeyOf } from "@/lib/errors";
import { wordIn, words, type Words } from "@/lib/i18n/words";
import { BATCH_TRANSITIONS } from "@/lib/subsidies/batch-workflow";
import { formatFen } from "@/lib/money/fen";
import {
  answerQuerySchema,
  budgetSchema,
  approveBatchSchema,
  correctLineSchema,
  enterLineSchema,
  importStatementSchema,
  payBatchSchema,
  queryLineSchema,
  reconcileBatchSchema,
  reopenBatchSchema,
  retryJobSchema,
  batchPdfsSchema,
  verifyBatchSchema,
} from "@/lib/subsidies/schemas";
import { queueStatementImport } from "@/lib/subsidies/services/statement-import-job";
import { retryJob } from "@/lib/background/services/retry-job";
import { BATCH_PDFS_PERMISSION, queueBatchPdfs } from "@/lib/subsidies/services/batch-pdfs-job";
import { duplicateMessage, importedMessage, type WordedStatementError } from "@/lib/subsidies/job-view";
import { enterStatementLine } from "@/lib/subsidies/services/enter-statement-line";
import { fieldErrorsOf } from "@/lib/subsidies/one-line-statement";
import { queryLine } from "@/lib/subsidies/services/query-line";
import { answerLineQuery } from "@/lib/subsidies/services/answer-line-query";
import { correctLine } from "@/lib/subsidies/services/correct-line";
import { verifyBatch } from "@/lib/subsidies/services/verify-batch";
import { reopenBatch } from "@/lib/subsidies/services/reopen-batch";
import { approveBatchAsMaker } from "@/lib/subsidies/services/approve-batch-as-maker";
import { approveBatchAsChecker } from "@/lib/subsidies/services/approve-batch-as-checker";
import { recordPayment } from "@/lib/subsidies/services/record-payment";
import { reconcileBatch } from "@/lib/subsidies/services/reconcile-batch";
import { setSubsidyBudget } from "@/lib/subsidies/services/set-budget";

// gate → parse → (the service authorises) → revalidate. Each action's audience is the role list
// of the permission its service checks. The upload has its own result shape, because a rejected
// file answers with its per-line report.

const rolesWith = (permission: Permission): StaffRole[] => staffRolesOf(PERMISSIONS[permission]);

export type ImportState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "rejected"; message: string; errors: WordedStatementError[]; total: number }
  | { status: "duplicate"; message: string }
  | { status: "queued"; message: string; jobId: string };

export type { WordedStatementError };

function refresh() {
  revalidatePath("/bank/statements");
  revalidatePath("/center/subsidies", "layout");
  revalidatePath("/applicant/loans", "layout");
}

/** The upload stores the file and queues its import; the page shows the job's progress and outcome. */
export const importStatementAction = guardedAction(
  staffAudience(rolesWith("subsidy.import")),
  async (code): Promise<ImportState> => ({ status: "error", message: await errorMessage(code) }),
  async (actor, _prev: ImportState, formData: FormData): Promise<ImportState> => {
    const t = await rootTranslator();
    let state: ImportState;
    try {
      const parsed = importStatementSchema.safeParse({ file: formData.get("file") });
      if (!parsed.success) return { status: "error", message: wordIn(t, parsed.error.issues[0]?.message ?? `${ERRORS_NAMESPACE}.${messageKeyOf("VALIDATION")}`) };
      const file = parsed.data.file;
      const outcome = await queueStatementImport(actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (outcome.status === "REJECTED") {
        const errors = outcome.errors.map((e) => ({ ...e, message: wordIn(t, e.message) }));
        return { status: "rejected", message: t("subsidy.done.rejected", { n: String(errors.length) }), errors, total: errors.length };
      }
      state = outcome.status === "ALREADY_IMPORTED"
        ? { status: "duplicate", message: duplicateMessage(t, await getLocale(), outcome) }
        : { status: "queued", message: t("subsidy.importJob.received", { file: file.name }), jobId: outcome.jobId };
    } catch (error) {
      return { status: "error", message: (await errorState(error)).message };
    }
    refresh();
    return state;
  },
);

/** Queues a failed import again with the file it stored. */
export const retryImportAction = staffAction(rolesWith("subsidy.import"), {
  schema: retryJobSchema,
  run: (input, actor) => retryJob(actor, { jobId: input.jobId, kind: "STATEMENT_IMPORT", permission: "subsidy.import" }),
  success: () => words("subsidy.importJob.retried"),
  after: refresh,
});

/** The centre asks for all of a batch's PDFs; a job prepares them and the batch page shows its progress. */
export const requestBatchPdfsAction = staffAction(rolesWith(BATCH_PDFS_PERMISSION), {
  schema: batchPdfsSchema,
  run: (input, actor) => queueBatchPdfs(actor, input.batchId),
  success: () => words("subsidy.batchPdfsJob.requested"),
  after: refresh,
});

export const retryBatchPdfsAction = staffAction(rolesWith(BATCH_PDFS_PERMISSION), {
  schema: retryJobSchema,
  run: (input, actor) => retryJob(actor, { jobId: input.jobId, kind: "BATCH_PDFS", permission: BATCH_PDFS_PERMISSION }),
  success: () => words("subsidy.batchPdfsJob.retried"),
  after: refresh,
});

export const enterLineAction = staffAction(rolesWith("subsidy.import"), {
  schema: enterLineSchema,
  run: async (input, actor) => {
    const outcome = await enterStatementLine(actor, input);
    if (outcome.status === "REJECTED") throw new AppError("VALIDATION", words("subsidy.done.checkMarked"), fieldErrorsOf(outcome.errors));
    return outcome;
  },
  success: async (o) => (o.status === "IMPORTED" ? importedMessage(await rootTranslator(), o) : words("subsidy.done.lineAlreadyEntered")),
  after: refresh,
});

/** A batch or line step: the service authorises; pages re-render after. */
function step<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, actor: StaffActor) => Promise<unknown>,
  message: Words,
) {
  return staffAction(rolesWith(permission), {
    schema,
    run: async (input, actor) => {
      await run(input, actor);
    },
    success: () => message,
    after: refresh,
  });
}

export const queryLineAction = step("subsidy.query", queryLineSchema, (i, a) => queryLine(a, i), words("subsidy.done.queried"));
export const answerQueryAction = step("subsidy.answer", answerQuerySchema, (i, a) => answerLineQuery(a, i), words("subsidy.done.answered"));
export const correctLineAction = step("subsidy.answer", correctLineSchema, (i, a) => correctLine(a, i), words("subsidy.done.corrected"));
export const verifyBatchAction = step(BATCH_TRANSITIONS.verify.permission, verifyBatchSchema, (i, a) => verifyBatch(a, i), words("subsidy.done.verified"));
export const reopenBatchAction = step(BATCH_TRANSITIONS.reopen.permission, reopenBatchSchema, (i, a) => reopenBatch(a, i), words("subsidy.done.reopened"));
export const makerApproveAction = step(BATCH_TRANSITIONS.makerApprove.permission, approveBatchSchema, (i, a) => approveBatchAsMaker(a, i), words("subsidy.done.makerApproved"));
export const checkerApproveAction = step(BATCH_TRANSITIONS.checkerApprove.permission, approveBatchSchema, (i, a) => approveBatchAsChecker(a, i), words("subsidy.done.checkerApproved"));
export const payBatchAction = step(BATCH_TRANSITIONS.pay.permission, payBatchSchema, (i, a) => recordPayment(a, i), words("subsidy.done.paid"));
export const reconcileBatchAction = step(BATCH_TRANSITIONS.reconcile.permission, reconcileBatchSchema, (i, a) => reconcileBatch(a, i), words("subsidy.done.reconciled"));

/** An administrator sets a year's budget; the centre's pages show the balance against it. */
export const setBudgetAction = staffAction(rolesWith("budget.write"), {
  schema: budgetSchema,
  run: (input, actor) => setSubsidyBudget(actor, { year: input.year, amountFen: input.amountYuan, guaranteeDepositFen: input.guaranteeDepositYuan ?? null }),
  success: (r) => words("subsidy.done.budgetSet", { year: String(r.year), amount: formatFen(r.amountFen) }),
  after: () => {
    refresh();
    revalidatePath("/admin");
  },
});
