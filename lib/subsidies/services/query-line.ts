import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { hasOpenQuery, runLineEdit } from "@/lib/subsidies/services/line-edit";

/** The centre sends one line back to the bank with a question; the batch cannot be verified until it is answered. */
export async function queryLine(actor: Actor, input: { lineId: string; batchVersion: number; question: string }) {
  return runLineEdit({
    actor,
    lineId: input.lineId,
    batchVersion: input.batchVersion,
    permission: "subsidy.query",
    event: "subsidy.line_queried",
    guard: (line) => {
      if (hasOpenQuery(line)) throw new AppError("INVALID_TRANSITION", words("subsidy.refusal.queryOpen"));
    },
    within: async (tx, line) => {
      const updated = await tx.statementLine.updateMany({ where: { id: line.id, current: true }, data: { query: input.question, queryAnswer: null } });
      if (updated.count !== 1) throw new AppError("CONFLICT", words("subsidy.refusal.lineChanged"));
    },
    auditData: () => ({ question: input.question }),
  });
}
