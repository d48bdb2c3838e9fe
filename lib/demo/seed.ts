import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { appendAudit } from "@/lib/audit/record";
import { APPLICANTS, DEMO_PASSWORD, ORGANISATIONS, STAFF } from "@/lib/demo/reference-data";
import { installBaseData } from "@/lib/setup/base-data";
import { seedDemoCases } from "@/lib/demo/seed-cases";
import { mobileLookup, profileColumns, userMobileColumns } from "@/lib/personal-data/sealed";
import { seedDemoFoundings } from "@/lib/demo/seed-foundings";
import { refreshStatistics } from "@/lib/stats/services/refresh-statistics";

/**
 * Loads the base every installation starts from (the same as `npm run setup`), then the demo's
 * partners, accounts and cases. Every record is keyed by a natural key
 * (organisation code, e-mail, mobile, credit code, application number) and only created when
 * missing, so running it again changes nothing.
 */
export async function seedDemo(db: PrismaClient, log: (line: string) => void = () => {}): Promise<void> {
  await installBaseData(db);
  for (const o of ORGANISATIONS) {
    await db.organisation.upsert({ where: { code: o.code }, create: o, update: {} });
  }
  // Demo budgets for the years the demo's subsidies were paid in and for this year.
  for (const [year, amountFen] of [[2019, 30_000_000n], [2020, 40_000_000n], [2021, 50_000_000n], [2022, 50_000_000n], [2026, 60_000_000n]] as const) {
    await db.subsidyBudget.upsert({ where: { year }, create: { year, amountFen }, update: {} });
  }

  const orgId = new Map((await db.organisation.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const s of STAFF) {
    const existing = await db.user.findUnique({ where: { email: s.email }, select: { id: true } });
    if (existing) continue;
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: s.email,
          displayName: s.displayName,
          passwordHash,
          membership: { create: { organisationId: orgId.get(s.org)!, role: s.role } },
        },
      });
      await appendAudit(tx, { actorId: null, entityType: "User", entityId: user.id, action: "user.created", data: { role: s.role } });
    });
    log(`staff ${s.email}`);
  }

  for (const a of APPLICANTS) {
    const existing = await db.user.findUnique({ where: mobileLookup(a.mobile), select: { id: true } });
    if (existing) continue;
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          ...userMobileColumns(a.mobile),
          email: a.email,
          displayName: a.displayName,
          passwordHash,
          profile: {
            create: {
              fullName: a.displayName,
              ...profileColumns(a),
              unionName: a.unionName,
              memberCardNo: a.memberCardNo,
              targetGroupCode: a.targetGroupCode,
            },
          },
          consents: {
            create: [
              { kind: "SENSITIVE_PERSONAL_INFO", wordingVersion: "PI-2024-1", grantedIp: "127.0.0.1" },
              { kind: "CREDIT_REPORT_AUTHORISATION", wordingVersion: "CR-2024-1", grantedIp: "127.0.0.1" },
            ],
          },
        },
      });
      await appendAudit(tx, { actorId: user.id, entityType: "User", entityId: user.id, action: "user.registered", data: {} });
    });
    log(`applicant ${a.mobile}`);
  }

  await seedDemoCases(db, log);
  await seedDemoFoundings(db);
  // The statistics pages' snapshot, by the job that keeps it current.
  await refreshStatistics(new Date(), db);
}
