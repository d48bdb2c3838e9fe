import { randomInt } from "node:crypto";
import { makeIdNumber, makeMobile } from "../../support/ids";
import { createPrismaClient } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { appendAudit } from "@/lib/audit/record";
import { e2eDatabase } from "./database";
import { queryE2e } from "./db";
import { userMobileColumns } from "@/lib/personal-data/sealed";

export type ApplicantFields = { displayName: string; mobile: string; password: string; idNumber: string };

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛", "明", "超", "华"];

/** Fresh, valid registration data: a mobile nobody has yet, a name, a strong password. */
export function applicantFields(): ApplicantFields {
  const name = `${SURNAMES[randomInt(SURNAMES.length)]}${GIVEN[randomInt(GIVEN.length)]}${GIVEN[randomInt(GIVEN.length)]}`;
  return {
    displayName: name,
    mobile: makeMobile(),
    password: `Ncd${randomInt(1_000_000)}pass`,
    idNumber: makeIdNumber(),
  };
}

/**
 * Creates an applicant account directly in the test database (as registration would, with its
 * audit event), for tests that need a fresh account but do not test registration.
 */
export async function createApplicant(fields: ApplicantFields = applicantFields()): Promise<ApplicantFields & { userId: string }> {
  const { prisma } = createPrismaClient({ url: e2eDatabase().url });
  try {
    const passwordHash = await hashPassword(fields.password);
    const userId = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { displayName: fields.displayName, ...userMobileColumns(fields.mobile), passwordHash },
        select: { id: true },
      });
      await appendAudit(tx, { actorId: user.id, entityType: "User", entityId: user.id, action: "user.registered", data: {} });
      return user.id;
    });
    return { ...fields, userId };
  } finally {
    await prisma.$disconnect();
  }
}

/** A support-centre staff account; without a password none works (tests set one through a link, or never sign it in). */
export async function createCentreStaff(email: string, displayName: string, role: "CENTER_REVIEWER" | "AUDITOR" | "PROGRAM_ADMIN", password?: string): Promise<void> {
  await queryE2e(
    `WITH u AS (INSERT INTO "User" (id, email, "displayName", "passwordHash") VALUES (gen_random_uuid(), $1, $2, $4) RETURNING id)
     INSERT INTO "Membership" (id, "userId", "organisationId", role) SELECT gen_random_uuid(), u.id, o.id, $3::"StaffRole" FROM u, "Organisation" o WHERE o.code = 'BJZGHZ'`,
    [email, displayName, role, password ? await hashPassword(password) : "unknown"],
  );
}
