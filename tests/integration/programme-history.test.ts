import { afterAll, beforeAll, describe, expect } from "vitest";
import { createPrismaClient, db, disconnectShared } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { connectPostgres } from "@/lib/db/sql-executor";
import { seedDemo } from "@/lib/demo/seed";
import { programmeHistoryFile, seedProgrammeHistory } from "@/lib/demo/seed-history";
import { DEMO_CONSULTING_FOUNDING } from "@/lib/demo/seed-foundings";
import { beijingNoon } from "@/lib/stats/as-of";
import { programmeFigures } from "@/lib/stats/queries";
import { createDatabase, dropDatabase } from "../../scripts/db/tools";
import { itOnPostgres, onPostgres } from "../support/db";
import { staffActorIn } from "./history-support";

// The programme-history demo reproduces the programme's published table exactly (domain.md,
// "Figures from the seed"), computed by the statistics' own queries from records loaded through
// the history import. It runs on a database of its own: other test files add records dated 2022.

let database: { name: string; url: string } | null = null;

beforeAll(async () => {
  if (!onPostgres) return;
  await disconnectShared();
  database = await createDatabase("ncd_it_history");
  const sql = await connectPostgres(database.url);
  await migrate(sql).finally(() => sql.close());
  // The process-wide client, pointed at this database for this file only.
  (globalThis as Record<symbol, unknown>)[Symbol.for("ncd.prisma")] = createPrismaClient({ url: database.url });
  await seedDemo(db);
}, 300_000);

afterAll(async () => {
  await disconnectShared();
  if (database) await dropDatabase(database.name);
});

describe("the programme-history demo", () => {
  itOnPostgres("shows the published table as of 2022-05-31, and the public records to end-2020", async () => {
    const loaded = await seedProgrammeHistory();
    expect(loaded).toMatchObject({ status: "IMPORTED", applications: 415, loans: 226, unions: 108, members: 1_736 });
    const center = await staffActorIn("reviewer@center.demo");
    const f = await programmeFigures(center, { asOf: beijingNoon("2022-05-31") });
    expect(f.applications).toBe(418);
    expect(f.enterprisesFunded).toBe(174);
    expect(f.lentFen).toBe(4_649_000_000n);
    expect(f.enterprisesSubsidised).toBe(133);
    expect(f.subsidyFen).toBe(142_000_000n);
    expect(f.unionsFounded).toBeGreaterThan(100);
    expect(f.newMembers).toBeGreaterThan(1_700);
    // 108 from the history, and the consulting company's union (the demo seed's).
    expect([f.unionsFounded, f.newMembers]).toEqual([109, 1_736 + DEMO_CONSULTING_FOUNDING.memberCount]);
    // The year rows add up to the table.
    expect(f.years.reduce((s, y) => s + y.applications, 0)).toBe(418);
    expect(f.years.reduce((s, y) => s + y.lentFen, 0n)).toBe(4_649_000_000n);
    expect(f.years.reduce((s, y) => s + y.subsidyFen, 0n)).toBe(142_000_000n);

    // The information-consulting company: three yearly loans, ¥1,400,000, subsidy ¥35,146.94.
    const consulting = await db.enterprise.findFirstOrThrow({
      where: { name: { contains: "信息咨询" } },
      select: { loans: { where: { disbursedOn: { lte: new Date("2022-05-31T00:00:00Z") } }, select: { disbursedOn: true, disbursedFen: true, statementLines: { where: { current: true, batch: { status: { in: ["PAID", "RECONCILED"] } } }, select: { subsidyFen: true } } } } },
    });
    expect(consulting.loans.map((l) => l.disbursedOn!.getUTCFullYear()).sort()).toEqual([2019, 2020, 2021]);
    expect(consulting.loans.reduce((s, l) => s + l.disbursedFen!, 0n)).toBe(140_000_000n);
    expect(consulting.loans.flatMap((l) => l.statementLines).reduce((s, x) => s + x.subsidyFen, 0n)).toBe(3_514_694n);

    // Public records to end-2020: 349 applications (53 renewals), 127 firms (33 renewing), ¥31.66M, 64 firms subsidised, about ¥650k.
    const e = await programmeFigures(center, { asOf: beijingNoon("2020-12-31") });
    expect([e.applications, e.renewals, e.enterprisesFunded, e.renewingEnterprises, e.lentFen, e.enterprisesSubsidised])
      .toEqual([349, 53, 127, 33, 3_166_000_000n, 64]);
    expect(Number(e.subsidyFen) / 100).toBeGreaterThan(640_000);
    expect(Number(e.subsidyFen) / 100).toBeLessThan(660_000);

    // Loading it again adds nothing.
    expect(await seedProgrammeHistory()).toEqual({ status: "ALREADY_IMPORTED" });
    const again = await programmeFigures(center, { asOf: beijingNoon("2022-05-31") });
    expect(again).toEqual(f);
    expect(programmeHistoryFile().length).toBeLessThan(200_000);
  }, 300_000);
});
