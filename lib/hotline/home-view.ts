import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { dueFollowUps, hotlineCallPage } from "@/lib/hotline/queries";
import { assistedCases } from "@/lib/intake/queries";
import { beijingToday } from "@/lib/calendar/beijing";

/**
 * The hotline desk, read at once: follow-ups due, one page of recent calls (of one number when
 * `mobile` is given; none when the number typed was refused), and the cases started from calls.
 */
export async function hotlineHomeView(
  actor: Actor,
  calls: { cursor?: string | null; mobile?: string | null; refused?: boolean },
  today: string = beijingToday(),
) {
  const [due, page, cases] = await Promise.all([
    dueFollowUps(actor, today),
    calls.refused ? Promise.resolve({ rows: [], nextCursor: null }) : hotlineCallPage(actor, { cursor: calls.cursor, mobile: calls.mobile }, today),
    assistedCases(actor),
  ]);
  return { due, calls: page, cases };
}
