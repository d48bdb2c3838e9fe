import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BASE_ORGANISATION, CATEGORIES, FIRST_POLICY, HOLIDAYS, TARGET_GROUPS } from "@/lib/setup/programme-defaults";

// What every installation starts with: the support centre, the loan categories and target
// groups, the programme's first policy version and the public holidays. Keyed by natural keys and
// only created when missing, so `npm run setup` (and the demo seed, which starts from the same
// base) can run any number of times. Administrators change all of it afterwards.
export async function installBaseData(db: PrismaClient): Promise<void> {
  await db.organisation.upsert({ where: { code: BASE_ORGANISATION.code }, create: BASE_ORGANISATION, update: {} });
  for (const c of CATEGORIES) await db.loanCategory.upsert({ where: { code: c.code }, create: c, update: {} });
  for (const g of TARGET_GROUPS) await db.targetGroup.upsert({ where: { code: g.code }, create: g, update: {} });
  await db.policyVersion.upsert({ where: { version: FIRST_POLICY.version }, create: FIRST_POLICY, update: {} });
  for (const [day, name] of HOLIDAYS) {
    const date = new Date(`${day}T00:00:00Z`);
    await db.holiday.upsert({ where: { day: date }, create: { day: date, name }, update: {} });
  }
}
