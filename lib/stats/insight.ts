import "server-only";
import { db, type Db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { beijingDayOf } from "@/lib/calendar/beijing";
import { stageClocks, turnaround, type StageClock, type Turnaround } from "@/lib/stats/clocks";
import { funnelFigures, partnerFigures, type Funnel, type PartnerRow } from "@/lib/stats/funnel";
import { periodError, type InsightFilters, type InsightPeriod, type PeriodErrorCode } from "@/lib/stats/period";
import { budgetBurnDown, portfolioFigures, type BudgetBurnDown, type Portfolio } from "@/lib/stats/portfolio";
import { makeScope } from "@/lib/stats/scope";

// "How the programme works" for a period: every figure of lib/stats/{funnel,clocks,portfolio}
// for one checked period and filter set, authorised like programmeFigures.

export type InsightFigures = {
  period: InsightPeriod;
  filters: InsightFilters;
  /** The programme's first day (the earliest policy version's effective day, Beijing). */
  programmeStart: string;
  funnel: Funnel;
  partners: PartnerRow[];
  clocks: StageClock[];
  turnaround: Turnaround[];
  portfolio: Portfolio;
  budget: BudgetBurnDown;
};

// A result, not a throw: a refused period is data to the statistics page (it shows why and falls
// back to the default period); the download routes turn it into BAD_REQUEST.
export type InsightResult = { ok: true; figures: InsightFigures } | { ok: false; code: PeriodErrorCode; programmeStart: string };

/**
 * The day the programme began: the effective day of its first policy version (the lowest number;
 * each later version must take effect after the latest one), from the data.
 */
export async function programmeStartDay(client: Db = db): Promise<string> {
  const first = await client.policyVersion.findFirst({ orderBy: { version: "asc" }, select: { effectiveFrom: true } });
  return first ? beijingDayOf(first.effectiveFrom) : "1900-01-01";
}

export async function insightFigures(actor: Actor | null, period: InsightPeriod, filters: InsightFilters): Promise<InsightResult> {
  assertCan(actor, "stats.read");
  return computeInsightFigures(period, filters);
}

/** The same result without an actor: for the statistics snapshot's job (lib/stats/services). */
export async function computeInsightFigures(period: InsightPeriod, filters: InsightFilters, client: Db = db): Promise<InsightResult> {
  const programmeStart = await programmeStartDay(client);
  const error = periodError(period, programmeStart);
  if (error) return { ok: false, code: error, programmeStart };
  let orgId: string | null = null;
  if (filters.org !== null) {
    const org = await client.organisation.findUnique({ where: { code: filters.org }, select: { id: true, type: true } });
    if (!org || (org.type !== "GUARANTOR" && org.type !== "BANK")) return { ok: false, code: "UNKNOWN_ORG", programmeStart };
    orgId = org.id;
  }
  const scope = makeScope(period, filters.channel, orgId);
  const [funnel, partners, clocks, turn, portfolio, budget] = await Promise.all([
    funnelFigures(scope, client), partnerFigures(scope, client), stageClocks(scope, client), turnaround(scope, client), portfolioFigures(scope, client), budgetBurnDown(scope, client),
  ]);
  return { ok: true, figures: { period, filters, programmeStart, funnel, partners, clocks, turnaround: turn, portfolio, budget } };
}

/** The guarantors and banks a page may offer as a filter. */
export async function partnerOptions(actor: Actor | null): Promise<PartnerOption[]> {
  assertCan(actor, "stats.read");
  return listPartnerOptions();
}

export type PartnerOption = { code: string; nameZh: string; nameEn: string };

export function listPartnerOptions(client: Db = db): Promise<PartnerOption[]> {
  return client.organisation.findMany({ where: { type: { in: ["GUARANTOR", "BANK"] } }, select: { code: true, nameZh: true, nameEn: true }, orderBy: [{ type: "asc" }, { code: "asc" }] });
}
