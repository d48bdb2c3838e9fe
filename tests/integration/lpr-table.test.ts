import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/roles";
import { addLprRate } from "@/lib/lpr/services/add-lpr-rate";
import { formatBp, lprInForce, proposedLprReference } from "@/lib/lpr/rates";
import { listConfigChanges } from "@/lib/audit/config-queries";
import { refusal } from "../support/outcome";
import { db } from "../support/db";
import { ensureReferenceData, staffActor } from "../support/factories";

// The LPR reference table: the published history is base data; administrators add rates (a day
// already there, or a rate outside 0–2000 bp, refused with nothing changed); the bank's approval
// is offered the one-year rate in force on its day. New rows here lie far in the future, so the
// other files sharing this database keep today's rate.

let admin: StaffActor;

const snapshot = async () => ({ rates: await db.lprRate.count(), audits: await db.auditEvent.count({ where: { action: "lpr.rate_added" } }) });

describe("LPR reference table", () => {
  beforeAll(async () => {
    await ensureReferenceData();
    admin = await staffActor("admin@center.demo");
  }, 120_000);

  it("holds the published history: the rate in force on a day is the latest on or before it", async () => {
    expect(await lprInForce("ONE_YEAR", "2019-08-19")).toBeNull();
    expect(await lprInForce("ONE_YEAR", "2019-08-20")).toEqual({ tenor: "ONE_YEAR", rateBp: 425, effectiveFrom: "2019-08-20" });
    expect((await lprInForce("ONE_YEAR", "2021-06-30"))?.rateBp).toBe(385);
    expect((await lprInForce("ONE_YEAR", "2023-08-21"))?.rateBp).toBe(345);
    expect((await lprInForce("FIVE_YEAR", "2023-08-21"))?.rateBp).toBe(420);
    expect((await lprInForce("ONE_YEAR", "2025-12-31"))?.rateBp).toBe(300);
    expect((await lprInForce("FIVE_YEAR", "2025-12-31"))?.rateBp).toBe(350);
    // What the bank's approval form proposes, in the stored text's established form.
    expect(await proposedLprReference("2024-08-01")).toEqual({ rateBp: 335, effectiveFrom: "2024-07-22", reference: "一年期 LPR 3.35%" });
    expect(formatBp(310)).toBe("3.10%");
  });

  it("refuses a day already recorded and a rate outside 0–2000 bp, changing nothing", async () => {
    const before = await snapshot();
    expect(await refusal(() => addLprRate(admin, { tenor: "ONE_YEAR", effectiveFrom: "2025-05-20", rateBp: 300 }))).toEqual(["effectiveFrom:DAY_EXISTS"]);
    expect(await refusal(() => addLprRate(admin, { tenor: "FIVE_YEAR", effectiveFrom: "2997-01-20", rateBp: 2001 }))).toEqual(["ratePercent:RATE_RANGE"]);
    expect(await refusal(() => addLprRate(admin, { tenor: "FIVE_YEAR", effectiveFrom: "2997-01-20", rateBp: -1 }))).toEqual(["ratePercent:RATE_RANGE"]);
    expect(await refusal(() => addLprRate(admin, { tenor: "FIVE_YEAR", effectiveFrom: "2997-02-30", rateBp: 300 }))).toEqual(["effectiveFrom:DATE"]);
    expect(await snapshot()).toEqual(before);
  });

  it("is for administrators only", async () => {
    const before = await snapshot();
    for (const email of ["approver@center.demo", "officer@bank.demo", "auditor@center.demo"]) {
      await expect(addLprRate(await staffActor(email), { tenor: "ONE_YEAR", effectiveFrom: "2997-03-20", rateBp: 290 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("records a rate with its audit event, shown in the configuration audit view; the bounds are allowed", async () => {
    const { id } = await addLprRate(admin, { tenor: "ONE_YEAR", effectiveFrom: "2997-04-21", rateBp: 2000 });
    await addLprRate(admin, { tenor: "FIVE_YEAR", effectiveFrom: "2997-04-21", rateBp: 0 });
    expect((await lprInForce("ONE_YEAR", "2997-05-01"))?.rateBp).toBe(2000);
    const changes = await listConfigChanges(admin, { filters: { kind: "lpr" } });
    const row = changes.rows.find((r) => r.subject.endsWith(id.slice(0, 8)));
    expect(row).toMatchObject({ kind: "lpr", action: "lpr.rate_added", after: "rateBp: 2000; effectiveFrom: 2997-04-21" });
    expect(row?.before).toMatch(/^rateBp: \d+; effectiveFrom: \d{4}-\d{2}-\d{2}$/);
  });
});
