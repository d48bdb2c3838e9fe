import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NUMBERED, NUMBERED_THINGS } from "@/lib/reference/numbering-rules";
import { BASE_ORGANISATION, CATEGORIES, CONSENT_WORDINGS, DEFAULT_CHECKLISTS, FIRST_POLICY, HOLIDAYS, LPR_HISTORY, TARGET_GROUPS, WORKING_WEEKENDS } from "@/lib/setup/programme-defaults";
import { recordCalendarChange } from "@/lib/calendar/calendar-write";
import type { NewCalendarDay } from "@/lib/calendar/calendar-days";

// What every installation starts with: the support centre, the loan categories (each with its
// document checklist) and target groups, the numbering patterns, the programme's first policy
// version, the consent wordings the first consents name, the published LPR history and the
// working calendar (public holidays and the tiaoxiu working weekends, written by the calendar's own
// service, as an audit event). Keyed by natural keys and only created when missing, so
// `npm run setup` (and the demo seed, which starts from the same base) can run any number of
// times. Administrators change all of it afterwards.
export async function installBaseData(db: PrismaClient): Promise<void> {
  await db.organisation.upsert({ where: { code: BASE_ORGANISATION.code }, create: BASE_ORGANISATION, update: {} });
  for (const c of CATEGORIES) await db.loanCategory.upsert({ where: { code: c.code }, create: c, update: {} });
  await installChecklists(db);
  for (const thing of NUMBERED_THINGS) {
    await db.numberingPattern.upsert({ where: { key: thing }, create: { key: thing, pattern: NUMBERED[thing].defaultPattern }, update: {} });
  }
  for (const g of TARGET_GROUPS) await db.targetGroup.upsert({ where: { code: g.code }, create: g, update: {} });
  await db.policyVersion.upsert({ where: { version: FIRST_POLICY.version }, create: FIRST_POLICY, update: {} });
  for (const w of CONSENT_WORDINGS) {
    await db.consentWording.upsert({ where: { version: w.version }, create: { ...w, effectiveFrom: new Date(`${w.effectiveFrom}T00:00:00Z`) }, update: {} });
  }
  for (const [day, oneYear, fiveYear] of LPR_HISTORY) {
    const effectiveFrom = new Date(`${day}T00:00:00Z`);
    for (const [tenor, rateBp] of [["ONE_YEAR", oneYear], ["FIVE_YEAR", fiveYear]] as const) {
      if (rateBp === null) continue;
      await db.lprRate.upsert({ where: { tenor_effectiveFrom: { tenor, effectiveFrom } }, create: { tenor, effectiveFrom, rateBp }, update: {} });
    }
  }
  await installCalendar(db);
}

/** A category without a checklist (the base ones, on a new installation) gets the starting one. */
async function installChecklists(db: PrismaClient): Promise<void> {
  for (const c of CATEGORIES) {
    if (await db.categoryDocument.count({ where: { categoryCode: c.code } })) continue;
    const rows = (Object.keys(DEFAULT_CHECKLISTS) as (keyof typeof DEFAULT_CHECKLISTS)[])
      .flatMap((kind) => DEFAULT_CHECKLISTS[kind].map((documentKind) => ({ categoryCode: c.code, kind, documentKind })));
    await db.categoryDocument.createMany({ data: rows, skipDuplicates: true });
  }
}

async function installCalendar(db: PrismaClient): Promise<void> {
  const marked = new Set((await db.holiday.findMany({ select: { day: true } })).map((h) => h.day.toISOString().slice(0, 10)));
  const days: NewCalendarDay[] = [
    ...HOLIDAYS.map(([day, name]) => ({ day, kind: "HOLIDAY" as const, name })),
    ...WORKING_WEEKENDS.map(([day, name]) => ({ day, kind: "WORKDAY" as const, name })),
  ].filter((d) => !marked.has(d.day)).map((d, i) => ({ ...d, line: i + 1 }));
  for (const year of new Set(days.map((d) => Number(d.day.slice(0, 4))))) {
    const ofYear = days.filter((d) => d.day.startsWith(`${year}-`));
    await recordCalendarChange(db, { actorId: null, organisationId: null }, year, { op: "add", days: ofYear, source: "setup" });
  }
}
