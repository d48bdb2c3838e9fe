import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LprTenor } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import { programmeTranslator } from "@/lib/i18n/translator";

// The LPR reference table (administrators keep it on /admin/lpr): the rate of a tenor in force
// on a day is the one with the latest effective date on or before it.

export const LPR_TENORS = ["ONE_YEAR", "FIVE_YEAR"] as const satisfies readonly LprTenor[];

export type LprInForce = { tenor: LprTenor; rateBp: number; effectiveFrom: string };

export async function lprInForce(tenor: LprTenor, day: string, client: Prisma.TransactionClient | typeof db = db): Promise<LprInForce | null> {
  const row = await client.lprRate.findFirst({
    where: { tenor, effectiveFrom: { lte: dateColumnOf(day) } },
    orderBy: { effectiveFrom: "desc" },
    select: { tenor: true, rateBp: true, effectiveFrom: true },
  });
  return row ? { tenor: row.tenor, rateBp: row.rateBp, effectiveFrom: dayOfDateColumn(row.effectiveFrom) } : null;
}

export type LprRow = { id: string; tenor: LprTenor; rateBp: number; effectiveFrom: string; createdBy: string | null };

export async function listLprRates(actor: Actor): Promise<LprRow[]> {
  assertCan(actor, "admin.read");
  const rows = await db.lprRate.findMany({ orderBy: [{ effectiveFrom: "desc" }, { tenor: "asc" }] });
  const ids = rows.flatMap((r) => (r.createdById ? [r.createdById] : []));
  const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id, tenor: r.tenor, rateBp: r.rateBp, effectiveFrom: dayOfDateColumn(r.effectiveFrom),
    createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
  }));
}

/** A rate in basis points as a percentage with two decimals: 345 → "3.45%". */
export const formatBp = (bp: number): string => `${Math.trunc(bp / 100)}.${String(Math.abs(bp) % 100).padStart(2, "0")}%`;

/**
 * What the bank's approval form proposes as the loan's pricing reference: the one-year LPR in
 * force on the approval day, as the stored text has always read ("one-year LPR 3.45%" in Chinese, in the
 * programme's language: it is printed on the letters), with its rate for the spread.
 */
export async function proposedLprReference(day: string): Promise<{ rateBp: number; effectiveFrom: string; reference: string } | null> {
  const lpr = await lprInForce("ONE_YEAR", day);
  if (!lpr) return null;
  const t = programmeTranslator("lpr");
  return { rateBp: lpr.rateBp, effectiveFrom: lpr.effectiveFrom, reference: t("reference", { tenor: t("tenors.ONE_YEAR"), rate: formatBp(lpr.rateBp) }) };
}
