import { describe, expect, it } from "vitest";
import { configChangeActors, configChangesCsv, listConfigChanges, type ConfigChangeRow } from "@/lib/audit/config-queries";
import { createOrganisation, updateOrganisation } from "@/lib/organisations/services/manage-organisation";
import { changeRole, setAccountDisabled } from "@/lib/organisations/services/account-access";
import { setSubsidyBudget } from "@/lib/subsidies/services/set-budget";
import { changeCalendar } from "@/lib/calendar/services/change-calendar";
import { beijingToday } from "@/lib/calendar/beijing";
import { outcome } from "../support/outcome";
import { db, uniqueSuffix } from "../support/db";
import { createStaff, staffActor } from "../support/factories";

// The configuration audit view reads the audit log: every configuration change with who, when,
// before and after; filtered, keyset-paged and exported. Auditors and administrators only.

const YEAR = Number(beijingToday().slice(0, 4)) + 1;

async function all(actor: Awaited<ReturnType<typeof staffActor>>, filters: Parameters<typeof listConfigChanges>[1]["filters"], pageSize = 3) {
  const rows: ConfigChangeRow[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i += 1) {
    const page = await listConfigChanges(actor, { filters, cursor, pageSize });
    rows.push(...page.rows);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return rows;
}

describe("the configuration audit view", () => {
  it("shows each change with who, when, before and after, filtered and paged; the auditor reads, a reviewer cannot", async () => {
    const [admin, auditor, reviewer] = await Promise.all([staffActor("admin@center.demo"), staffActor("auditor@center.demo"), staffActor("reviewer@center.demo")]);
    const other = await createStaff("BJZGHZ", "PROGRAM_ADMIN");
    const code = `T${uniqueSuffix().slice(-6).toUpperCase()}`;
    const { id: orgId } = await createOrganisation(admin, { code, type: "BANK", nameZh: "=测试银行", nameEn: "Test Bank" });
    await updateOrganisation(admin, { organisationId: orgId, version: 0, names: { nameZh: "测试银行二", nameEn: "Test Bank 2" } });
    const formulaCode = `F${uniqueSuffix().slice(-6).toUpperCase()}`;
    await createOrganisation(admin, { code: formulaCode, type: "GUARANTOR", nameZh: "=HYPERLINK(\"http://x\")", nameEn: "Formula" });
    const officer = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    await changeRole(other, officer.userId, "CENTER_APPROVER");
    await setAccountDisabled(admin, officer.userId, true);
    await setSubsidyBudget(admin, { year: YEAR, amountFen: 12_300n });
    const day = `${YEAR}-11-11`;
    await changeCalendar(other, YEAR, { op: "add", days: [{ line: 0, day, kind: "HOLIDAY", name: "测试日" }], source: "form" });
    try {
      const since = { from: beijingToday() };
      const rows = await all(auditor, since);
      const ids = rows.map((r) => BigInt(r.id));
      expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1))); // newest first
      expect(new Set(ids).size).toBe(ids.length); // no row twice across pages

      const find = (action: string, subject: string) => rows.find((r) => r.action === action && r.subject.includes(subject));
      expect(find("organisation.renamed", code)).toMatchObject({ kind: "organisation", actorName: expect.stringContaining("admin@center.demo"),
        before: expect.stringContaining("nameZh: =测试银行"), after: expect.stringContaining("nameZh: 测试银行二") });
      const { email } = await db.user.findUniqueOrThrow({ where: { id: officer.userId }, select: { email: true } });
      expect(find("user.role_changed", email!)).toMatchObject({ kind: "staff", before: "role: CENTER_REVIEWER", after: "role: CENTER_APPROVER" });
      expect(find("user.disabled", email!)).toMatchObject({ before: "disabled: false", after: "disabled: true" });
      expect(rows.find((r) => r.action === "subsidy.budget_set" && r.after === "amountFen: 12300")).toBeDefined();
      expect(find("calendar.days_added", String(YEAR))).toMatchObject({ kind: "calendar", before: "", after: `day: ${day}; kind: HOLIDAY; name: 测试日`, movedCases: 0 });
      // Not configuration: a case's steps, a document opened.
      expect(rows.every((r) => !r.action.startsWith("application.") && r.action !== "document.opened")).toBe(true);

      // Filters: kind, person, dates.
      const calendarRows = await all(auditor, { ...since, kind: "calendar" });
      expect(calendarRows.length).toBeGreaterThan(0);
      expect(calendarRows.every((r) => r.kind === "calendar")).toBe(true);
      const byOther = await all(auditor, { ...since, actorId: other.userId });
      expect(byOther.map((r) => r.action).sort()).toEqual(["calendar.days_added", "user.role_changed"]);
      expect((await configChangeActors(auditor)).map((p) => p.id)).toContain(other.userId);
      expect(await all(auditor, { from: `${YEAR + 1}-01-01` })).toEqual([]);

      // The administrator reads it too; a reviewer does not exist here.
      expect((await listConfigChanges(admin, { filters: since })).rows.length).toBeGreaterThan(0);
      expect(await outcome(listConfigChanges(reviewer, { filters: {} }))).toBe("NOT_FOUND");
      expect(await outcome(configChangesCsv(reviewer, {}, ["h"]))).toBe("NOT_FOUND");

      // The CSV holds the same rows; a cell a spreadsheet would evaluate is neutralised.
      const csv = await configChangesCsv(auditor, { ...since, kind: "organisation" }, ["at", "kind", "action", "actor", "subject", "before", "after", "moved"]);
      const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toBe("at,kind,action,actor,subject,before,after,moved");
      expect(lines.length - 1).toBe((await all(auditor, { ...since, kind: "organisation" })).length);
      const created = lines.find((l) => l.includes("organisation.created") && l.includes(code))!;
      expect(created).toContain("nameZh: =测试银行");
      const formula = lines.find((l) => l.includes("organisation.created") && l.includes(formulaCode))!;
      expect(formula).toContain(`"'=HYPERLINK(""http://x"") (${formulaCode})"`);
    } finally {
      await db.holiday.deleteMany({ where: { day: new Date(`${day}T00:00:00Z`) } });
    }
  });
});
