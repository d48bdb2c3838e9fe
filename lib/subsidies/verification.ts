import type { ExcludedReason } from "@/lib/subsidies/rules";

/** What the centre's check of a batch found and confirmed (services/verify-batch.ts writes it, the batch page reads it). */
export type VerificationChecklist = {
  lineCount: number;
  totalFen: bigint;
  sumOfLinesFen: bigint;
  amountsOk: boolean;
  amountMismatches: string[];
  overdueLines: number;
  extendedLines: number;
  loansNotPerforming: string[];
  unionOk: boolean;
  unionChanged: string[];
  excluded: Partial<Record<ExcludedReason, number>>;
  confirmed: { amounts: boolean; repayment: boolean; union: boolean };
  comment: string;
};
