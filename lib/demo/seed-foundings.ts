import type { PrismaClient } from "@/lib/generated/prisma/client";
import { demoStaffActor } from "@/lib/demo/actors";
import { DEMO_CONSULTING_LOANS } from "@/lib/subsidies/demo-fixture";
import { writeFounding } from "@/lib/unions/founding-write";

/** The consulting company set up its union in May 2019 (its standing starts then), with its first members. */
export const DEMO_CONSULTING_FOUNDING = { foundedOn: "2019-05-15", memberCount: 12 } as const;

/**
 * The demo's union founding, recorded as the district union would through the form (the same
 * write, its audit event included). Skipped when the company already has one.
 */
export async function seedDemoFoundings(db: PrismaClient): Promise<void> {
  const firm = await db.enterprise.findFirst({
    where: { loans: { some: { contractNo: DEMO_CONSULTING_LOANS[0]!.contractNo } } },
    select: { id: true, unionFoundings: { select: { id: true } }, unionStandings: { select: { unionName: true }, take: 1 } },
  });
  if (!firm || firm.unionFoundings.length > 0) return;
  const actor = await demoStaffActor(db, "agent@district.demo");
  await db.$transaction(async (tx) => {
    await writeFounding(tx, actor, firm.id, { ...DEMO_CONSULTING_FOUNDING, unionName: firm.unionStandings[0]?.unionName ?? "" }, "seed");
  });
}
