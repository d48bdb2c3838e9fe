import "server-only";
import { db } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/roles";
import { generateProgrammeHistory } from "@/lib/demo/programme-history";
import { historyCsv } from "@/lib/history/lines";
import { importHistory, type HistoryOutcome } from "@/lib/history/services/import-history";

export const PROGRAMME_HISTORY_FILE = "programme-history-2018-2022.csv";

/** The programme-history data set as the file a programme office would upload. */
export const programmeHistoryFile = (): Uint8Array => new TextEncoder().encode(historyCsv(generateProgrammeHistory()));

/**
 * `npm run demo -- --programme-history`: the programme's years to 2022-05-31, uploaded by the
 * demo centre's approver through the import service, after the demo seed (which holds the
 * consulting company). A second run adds nothing (the same file).
 */
export async function seedProgrammeHistory(log: (line: string) => void = () => {}): Promise<HistoryOutcome> {
  const user = await db.user.findUniqueOrThrow({
    where: { email: "approver@center.demo" },
    select: { id: true, displayName: true, membership: { select: { role: true, organisationId: true, organisation: { select: { type: true } } } } },
  });
  const m = user.membership!;
  const actor: StaffActor = { kind: "STAFF", userId: user.id, role: m.role, displayName: user.displayName, organisationId: m.organisationId, organisationType: m.organisation.type };
  const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" }, select: { id: true } });
  const outcome = await importHistory(actor, { fileName: PROGRAMME_HISTORY_FILE, bytes: programmeHistoryFile(), bankOrgId: bank.id });
  if (outcome.status === "REJECTED") throw new Error(`programme history refused: ${JSON.stringify(outcome.problems.slice(0, 5))}`);
  log(outcome.status === "IMPORTED" ? `programme history: ${outcome.applications} applications, ${outcome.loans} loans, ${outcome.payments} subsidy payments, ${outcome.unions} unions` : "programme history (already there)");
  return outcome;
}
