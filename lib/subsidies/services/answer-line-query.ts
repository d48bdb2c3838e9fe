import "server-only";
import type { Actor } from "@/lib/auth/roles";
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
      if (!hasOpenQuery(line)) throw new AppError("INVALID_TRANSITION", "该明细没有待答复的质询");
    },
    within: async (tx, line) => {
      const updated = await tx.statementLine.updateMany({ where: { id: line.id, current: true, queryAnswer: null }, data: { queryAnswer: input.answer } });
      if (updated.count !== 1) throw new AppError("CONFLICT", "该质询刚被答复，请刷新后查看");
    },
    auditData: () => ({ answer: input.answer }),
  });
}
