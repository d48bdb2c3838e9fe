import { describe, expect, it } from "vitest";
import { importRoster } from "@/lib/unions/services/import-roster";
import { ROSTER_COLUMNS } from "@/lib/unions/roster";
import { db } from "../support/db";
import { makeCreditCode } from "../support/ids";
import { createApplicant, createEnterprise, staffActor } from "../support/factories";
import { worded } from "../support/words";

// A union's membership roster: all or nothing, with one per-line report of every problem.

const csv = (rows: string[][]) => ({ bytes: new TextEncoder().encode([ROSTER_COLUMNS.join(","), ...rows.map((r) => r.join(","))].join("\n")) });

describe("membership roster import", () => {
  it("reports every bad line at once and stores nothing; the fixed file is imported whole; the same file again is refused", async () => {
    const agent = await staffActor("agent@district.demo");
    const owner = await createApplicant();
    const [a, b] = [await createEnterprise(owner), await createEnterprise(owner)];
    const bad = [
      [a.creditCode, "甲企业工会", "GH-A1", "2024-01-01", "2024-12-31"],
      [b.creditCode, "乙企业工会", "GH-B1", "2025-03-01", ""],
      [`${a.creditCode.slice(0, 17)}${a.creditCode.endsWith("0") ? "1" : "0"}`, "错码工会", "GH-X", "2024-01-01", ""],
      [makeCreditCode(), "不在平台", "GH-Y", "2024-01-01", ""],
      [a.creditCode, "甲企业工会", "GH-A2", "2024-06-01", ""],
      [b.creditCode, "乙企业工会", "GH-B2", "2099-01-01", ""],
      [b.creditCode, "乙企业工会", "GH B3", "2019-01-01", "2019-12-31"],
    ];
    const before = await db.unionStanding.count();
    const refused = await importRoster(agent, csv(bad), "2026-12-04");
    expect(refused.status).toBe("REJECTED");
    const lines = refused.status === "REJECTED" ? refused.problems.map((p) => p.line) : [];
    expect(lines).toEqual([4, 5, 6, 7, 8]);
    expect(await db.unionStanding.count()).toBe(before);

    const good = csv([bad[0]!, bad[1]!]);
    expect(await importRoster(agent, good, "2026-12-04")).toEqual({ status: "IMPORTED", added: 2 });
    const stored = await db.unionStanding.findMany({ where: { enterpriseId: { in: [a.id, b.id] } }, orderBy: { validFrom: "asc" } });
    expect(stored.map((s) => [s.unionName, s.memberCardNo, s.organisationId])).toEqual([["甲企业工会", "GH-A1", agent.organisationId], ["乙企业工会", "GH-B1", agent.organisationId]]);
    expect(await db.auditEvent.count({ where: { action: "union.standing_recorded", entityId: { in: stored.map((s) => s.id) }, data: { path: ["via"], equals: "roster" } } })).toBe(2);

    const again = await importRoster(agent, good, "2026-12-04");
    expect(again.status).toBe("REJECTED");
    expect(again.status === "REJECTED" && again.problems.every((p) => p.messages.some((m) => worded(m).includes("重叠")))).toBe(true);
    expect(await db.unionStanding.count({ where: { enterpriseId: { in: [a.id, b.id] } } })).toBe(2);
  });

  it("refuses a file without the template's header, and anyone who does not record standing", async () => {
    const agent = await staffActor("agent@district.demo");
    const noHeader = await importRoster(agent, { bytes: new TextEncoder().encode("a,b,c\n1,2,3") }, "2026-12-04");
    expect(noHeader).toMatchObject({ status: "REJECTED", problems: [{ messages: [expect.anything()] }] });
    expect(noHeader.status === "REJECTED" ? worded(noHeader.problems[0]!.messages[0]) : "").toContain("表头应为");
    await expect(importRoster(await staffActor("officer@bank.demo"), csv([]), "2026-12-04")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
