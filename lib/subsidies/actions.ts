"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { errorState, guardedAction, staffAction, errorMessage } from "@/lib/actions/safe-action";
import { staffAudience, staffRolesOf } from "@/lib/actions/audience";
import type { StaffActor } from "@/lib/auth/roles";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { AppError, ERRORS_NAMESPACE, messageKeyOf } from "@/lib/errors";
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
  | { status: "rejected"; message: string; errors: StatementError[]; total: number }
  | { status: "duplicate"; message: string }
  | { status: "imported"; message: string };

const REPORT_LIMIT = 500;

function refresh() {
  revalidatePath("/bank/statements");
  revalidatePath("/center/subsidies", "layout");
  revalidatePath("/applicant/loans", "layout");
}

function importedMessage(o: Extract<ImportOutcome, { status: "IMPORTED" }>): string {
  const skipped = o.skipped ? `，${o.skipped} 笔已导入，跳过` : "";
  if (o.added === 0) return `没有新的明细：${o.skipped} 笔均已导入，跳过`;
  return `已导入 ${o.added} 笔明细${skipped}；贴息合计 ${formatFen(o.subsidyFen)}，计入 ${o.quarters.map(quarterLabel).join("、")} 批次`;
}

const duplicateMessage = (o: Extract<ImportOutcome, { status: "ALREADY_IMPORTED" }>) =>
  `该文件已于 ${o.importedAt.toLocaleString("zh-CN", { timeZone: BEIJING_TIME_ZONE })} 导入（${o.fileName}），本次未新增任何记录`;

export const importStatementAction = guardedAction(
  staffAudience(rolesWith("subsidy.import")),
  async (code): Promise<ImportState> => ({ status: "error", message: await errorMessage(code) }),
  async (actor, _prev: ImportState, formData: FormData): Promise<ImportState> => {
    const t = await getTranslations(ERRORS_NAMESPACE);
    let state: ImportState;
    try {
      const parsed = importStatementSchema.safeParse({ file: formData.get("file") });
      if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? t(messageKeyOf("VALIDATION")) };
      const file = parsed.data.file;
      const outcome = await importStatement(actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (outcome.status === "REJECTED") {
        const message = `文件未导入：发现 ${outcome.errors.length} 处问题，请逐行修改后重新上传`;
        return { status: "rejected", message, errors: outcome.errors.slice(0, REPORT_LIMIT), total: outcome.errors.length };
      }
      state = outcome.status === "ALREADY_IMPORTED"
        ? { status: "duplicate", message: duplicateMessage(outcome) }
        : { status: "imported", message: importedMessage(outcome) };
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
    if (outcome.status === "REJECTED") throw new AppError("VALIDATION", "请检查标红的内容", fieldErrorsOf(outcome.errors));
    return outcome;
  },
  success: (o) => (o.status === "IMPORTED" ? importedMessage(o) : "该笔明细已录入过，未重复保存"),
  after: refresh,
});

/** A batch or line step: the service authorises; pages re-render after. */
function step<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, actor: StaffActor) => Promise<unknown>,
  message: string,
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

export const queryLineAction = step("subsidy.query", queryLineSchema, (i, a) => queryLine(a, i), "已发送质询，等待银行答复");
export const answerQueryAction = step("subsidy.answer", answerQuerySchema, (i, a) => answerLineQuery(a, i), "已答复");
export const correctLineAction = step("subsidy.answer", correctLineSchema, (i, a) => correctLine(a, i), "已更正：生成新版本，原记录保留，贴息与批次合计已重算");
export const verifyBatchAction = step(BATCH_TRANSITIONS.verify.permission, verifyBatchSchema, (i, a) => verifyBatch(a, i), "批次已核验");
export const reopenBatchAction = step(BATCH_TRANSITIONS.reopen.permission, reopenBatchSchema, (i, a) => reopenBatch(a, i), "批次已退回重新核验");
export const makerApproveAction = step(BATCH_TRANSITIONS.makerApprove.permission, approveBatchSchema, (i, a) => approveBatchAsMaker(a, i), "经办审批通过，等待另一位审批人复核");
export const checkerApproveAction = step(BATCH_TRANSITIONS.checkerApprove.permission, approveBatchSchema, (i, a) => approveBatchAsChecker(a, i), "复核通过，可以登记支付");
export const payBatchAction = step(BATCH_TRANSITIONS.pay.permission, payBatchSchema, (i, a) => recordPayment(a, i), "已登记支付");
export const reconcileBatchAction = step(BATCH_TRANSITIONS.reconcile.permission, reconcileBatchSchema, (i, a) => reconcileBatch(a, i), "已完成对账");

/** An administrator sets a year's budget; the centre's pages show the balance against it. */
export const setBudgetAction = staffAction(rolesWith("budget.write"), {
  schema: budgetSchema,
  run: (input, actor) => setSubsidyBudget(actor, { year: input.year, amountFen: input.amountYuan, guaranteeDepositFen: input.guaranteeDepositYuan ?? null }),
  success: (r) => `已设置 ${r.year} 年贴息预算：${formatFen(r.amountFen)}`,
  after: () => {
    refresh();
    revalidatePath("/admin");
  },
});
