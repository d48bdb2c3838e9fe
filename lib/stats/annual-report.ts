import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { beijingNoon } from "@/lib/calendar/beijing";
import { insightFigures, type InsightFigures } from "@/lib/stats/insight";
import type { InsightFilters, InsightPeriod, PeriodErrorCode } from "@/lib/stats/period";
import { programmeFigures, type ProgrammeFigures } from "@/lib/stats/queries";
import { dayBefore } from "@/lib/stats/report-period";

// Everything an annual report shows, from the statistics' own queries: the published table as of
// the period's last day and as of the day before it began (the period's own figures are the
// difference, so they equal the page's year rows for a whole year), and "how the programme works"
// for the period. Authorised like the page.

export type AnnualReportFigures = {
  insight: InsightFigures;
  /** The published table at the end of the period. */
  end: ProgrammeFigures;
  /** The same table the day before the period began. */
  start: ProgrammeFigures;
  issuer: { nameZh: string; nameEn: string };
};

// Passes insightFigures' refused period on as it is (see there).
export type AnnualReportResult = { ok: true; figures: AnnualReportFigures } | { ok: false; code: PeriodErrorCode; programmeStart: string };

export async function annualReportFigures(actor: Actor | null, period: InsightPeriod, filters: InsightFilters): Promise<AnnualReportResult> {
  assertCan(actor, "stats.read");
  const result = await insightFigures(actor, period, filters);
  if (!result.ok) return result;
  const organisationId = actor?.kind === "STAFF" ? actor.organisationId : null;
  const [end, start, issuer] = await Promise.all([
    programmeFigures(actor, { asOf: beijingNoon(period.to) }),
    programmeFigures(actor, { asOf: beijingNoon(dayBefore(period.from)) }),
    organisationId ? db.organisation.findUnique({ where: { id: organisationId }, select: { nameZh: true, nameEn: true } }) : null,
  ]);
  return { ok: true, figures: { insight: result.figures, end, start, issuer: issuer ?? { nameZh: "", nameEn: "" } } };
}
