import { describe, expect, it } from "vitest";
import { setSubsidyBudget } from "@/lib/subsidies/services/set-budget";
import { budgetOverview } from "@/lib/subsidies/queries";
import { outcome as code } from "../support/outcome";
import { db, itOnPostgres } from "../support/db";
import { createStaff, staffActor } from "../support/factories";

const events = (year: number) =>
  db.auditEvent.findMany({ where: { action: "subsidy.budget_set", data: { path: ["year"], equals: year } }, orderBy: { id: "asc" }, select: { data: true } });

describe("the yearly subsidy budget", () => {
  it("an administrator sets and corrects it, each change on record with the amount it replaced", async () => {
    const admin = await staffActor("admin@center.demo");
    const year = new Date().getUTCFullYear() + 1;
    await db.subsidyBudget.deleteMany({ where: { year } });
    await setSubsidyBudget(admin, { year, amountFen: 80_000_000n });
    const r = await setSubsidyBudget(admin, { year, amountFen: 90_000_000n });
    expect(r).toEqual({ year, amountFen: 90_000_000n, previousFen: 80_000_000n });
    expect((await db.subsidyBudget.findUniqueOrThrow({ where: { year } })).amountFen).toBe(90_000_000n);
    expect((await events(year)).slice(-2).map((e) => e.data)).toEqual([
      { year, fromFen: null, toFen: "80000000", depositFromFen: null, depositToFen: null },
      { year, fromFen: "80000000", toFen: "90000000", depositFromFen: null, depositToFen: null },
    ]);
    // The union's guarantee deposit is kept beside the budget, as information, and on record.
    await setSubsidyBudget(admin, { year, amountFen: 90_000_000n, guaranteeDepositFen: 20_000_000n });
    expect((await db.subsidyBudget.findUniqueOrThrow({ where: { year } })).guaranteeDepositFen).toBe(20_000_000n);
    expect((await events(year)).at(-1)!.data).toMatchObject({ depositFromFen: null, depositToFen: "20000000" });
    expect((await budgetOverview(admin)).find((y) => y.year === year)?.guaranteeDepositFen).toBe(20_000_000n);
  });

  it("a year before the portal: its imported payments count as spent, and the budget cannot go below them", async () => {
    const admin = await staffActor("admin@center.demo");
    // One payment of the years before the portal, as the history import records it.
    const year = 2019;
    const bank = await db.organisation.findFirstOrThrow({ where: { type: "BANK" } });
    const loan = await db.loan.findFirstOrThrow();
    const imp = await db.historyImport.create({
      data: { fileName: "history.csv", fileSha256: `budget-${Date.now()}`, lineCount: 1, bankOrgId: bank.id, importedById: admin.userId, organisationId: admin.organisationId },
    });
    const payment = await db.historicalSubsidyPayment.create({ data: { importId: imp.id, loanId: loan.id, paidOn: new Date(`${year}-07-03T00:00:00Z`), amountFen: 123_456n } });
    try {
      const [row] = await db.$queryRaw<{ year: number; fen: bigint }[]>`
        SELECT ${year}::int AS year, sum("amountFen")::bigint AS fen FROM "HistoricalSubsidyPayment" WHERE "paidOn" >= '2019-01-01' AND "paidOn" < '2020-01-01'`;
      expect(row!.fen).toBeGreaterThan(0n);
      const paidByBatches = (await budgetOverview(admin)).find((y) => y.year === row!.year)!.spentFen - row!.fen;
      expect((await budgetOverview(admin)).find((y) => y.year === row!.year)).toMatchObject({ importedFen: row!.fen });
      const floor = row!.fen + paidByBatches;
      expect(await code(setSubsidyBudget(admin, { year: row!.year, amountFen: floor - 1n }))).toBe("VALIDATION");
      expect(await code(setSubsidyBudget(admin, { year: row!.year, amountFen: floor }))).toBe("OK");
      expect((await budgetOverview(admin)).find((y) => y.year === row!.year)).toMatchObject({ budgetFen: floor, remainingFen: 0n });
    } finally {
      // The statistics read imported payments: other files sharing this database must not see this one.
      await db.historicalSubsidyPayment.delete({ where: { id: payment.id } });
      await db.historyImport.delete({ where: { id: imp.id } });
    }
  });

  it("refuses a budget below what the year already paid, a year outside the programme, and anyone but an administrator", async () => {
    const admin = await staffActor("admin@center.demo");
    // The demo paid subsidies in 2021.
    const before = await db.subsidyBudget.findUniqueOrThrow({ where: { year: 2021 } });
    expect(await code(setSubsidyBudget(admin, { year: 2021, amountFen: 100n }))).toBe("VALIDATION");
    expect(await code(setSubsidyBudget(admin, { year: 2016, amountFen: 100n }))).toBe("VALIDATION");
    expect(await code(setSubsidyBudget(await staffActor("reviewer@center.demo"), { year: 2021, amountFen: 90_000_000n }))).toBe("NOT_FOUND");
    expect(await db.subsidyBudget.findUniqueOrThrow({ where: { year: 2021 } })).toEqual(before);
  });

  itOnPostgres("two administrators at once: both changes land in turn, and the record says which replaced which", async () => {
    const [a, b] = [await staffActor("admin@center.demo"), await createStaff("BJZGHZ", "PROGRAM_ADMIN")];
    const year = new Date().getUTCFullYear();
    await Promise.all([setSubsidyBudget(a, { year, amountFen: 70_000_001n }), setSubsidyBudget(b, { year, amountFen: 70_000_002n })]);
    const [first, second] = (await events(year)).slice(-2).map((e) => e.data as { fromFen: string | null; toFen: string });
    expect(second!.fromFen).toBe(first!.toFen);
    expect((await db.subsidyBudget.findUniqueOrThrow({ where: { year } })).amountFen).toBe(BigInt(second!.toFen));
  });
});
