import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { connectPostgres } from "@/lib/db/sql-executor";
import { APPLICANTS } from "@/lib/demo/reference-data";
import { readKeyring } from "@/lib/personal-data/keys";
import { SEALED_COLUMNS } from "@/lib/personal-data/columns";
import { blindIndex, mobileLookup, sealedKeyId, unseal } from "@/lib/personal-data/sealed";
import { itOnPostgres } from "../support/db";
import { runScript, scratchDatabases } from "../support/scratch-databases";
import { makeIdNumber, makeMobile } from "../support/ids";

// ID numbers, mobile numbers, bank accounts and two-factor secrets exist in the database only
// sealed: a dump shows none of them, an installation that stored them in plain text is sealed by
// its next migration, and the keys can be rotated without losing a value.

const DEMO_ACCOUNT = "6228480018888880001";

describe("personal data at rest", () => {
  const databases = scratchDatabases();

  itOnPostgres("a dump of a seeded database holds no plain ID number, mobile number or bank account", async () => {
    const { url } = await databases.seeded("ncd_pii_dump");
    const dump = spawnSync("pg_dump", ["--no-owner", "--dbname", url], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    expect(dump.status, dump.stderr).toBe(0);
    // The demo data holds each of them (the dump would show them were they stored plain).
    expect(dump.stdout).toContain('"idNumberSealed"');
    expect(dump.stdout.length).toBeGreaterThan(50_000);
    for (const a of APPLICANTS) {
      expect(dump.stdout).not.toContain(a.idNumber);
      expect(dump.stdout).not.toContain(a.mobile);
    }
    expect(dump.stdout).not.toContain(DEMO_ACCOUNT);

    // …and the portal still reads them: the demo applicant is found by mobile, the account opens.
    const { prisma } = createPrismaClient({ url });
    try {
      const user = await prisma.user.findUniqueOrThrow({ where: mobileLookup(APPLICANTS[0].mobile), include: { profile: true } });
      expect(unseal(user.profile!.idNumberSealed, "ApplicantProfile.idNumber")).toBe(APPLICANTS[0].idNumber);
      const loan = await prisma.loan.findFirstOrThrow({ where: { accountNoSealed: { not: null } } });
      expect(unseal(loan.accountNoSealed!, "Loan.accountNo")).toBe(DEMO_ACCOUNT);
    } finally {
      await prisma.$disconnect();
    }
  }, 180_000);

  itOnPostgres("an installation that stored them in plain text has them sealed by the migration, nothing lost", async () => {
    const { sql, upgrade } = await databases.before("ncd_pii_upgrade", "_seal_personal_data");
    try {
      const mobile = makeMobile();
      const idNumber = makeIdNumber();
      const [user] = await sql.query<{ id: string }>(
        `INSERT INTO "User" (id, mobile, "passwordHash", "displayName", "totpSecret") VALUES (gen_random_uuid(), $1, 'x', '旧数据', 'JBSWY3DPEHPK3PXP') RETURNING id`,
        [mobile],
      );
      await sql.query(
        `INSERT INTO "ApplicantProfile" (id, "userId", "fullName", "idNumber", mobile, "unionName", "memberCardNo", "updatedAt")
         VALUES (gen_random_uuid(), $1, '旧数据', $2, $3, '某工会', 'GH-1', now())`,
        [user!.id, idNumber, mobile],
      );
      await upgrade();

      const columns = await sql.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND (table_name, column_name) IN (('User', 'mobile'), ('User', 'totpSecret'), ('ApplicantProfile', 'idNumber'), ('ApplicantProfile', 'mobile'), ('Loan', 'accountNo'))`,
      );
      expect(columns).toEqual([]);
      const [row] = await sql.query<{ mobileSealed: string; mobileIndex: string; totpSecretSealed: string; idNumberSealed: string; idNumberIndex: string; profileMobile: string }>(
        `SELECT u."mobileSealed", u."mobileIndex", u."totpSecretSealed", p."idNumberSealed", p."idNumberIndex", p."mobileSealed" AS "profileMobile"
         FROM "User" u JOIN "ApplicantProfile" p ON p."userId" = u.id WHERE u.id = $1`,
        [user!.id],
      );
      expect(unseal(row!.mobileSealed, "User.mobile")).toBe(mobile);
      expect(row!.mobileIndex).toBe(mobileLookup(mobile).mobileIndex);
      expect(unseal(row!.totpSecretSealed, "User.totpSecret")).toBe("JBSWY3DPEHPK3PXP");
      expect(unseal(row!.idNumberSealed, "ApplicantProfile.idNumber")).toBe(idNumber);
      expect(row!.idNumberIndex).toBe(blindIndex(idNumber, "ApplicantProfile.idNumber"));
      expect(unseal(row!.profileMobile, "ApplicantProfile.mobile")).toBe(mobile);
    } finally {
      await sql.close();
    }
  }, 180_000);

  itOnPostgres("rotation re-seals every value under the new key; the old key can then go", async () => {
    const { url } = await databases.seeded("ncd_pii_rotate");
    const fresh = `r2:${randomBytes(32).toString("base64")}`;
    const freshBlind = randomBytes(32).toString("base64");
    const run = (keys: string, blind: string, args: string[]) =>
      runScript("scripts/data-keys.ts", url, args, { DATA_KEYS: keys, BLIND_INDEX_KEY: blind });

    expect(run(fresh, freshBlind, []).status).toBe(2);
    const rotated = run(`${fresh},${process.env.DATA_KEYS}`, freshBlind, ["rotate", "--reindex"]);
    expect(rotated.status, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('sealing under key "r2"');
    expect(rotated.stdout).toMatch(/User\.mobileSealed: [1-9]\d* re-sealed, [1-9]\d* re-indexed/);

    const onlyFresh = readKeyring({ NODE_ENV: "production", DATA_KEYS: fresh, BLIND_INDEX_KEY: freshBlind });
    const sql = await connectPostgres(url);
    try {
      for (const c of SEALED_COLUMNS) {
        const rows = await sql.query<{ sealed: string }>(`SELECT "${c.column}" AS sealed FROM "${c.table}" WHERE "${c.column}" IS NOT NULL`);
        for (const r of rows) {
          expect(sealedKeyId(r.sealed)).toBe("r2");
          expect(() => unseal(r.sealed, c.field, onlyFresh)).not.toThrow();
        }
      }
      const [demo] = await sql.query<{ mobileIndex: string; mobileSealed: string }>(`SELECT "mobileIndex", "mobileSealed" FROM "User" WHERE "mobileIndex" = $1`, [
        blindIndex(APPLICANTS[0].mobile, "User.mobile", onlyFresh),
      ]);
      expect(unseal(demo!.mobileSealed, "User.mobile", onlyFresh)).toBe(APPLICANTS[0].mobile);
    } finally {
      await sql.close();
    }
    // A second run finds nothing left to do.
    const again = run(fresh, freshBlind, ["rotate"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).not.toMatch(/[1-9]\d* re-sealed/);
  }, 180_000);
});
