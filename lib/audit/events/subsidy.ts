import { z } from "zod";
import { dayText, fenText } from "@/lib/audit/events/values";

// A quarter's interest-subsidy batch (lib/subsidies): imports, steps and line edits.

/** What every batch step writes (lib/subsidies/services/batch-transition.ts). */
const batchStep = z.object({
  quarter: z.string(), from: z.string(), to: z.string(), version: z.number().int(), totalFen: fenText,
  comment: z.string().nullish(),
});

/** The centre's verification as kept for the batch page (VerificationChecklist, fen as strings). */
const checklist = z.object({
  lineCount: z.number().int(),
  totalFen: fenText,
  sumOfLinesFen: fenText,
  amountsOk: z.boolean(),
  amountMismatches: z.array(z.string()),
  overdueLines: z.number().int(),
  extendedLines: z.number().int(),
  loansNotPerforming: z.array(z.string()),
  unionOk: z.boolean(),
  unionChanged: z.array(z.string()),
  excluded: z.record(z.string(), z.number()),
  confirmed: z.object({ amounts: z.boolean(), repayment: z.boolean(), union: z.boolean() }),
  comment: z.string(),
});

/** What every line edit writes (lib/subsidies/services/line-edit.ts). */
const lineEdit = z.object({
  quarter: z.string(), lineId: z.string(), lineKey: z.string(), lineVersion: z.number().int(), version: z.number().int(),
});

const linesAdded = z.object({ quarter: z.string(), importId: z.string(), added: z.number().int(), addedSubsidyFen: fenText, totalFen: fenText });

/** The kinds a batch's history holds (its entity is the batch). */
export const BATCH_AUDIT_ACTIONS = [
  "subsidy.batch_opened", "subsidy.batch_lines_added", "subsidy.batch_verified", "subsidy.batch_reopened", "subsidy.batch_maker_approved",
  "subsidy.batch_checker_approved", "subsidy.batch_paid", "subsidy.batch_reconciled", "subsidy.line_queried", "subsidy.line_query_answered",
  "subsidy.line_corrected",
] as const;

export const SUBSIDY_AUDIT_EVENTS = {
  "subsidy.statement_imported": z.object({
    fileName: z.string(), sha256: z.string(), added: z.number().int(), skipped: z.number().int(), subsidyFen: fenText, quarters: z.array(z.string()),
  }),
  "subsidy.batch_opened": linesAdded,
  "subsidy.batch_lines_added": linesAdded,
  "subsidy.batch_verified": batchStep.extend({ checklist: checklist.optional() }),
  "subsidy.batch_reopened": batchStep,
  "subsidy.batch_maker_approved": batchStep,
  "subsidy.batch_checker_approved": batchStep,
  "subsidy.batch_paid": batchStep.extend({ paidOn: dayText, payerAccount: z.string(), paymentRef: z.string() }),
  "subsidy.batch_reconciled": batchStep,
  "subsidy.line_queried": lineEdit.extend({ question: z.string() }),
  "subsidy.line_query_answered": lineEdit.extend({ answer: z.string() }),
  "subsidy.line_corrected": lineEdit.extend({
    answer: z.string(), newLineId: z.string(), newLineVersion: z.number().int(), oldSubsidyFen: fenText, newSubsidyFen: fenText, totalFen: fenText,
  }),
} as const;
