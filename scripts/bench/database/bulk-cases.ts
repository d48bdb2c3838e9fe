// Generated cases on top of the demo data, written by PostgreSQL itself: one INSERT … SELECT over
// generate_series per table (no row crosses the network, as with COPY, and no Prisma per row).
// Growing from `have` to `target` adds only the new rows, so one database serves every size.
import type pg from "pg";

/** Cases per generated applicant; each applicant has one enterprise. */
const CASES_PER_APPLICANT = 4;

// Of every 20 cases: 6 in the centre's review, 3 at the guarantor, 3 at the bank, 2 drafts
// (one taken in at the district union's desk), 6 closed (rejected or withdrawn).
const STATUS_OF = `CASE
  WHEN g % 20 < 6 THEN 'CENTER_REVIEW'
  WHEN g % 20 < 9 THEN 'GUARANTOR_REVIEW'
  WHEN g % 20 < 12 THEN 'BANK_REVIEW'
  WHEN g % 20 < 14 THEN 'DRAFT'
  WHEN g % 20 < 17 THEN 'REJECTED'
  ELSE 'WITHDRAWN' END::"ApplicationStatus"`;

const inReview = `g % 20 < 12`;
const userId = (g: string) => `md5('bench-applicant-' || ${g})::uuid`;
const enterpriseId = (g: string) => `md5('bench-enterprise-' || ${g})::uuid`;

async function organisationId(client: pg.Client, code: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = $1`, [code]);
  if (!rows[0]) throw new Error(`no organisation ${code}: seed the demo data first`);
  return rows[0].id;
}

export async function addBulkCases(client: pg.Client, have: number, target: number): Promise<void> {
  if (target <= have) return;
  const guarantor = await organisationId(client, "SCDB");
  const bank = await organisationId(client, "BJRCB");
  const district = await organisationId(client, "CYQZGH");
  const applicants = [Math.ceil(have / CASES_PER_APPLICANT) + 1, Math.ceil(target / CASES_PER_APPLICANT)];
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "User" (id, "passwordHash", "displayName")
     SELECT ${userId("g")}, '!', '申请人' || g FROM generate_series($1::int, $2::int) AS g`,
    applicants,
  );
  await client.query(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn",
       employees, "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     SELECT ${enterpriseId("g")}, ${userId("g")}, '压测企业' || g || '有限公司', 'BENCH' || lpad(g::text, 13, '0'), '法人' || g,
       '北京市朝阳区测试路' || g || '号', '信息技术', date '2015-01-01' + (g % 3000), 5 + g % 40, 100000000 + (g % 97) * 1000000,
       g % 3 = 0, g % 30, now()
     FROM generate_series($1::int, $2::int) AS g`,
    applicants,
  );
  await client.query(
    `INSERT INTO "LoanApplication" (id, number, status, "applicantId", "enterpriseId", "intakeOrgId", "intakeChannel",
       "guarantorOrgId", "bankOrgId", "amountFen", "termMonths", purpose, "greenChannel", "stageEnteredAt", "stageDueAt",
       "submittedAt", "closedAt", "updatedAt")
     SELECT gen_random_uuid(), 'BENCH-' || lpad(g::text, 7, '0'), ${STATUS_OF},
       ${userId(`((g + ${CASES_PER_APPLICANT - 1}) / ${CASES_PER_APPLICANT})`)}, ${enterpriseId(`((g + ${CASES_PER_APPLICANT - 1}) / ${CASES_PER_APPLICANT})`)},
       CASE WHEN g % 20 = 12 THEN $3::uuid END, (CASE WHEN g % 20 = 12 THEN 'DISTRICT_UNION' ELSE 'ONLINE' END)::"IntakeChannel",
       CASE WHEN g % 20 BETWEEN 6 AND 11 THEN $4::uuid END, CASE WHEN g % 20 BETWEEN 9 AND 11 THEN $5::uuid END,
       (10 + g % 40) * 1000000, 12 + 12 * (g % 3), '经营周转', g % 17 = 0,
       CASE WHEN ${inReview} THEN now() - (g % 10) * interval '1 day' END,
       -- Deadlines from 30 days past to 30 days ahead, scattered so the keyset order is not the insert order.
       CASE WHEN ${inReview} THEN now() + ((g::bigint * 7919) % 86400 - 43200) * interval '1 minute' END,
       CASE WHEN g % 20 NOT IN (12, 13) THEN now() - (g % 365) * interval '1 day' END,
       CASE WHEN g % 20 >= 14 THEN now() - (g % 300) * interval '1 day' END,
       now() - (g % 1000) * interval '1 minute'
     FROM generate_series($1::int, $2::int) AS g`,
    [have + 1, target, district, guarantor, bank],
  );
  await client.query("COMMIT");
  await client.query(`ANALYZE "User", "Enterprise", "LoanApplication"`);
}
