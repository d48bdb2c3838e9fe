import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { intakeStatement } from "@/lib/subsidies/services/statement-intake";
import type { ImportOutcome } from "@/lib/subsidies/services/intake-outcome";

/**
 * A bank officer's quarterly interest statement (CSV or XLSX). All or nothing: any bad line
 * rejects the file with a per-line report and stores nothing; the same file again adds nothing.
 * `today` and `timings` are for tests and the benchmark.
 */
export async function importStatement(
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; today?: string; timings?: Record<string, number> },
): Promise<ImportOutcome> {
  return intakeStatement(actor, input);
}
