import { makeCreditCode } from "../../support/ids";
import { queryE2e } from "./db";
import { profileColumns } from "@/lib/personal-data/sealed";
import type { createApplicant } from "./factories";

type Applicant = Awaited<ReturnType<typeof createApplicant>>;

/**
 * A draft with a complete loan request and every document, made directly in the database; its
 * number is `SQ-E2E-<stamp>` and its enterprise's name ends with the stamp.
 */
export async function preparedDraft(applicant: Applicant, stamp: string, enterpriseName = "北京审核流程测试有限公司"): Promise<string> {
  const userId = applicant.userId;
  const [enterprise] = await queryE2e<{ id: string }>(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees,
       "annualRevenueFen", "hasUnion", "unionMemberCount", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, '周测试', '北京市海淀区测试路 9 号', '餐饮服务', '2020-05-01', 12, 300000000, true, 10, now())
     RETURNING id`,
    [userId, `${enterpriseName}${stamp}`, makeCreditCode()],
  );
  await queryE2e(
    `INSERT INTO "ApplicantProfile" (id, "userId", "fullName", "idNumberSealed", "idNumberIndex", "mobileSealed", "unionName", "memberCardNo", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, '海淀区总工会', $6, now())`,
    [userId, applicant.displayName, ...Object.values(profileColumns(applicant)), `GH-${stamp}`],
  );
  await queryE2e(
    `INSERT INTO "Consent" (id, "userId", kind, "wordingVersion") VALUES
       (gen_random_uuid(), $1, 'SENSITIVE_PERSONAL_INFO', 'PI-2024-1'), (gen_random_uuid(), $1, 'CREDIT_REPORT_AUTHORISATION', 'CR-2024-1')`,
    [userId],
  );
  const [app] = await queryE2e<{ id: string }>(
    `INSERT INTO "LoanApplication" (id, number, "applicantId", "enterpriseId", "categoryCode", "amountFen", "termMonths", purpose, "repaymentSource", "draftStep", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'SMALL_MICRO', 45000000, 24, '门店装修及设备购置', '餐饮经营收入', 3, now()) RETURNING id`,
    [`SQ-E2E-${stamp}`, userId, enterprise!.id],
  );
  const kinds = ["BUSINESS_LICENCE", "ID_CARD_FRONT", "ID_CARD_BACK", "UNION_PROOF", "FINANCIAL_STATEMENTS", "BANK_STATEMENTS", "CREDIT_AUTHORISATION", "LOAN_USE_PLAN"];
  for (const kind of kinds) {
    await queryE2e(
      `INSERT INTO "Document" (id, "applicationId", kind, version, "storageKey", "fileName", "mimeType", "sizeBytes", sha256, "uploadedById")
       VALUES (gen_random_uuid(), $1, $2, 1, $3, $4, 'application/pdf', 100, $5, $6)`,
      [app!.id, kind, `e2e/${app!.id}/${kind}`, `${kind}.pdf`, "0".repeat(64), userId],
    );
  }
  return app!.id;
}
