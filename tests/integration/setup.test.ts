import { describe, expect } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { APPLICANTS, STAFF } from "@/lib/demo/reference-data";
import { itOnPostgres } from "../support/db";
import { runScript, scratchDatabases } from "../support/scratch-databases";
import { mobileLookup } from "@/lib/personal-data/sealed";
import { DEFAULT_CHECKLISTS, HOLIDAYS, LPR_HISTORY, WORKING_WEEKENDS } from "@/lib/setup/programme-defaults";

// `npm run setup` as an installer runs it, on an empty PostgreSQL database: migrations, the
// programme's base, the first administrator with a one-time link, and nothing of the demo.

const setup = (url: string, args: string[], extra: Record<string, string> = {}) =>
  runScript("scripts/setup.ts", url, args, { PUBLIC_ORIGIN: undefined, ...extra });
const linkIn = (out: string) => /https?:\/\/\S+\/set-password\?token=([A-Za-z0-9_-]+)/.exec(out);

describe("npm run setup", () => {
  const databases = scratchDatabases();

  itOnPostgres("sets up an empty database with the base and one administrator, nothing of the demo, and runs again safely", async () => {
    const target = await databases.empty("ncd_setup");
    const args = ["--admin-email", "Admin@Union.Example", "--admin-name", "刘管理", "--public-url", "https://portal.example"];
    const first = setup(target.url, args);
    expect(first.status, first.stderr).toBe(0);
    const link = linkIn(first.stdout);
    expect(link?.[0]).toMatch(/^https:\/\/portal\.example\/set-password\?token=/);

    const { prisma } = createPrismaClient({ url: target.url });
    try {
      const users = await prisma.user.findMany({ include: { membership: { include: { organisation: true } } } });
      expect(users.map((u) => [u.email, u.membership?.role, u.membership?.organisation.type])).toEqual([["admin@union.example", "PROGRAM_ADMIN", "SUPPORT_CENTER"]]);
      expect(await prisma.user.count({ where: { OR: [{ email: { in: STAFF.map((s) => s.email) } }, { mobileIndex: { in: APPLICANTS.map((a) => mobileLookup(a.mobile).mobileIndex) } }] } })).toBe(0);
      expect(await prisma.organisation.count()).toBe(1);
      expect(await prisma.loanCategory.count()).toBe(2);
      expect(await prisma.targetGroup.count()).toBe(7);
      // Each base category's document checklists, and the numbering patterns (lib/reference).
      expect(await prisma.categoryDocument.count()).toBe(2 * (DEFAULT_CHECKLISTS.NEW.length + DEFAULT_CHECKLISTS.RENEWAL.length));
      expect((await prisma.numberingPattern.findMany({ orderBy: { key: "asc" } })).map((p) => [p.key, p.pattern])).toEqual([
        ["APPLICATION", "SQ-{YYYY}-{SEQ:4}"], ["RECOMMENDATION_LETTER", "TJ-{APP}"],
      ]);
      expect(await prisma.policyVersion.count()).toBe(1);
      // The consent wordings the first consents name, and the published LPR history.
      expect((await prisma.consentWording.findMany({ orderBy: { version: "asc" } })).map((w) => w.version)).toEqual(["CR-2024-1", "PI-2024-1"]);
      expect(await prisma.lprRate.count()).toBe(LPR_HISTORY.flatMap(([, one, five]) => [one, five]).filter((r) => r !== null).length);
      // The working calendar, through the calendar's own service: one audit event per year.
      expect(await prisma.holiday.count({ where: { kind: "HOLIDAY" } })).toBe(HOLIDAYS.length);
      expect(await prisma.holiday.count({ where: { kind: "WORKDAY" } })).toBe(WORKING_WEEKENDS.length);
      expect(await prisma.auditEvent.count({ where: { action: "calendar.days_added", entityId: "2026" } })).toBe(1);
      for (const table of [prisma.loanApplication, prisma.loan, prisma.enterprise, prisma.subsidyBatch, prisma.statementLine] as unknown as { count(): Promise<number> }[]) {
        expect(await table.count()).toBe(0);
      }
      // Only the token's hash is stored.
      const tokens = await prisma.passwordToken.findMany();
      expect(tokens).toHaveLength(1);
      expect(tokens[0]!.tokenHash).not.toContain(link![1]);

      // Again, before the administrator used the link: a fresh link, the first one spent.
      const again = setup(target.url, args);
      expect(again.status, again.stderr).toBe(0);
      expect(linkIn(again.stdout)?.[1]).not.toBe(link![1]);
      expect(await prisma.user.count()).toBe(1);
      expect(await prisma.passwordToken.count({ where: { usedAt: null } })).toBe(1);

      // Once an administrator has signed in, setup makes no more of them.
      await prisma.user.updateMany({ data: { lastSignInAt: new Date() } });
      const late = setup(target.url, ["--admin-email", "other@union.example", "--admin-name", "王其他"]);
      expect(late.status).toBe(1);
      expect(late.stderr).toContain("already has an administrator");
      expect(await prisma.user.count()).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  }, 180_000);

  itOnPostgres("refuses bad input and a database that holds the demo, and says why", async () => {
    const target = await databases.empty("ncd_setup_bad");
    const missing = setup(target.url, ["--admin-name", "刘管理"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("--admin-email must be an e-mail address");
    const keyless = setup(target.url, ["--admin-email", "admin@union.example", "--admin-name", "刘管理"], { DATA_KEYS: "", BLIND_INDEX_KEY: "" });
    expect(keyless.status).toBe(1);
    expect(keyless.stderr).toContain("DATA_KEYS must be set");
    const weak = setup(target.url, ["--admin-email", "admin@union.example", "--admin-name", "刘管理"], { DATA_KEYS: "k1:c2hvcnQ=" });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("each key must be 32 random bytes");

    const seed = runScript("scripts/db/migrate.ts", target.url);
    expect(seed.status, seed.stderr).toBe(0);
    const demo = runScript("scripts/seed.ts", target.url);
    expect(demo.status, demo.stderr).toBe(0);
    const refused = setup(target.url, ["--admin-email", "admin@union.example", "--admin-name", "刘管理"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("holds the demo accounts");
  }, 180_000);
});
