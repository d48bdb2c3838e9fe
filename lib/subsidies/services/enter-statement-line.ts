import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { EnterLineInput } from "@/lib/subsidies/schemas";
import { intakeStatement } from "@/lib/subsidies/services/statement-intake";
import type { ImportOutcome } from "@/lib/subsidies/services/intake-outcome";
import { oneLineStatement } from "@/lib/subsidies/one-line-statement";
import { programmeTranslator } from "@/lib/i18n/translator";

/**
 * One line typed in by the bank officer: stored as a one-line statement through the same checks
 * as an uploaded file (typing the same line twice adds nothing).
 */
export async function enterStatementLine(actor: Actor, input: EnterLineInput, options: { today?: string } = {}): Promise<ImportOutcome> {
  const bytes = oneLineStatement(input);
  // Stored as the import's name, in the programme's language like every stored record.
  const fileName = programmeTranslator("subsidy")("typedLineFileName", { contractNo: input.contractNo, from: input.periodStart, to: input.periodEnd });
  return intakeStatement(actor, { fileName, bytes, today: options.today });
}
