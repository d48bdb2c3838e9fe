import { describe, expect } from "vitest";
import { itOnPostgres } from "../support/db";
import { scratchDatabases } from "../support/scratch-databases";

// Statement lines stored before a period could be paid in several payments carried the key
// "contract|start|end". The migration gives every version of a line its first version's payment
// day, so a correction chain stays one line and a resent file is still recognised.
describe("upgrading statement line keys", () => {
  const databases = scratchDatabases();

  itOnPostgres("every version keeps one key, named by its first version's payment day; an unpaid line gets '-'", async () => {
    const { sql, upgrade } = await databases.before("ncd_line_keys", "_statement_line_payment_key");
    try {
      const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await sql.query<T>(text, params))[0]!;
      const bank = await one<{ id: string }>(`INSERT INTO "Organisation" (id, code, type, "nameZh", "nameEn") VALUES (gen_random_uuid(), 'BK-UP', 'BANK', '测试银行', 'Test bank') RETURNING id`);
      const user = await one<{ id: string }>(`INSERT INTO "User" (id, "passwordHash", "displayName") VALUES (gen_random_uuid(), 'x', '旧数据') RETURNING id`);
      const firm = await one<{ id: string }>(
        `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "updatedAt")
         VALUES (gen_random_uuid(), $1, '旧企业', '91110000000000001X', '旧数据', '北京', '服务', '2019-01-01', 3, 100, true, now()) RETURNING id`, [user.id]);
      const app = await one<{ id: string }>(
        `INSERT INTO "LoanApplication" (id, number, "applicantId", "enterpriseId", status, "updatedAt") VALUES (gen_random_uuid(), 'OLD-1', $1, $2, 'ACTIVE', now()) RETURNING id`, [user.id, firm.id]);
      const loan = await one<{ id: string }>(
        `INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "annualRateMicros", "lprReference", "termMonths", "repaymentMethod", status)
         VALUES (gen_random_uuid(), $1, $2, $3, 'HT-OLD', 50000000, 38500, 'LPR', 12, 'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'ACTIVE') RETURNING id`, [app.id, firm.id, bank.id]);
      const imp = await one<{ id: string }>(
        `INSERT INTO "StatementImport" (id, "bankOrgId", "fileName", "fileSha256", "lineCount", "importedById") VALUES (gen_random_uuid(), $1, 'old.csv', 'sha', 3, $2) RETURNING id`, [bank.id, user.id]);
      const line = (key: string, version: number, current: boolean, start: string, end: string, paidOn: string | null) => sql.query(
        `INSERT INTO "StatementLine" (id, "importId", "loanId", "lineKey", "lineVersion", current, "periodStart", "periodEnd", "balanceFen", "annualRateMicros",
           "interestDueFen", "interestPaidFen", "paidOn", overdue, "subsidyFen")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 50000000, 38500, 100, 100, $8, false, 100)`,
        [imp.id, loan.id, key, version, current, start, end, paidOn]);
      await line("HT-OLD|2025-06-10|2025-09-20", 1, false, "2025-06-10", "2025-09-20", "2025-09-21");
      // Its correction moved the payment day: the line keeps its first key.
      await line("HT-OLD|2025-06-10|2025-09-20", 2, true, "2025-06-10", "2025-09-20", "2025-09-23");
      await line("HT-OLD|2025-09-21|2025-12-20", 1, true, "2025-09-21", "2025-12-20", null);

      await upgrade();
      const keys = await sql.query<{ lineKey: string; lineVersion: number }>(`SELECT "lineKey", "lineVersion" FROM "StatementLine" ORDER BY "periodStart", "lineVersion"`);
      expect(keys).toEqual([
        { lineKey: "HT-OLD|2025-06-10|2025-09-20|2025-09-21", lineVersion: 1 },
        { lineKey: "HT-OLD|2025-06-10|2025-09-20|2025-09-21", lineVersion: 2 },
        { lineKey: "HT-OLD|2025-09-21|2025-12-20|-", lineVersion: 1 },
      ]);
    } finally {
      await sql.close();
    }
  }, 120_000);
});
