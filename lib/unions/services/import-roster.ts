import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { beijingToday } from "@/lib/calendar/beijing";
import { parseRoster, type RosterProblem } from "@/lib/unions/roster";
import { periodProblem, unknownFirm, writeStanding } from "@/lib/unions/standing-write";

export type RosterOutcome = { status: "IMPORTED"; added: number } | { status: "REJECTED"; problems: RosterProblem[] };

class RosterRefused extends Error {
  constructor(readonly problems: RosterProblem[]) {
    super("roster refused");
  }
}

/**
 * A union's roster, all or nothing: every line is checked (format, the firm on the platform, its
 * founding date, overlaps within the file and with what is recorded) and either every line is
 * recorded in one transaction or nothing is, with one report of every problem.
 */
export async function importRoster(actor: Actor, file: { bytes: Uint8Array }, today: string = beijingToday()): Promise<RosterOutcome> {
  assertCan(actor, "union.record");
  const { lines, problems } = await parseRoster(file.bytes, today);
  const firms = new Map(
    (await db.enterprise.findMany({ where: { creditCode: { in: [...new Set(lines.map((l) => l.creditCode))] } }, select: { id: true, creditCode: true, foundedOn: true } }))
      .map((f) => [f.creditCode, f]),
  );
  for (const l of lines) {
    const firm = firms.get(l.creditCode);
    const problem = firm ? periodProblem(firm, l, today)?.message : unknownFirm();
    if (problem) problems.push({ line: l.line, messages: [problem] });
  }
  if (problems.length) return { status: "REJECTED", problems: problems.sort((a, b) => a.line - b.line) };
  try {
    await db.$transaction(async (tx) => {
      const overlaps: RosterProblem[] = [];
      // Firms in a fixed order, so two imports at once never wait on each other in a circle.
      for (const l of [...lines].sort((a, b) => firms.get(a.creditCode)!.id.localeCompare(firms.get(b.creditCode)!.id) || a.line - b.line)) {
        const written = await writeStanding(tx, actor, firms.get(l.creditCode)!, l, "roster");
        if ("overlap" in written) overlaps.push({ line: l.line, messages: [written.overlap] });
      }
      if (overlaps.length) throw new RosterRefused(overlaps.sort((a, b) => a.line - b.line));
    }, { timeout: 60_000 });
  } catch (error) {
    if (error instanceof RosterRefused) return { status: "REJECTED", problems: error.problems };
    throw error;
  }
  return { status: "IMPORTED", added: lines.length };
}
