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
import { wordIn, words, type RootTranslator, type Words } from "@/lib/i18n/words";
import { BATCH_TRANSITIONS } from "@/lib/subsidies/batch-workflow";
import { formatFen } from "@/lib/money/fen";
import type { StatementError } from "@/lib/subsidies/statement-parser";
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
  verifyBatchSchema,
} from "@/lib/subsidies/schemas";
import { importStatement } from "@/lib/subsidies/services/import-statement";
import { enterStatementLine } from "@/lib/subsidies/services/enter-statement-line";
import type { ImportOutcome } from "@/lib/subsidies/services/statement-intake";
import { fieldErrorsOf } from "@/lib/subsidies/one-line-statement";
import { quarterLabel } from "@/lib/subsidies/periods";
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
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";

// gate → parse → (the service authorises) → revalidate. Each action's audience is the role list
// of the permission its service checks. The upload has its own result shape, because a rejected
// file answers with its per-line report.

const rolesWith = (permission: Permission): StaffRole[] => staffRolesOf(PERMISSIONS[permission]);

export type ImportState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "rejected"; message: string; errors: WordedStatementError[]; total: number }
  | { status: "duplicate"; message: string }
  | { status: "imported"; message: string };

/** A line of the report as the bank reads it: the problem already in the reader's language. */
export type WordedStatementError = Omit<StatementError, "message"> & { message: string };

const REPORT_LIMIT = 500;

function refresh() {
  revalidatePath("/bank/statements");
  revalidatePath("/center/subsidies", "layout");
  revalidatePath("/applicant/loans", "layout");
}

// Counts pass as text, as they always read (no digit grouping).
function importedMessage(t: RootTranslator, o: Extract<ImportOutcome, { status: "IMPORTED" }>): string {
  if (o.added === 0) return t("subsidy.done.noneNew", { skipped: String(o.skipped) });
  const quarters = o.quarters.map((q) => wordIn(t, quarterLabel(q))).join(t("subsidy.done.quarterSeparator"));
  return t("subsidy.done.imported", { added: String(o.added), skipped: String(o.skipped), amount: formatFen(o.subsidyFen), quarters });
}

async function duplicateMessage(t: RootTranslator, o: Extract<ImportOutcome, { status: "ALREADY_IMPORTED" }>): Promise<string> {
  const at = o.importedAt.toLocaleString(await getLocale(), { timeZone: BEIJING_TIME_ZONE });
  return t("subsidy.done.duplicateFile", { at, file: o.fileName });
}

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
      const outcome = await importStatement(actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (outcome.status === "REJECTED") {
        const message = t("subsidy.done.rejected", { n: String(outcome.errors.length) });
        const errors = outcome.errors.slice(0, REPORT_LIMIT).map((e) => ({ ...e, message: wordIn(t, e.message) }));
        return { status: "rejected", message, errors, total: outcome.errors.length };
      }
      state = outcome.status === "ALREADY_IMPORTED"
        ? { status: "duplicate", message: await duplicateMessage(t, outcome) }
        : { status: "imported", message: importedMessage(t, outcome) };
    } catch (error) {
      return { status: "error", message: (await errorState(error)).message };
    }
    refresh();
    return state;
  },
);

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
