import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { EnterLineInput } from "@/lib/subsidies/schemas";
import { intakeStatement, type ImportOutcome } from "@/lib/subsidies/services/statement-intake";
import { oneLineStatement } from "@/lib/subsidies/one-line-statement";

/**
 * One line typed in by the bank officer: stored as a one-line statement through the same checks
 * as an uploaded file (typing the same line twice adds nothing).
 */
export async function enterStatementLine(actor: Actor, input: EnterLineInput, options: { today?: string } = {}): Promise<ImportOutcome> {
  const bytes = oneLineStatement(input);
  const fileName = `手工录入 ${input.contractNo} ${input.periodStart}–${input.periodEnd}`;
  return intakeStatement(actor, { fileName, bytes, today: options.today });
}
