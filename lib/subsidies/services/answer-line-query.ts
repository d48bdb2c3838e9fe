import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { hasOpenQuery, runLineEdit } from "@/lib/subsidies/services/line-edit";

/** The bank answers the centre's query without changing the line (the figures stand). */
export async function answerLineQuery(actor: Actor, input: { lineId: string; batchVersion: number; answer: string }) {
  return runLineEdit({
    actor,
    lineId: input.lineId,
    batchVersion: input.batchVersion,
    permission: "subsidy.answer",
    event: "subsidy.line_query_answered",
    guard: (line) => {
      if (!hasOpenQuery(line)) throw new AppError("INVALID_TRANSITION", words("subsidy.refusal.noOpenQuery"));
    },
    within: async (tx, line) => {
      const updated = await tx.statementLine.updateMany({ where: { id: line.id, current: true, queryAnswer: null }, data: { queryAnswer: input.answer } });
      if (updated.count !== 1) throw new AppError("CONFLICT", words("subsidy.refusal.queryJustAnswered"));
    },
    auditData: () => ({ answer: input.answer }),
  });
}
