-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('SUPPORT_CENTER', 'GUARANTOR', 'BANK', 'DISTRICT_UNION');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('CENTER_REVIEWER', 'CENTER_APPROVER', 'GUARANTOR_OFFICER', 'BANK_OFFICER', 'DISTRICT_AGENT', 'PROGRAM_ADMIN', 'AUDITOR');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('SENSITIVE_PERSONAL_INFO', 'CREDIT_REPORT_AUTHORISATION');

-- CreateEnum
CREATE TYPE "ApplicationKind" AS ENUM ('NEW', 'RENEWAL');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'CENTER_REVIEW', 'GUARANTOR_REVIEW', 'BANK_REVIEW', 'CONTRACTING', 'ACTIVE', 'RETURNED', 'EXPIRED', 'REJECTED', 'WITHDRAWN', 'SETTLED', 'OVERDUE', 'COMPENSATED');

-- CreateEnum
CREATE TYPE "ReviewStage" AS ENUM ('CENTER', 'GUARANTOR', 'BANK', 'CONTRACTING');

-- CreateEnum
CREATE TYPE "DecisionAction" AS ENUM ('RECOMMEND', 'CONFIRM', 'APPROVE', 'RETURN', 'REJECT', 'SIGN', 'DISBURSE', 'REOPEN');

-- CreateEnum
CREATE TYPE "ExceptionType" AS ENUM ('INTEREST_DEFERRAL', 'RENEWAL_FAST_TRACK', 'EXTENSION');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('BUSINESS_LICENCE', 'ID_CARD_FRONT', 'ID_CARD_BACK', 'UNION_PROOF', 'FINANCIAL_STATEMENTS', 'BANK_STATEMENTS', 'CREDIT_AUTHORISATION', 'LOAN_USE_PLAN');

-- CreateEnum
CREATE TYPE "RepaymentMethod" AS ENUM ('INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'EQUAL_INSTALMENTS');

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('APPROVED', 'ACTIVE', 'OVERDUE', 'SETTLED', 'COMPENSATED');

-- CreateEnum
CREATE TYPE "SubsidyExclusion" AS ENUM ('OVERDUE', 'EXTENDED', 'UNION_STANDING', 'NOTHING_PAID');

-- CreateEnum
CREATE TYPE "BatchStatus" AS ENUM ('OPEN', 'VERIFIED', 'MAKER_APPROVED', 'APPROVED', 'PAID', 'RECONCILED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT,
    "mobile" TEXT,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "role" "StaffRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicantProfile" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "unionName" TEXT NOT NULL,
    "memberCardNo" TEXT NOT NULL,
    "targetGroupCode" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicantProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "wordingVersion" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedIp" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnIp" TEXT,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanCategory" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "LoanCategory_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "TargetGroup" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "TargetGroup_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "maxLoanFen" BIGINT NOT NULL,
    "maxTermMonths" INTEGER NOT NULL,
    "subsidyRatioBp" INTEGER NOT NULL,
    "guaranteeFeeFen" BIGINT NOT NULL DEFAULT 0,
    "reviewFeeFen" BIGINT NOT NULL DEFAULT 0,
    "coolingDays" INTEGER NOT NULL,
    "centerReviewDays" INTEGER NOT NULL,
    "guarantorReviewDays" INTEGER NOT NULL,
    "bankReviewDays" INTEGER NOT NULL,
    "disbursementDays" INTEGER NOT NULL,
    "returnAnswerDays" INTEGER NOT NULL,
    "greenChannelDays" INTEGER NOT NULL,
    "recommendNeedsChecker" BOOLEAN NOT NULL DEFAULT true,
    "documentQuotaBytes" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" UUID NOT NULL,
    "representativeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "legalRepName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "foundedOn" DATE NOT NULL,
    "employees" INTEGER NOT NULL,
    "annualRevenueFen" BIGINT NOT NULL,
    "hasUnion" BOOLEAN NOT NULL,
    "unionMemberCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnionStanding" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "evidence" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnionStanding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanApplication" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "ApplicationKind" NOT NULL DEFAULT 'NEW',
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "applicantId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "previousLoanId" UUID,
    "intakeOrgId" UUID,
    "guarantorOrgId" UUID,
    "bankOrgId" UUID,
    "policyVersionId" UUID,
    "categoryCode" TEXT,
    "amountFen" BIGINT,
    "termMonths" INTEGER,
    "purpose" TEXT,
    "repaymentSource" TEXT,
    "draftStep" INTEGER NOT NULL DEFAULT 0,
    "greenChannel" BOOLEAN NOT NULL DEFAULT false,
    "returnedFrom" "ApplicationStatus",
    "returnDueAt" TIMESTAMP(3),
    "stageEnteredAt" TIMESTAMP(3),
    "stageDueAt" TIMESTAMP(3),
    "assigneeId" UUID,
    "pendingRecommendationById" UUID,
    "submissionKey" TEXT,
    "submittedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoanApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "stage" "ReviewStage" NOT NULL,
    "action" "DecisionAction" NOT NULL,
    "fromStatus" "ApplicationStatus" NOT NULL,
    "toStatus" "ApplicationStatus" NOT NULL,
    "actorId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "comment" TEXT NOT NULL,
    "reasonCode" TEXT,
    "missingItems" JSONB,
    "checklist" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyException" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "applicationId" UUID,
    "type" "ExceptionType" NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "approverId" UUID NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresOn" DATE NOT NULL,

    CONSTRAINT "PolicyException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guarantee" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "contractNo" TEXT NOT NULL,
    "guaranteedFen" BIGINT NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "feeFen" BIGINT NOT NULL DEFAULT 0,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Guarantee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "contractNo" TEXT NOT NULL,
    "principalFen" BIGINT NOT NULL,
    "annualRateMicros" INTEGER NOT NULL,
    "lprReference" TEXT NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "repaymentMethod" "RepaymentMethod" NOT NULL,
    "status" "LoanStatus" NOT NULL DEFAULT 'APPROVED',
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" TIMESTAMP(3),
    "disbursedOn" DATE,
    "disbursedFen" BIGINT,
    "accountNo" TEXT,
    "maturityOn" DATE,
    "closedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Loan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementImport" (
    "id" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "importedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementLine" (
    "id" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "loanId" UUID NOT NULL,
    "batchId" UUID,
    "lineKey" TEXT NOT NULL,
    "lineVersion" INTEGER NOT NULL DEFAULT 1,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "balanceFen" BIGINT NOT NULL,
    "annualRateMicros" INTEGER NOT NULL,
    "interestDueFen" BIGINT NOT NULL,
    "interestPaidFen" BIGINT NOT NULL,
    "penaltyFen" BIGINT NOT NULL DEFAULT 0,
    "paidOn" DATE,
    "overdue" BOOLEAN NOT NULL,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "subsidyFen" BIGINT NOT NULL,
    "excludedReason" "SubsidyExclusion",
    "unionEvidence" JSONB,
    "query" TEXT,
    "queryAnswer" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubsidyBatch" (
    "id" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "status" "BatchStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 0,
    "totalFen" BIGINT NOT NULL DEFAULT 0,
    "makerId" UUID,
    "checkerId" UUID,
    "paidOn" DATE,
    "payerAccount" TEXT,
    "paymentRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubsidyBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubsidyBudget" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubsidyBudget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "organisationId" UUID,
    "applicationId" UUID,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "applicationId" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_mobile_key" ON "User"("mobile");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_code_key" ON "Organisation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_key" ON "Membership"("userId");

-- CreateIndex
CREATE INDEX "Membership_organisationId_role_idx" ON "Membership"("organisationId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicantProfile_userId_key" ON "ApplicantProfile"("userId");

-- CreateIndex
CREATE INDEX "Consent_userId_kind_idx" ON "Consent"("userId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_version_key" ON "PolicyVersion"("version");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE INDEX "Enterprise_representativeId_idx" ON "Enterprise"("representativeId");

-- CreateIndex
CREATE INDEX "UnionStanding_enterpriseId_idx" ON "UnionStanding"("enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "LoanApplication_number_key" ON "LoanApplication"("number");

-- CreateIndex
CREATE UNIQUE INDEX "LoanApplication_submissionKey_key" ON "LoanApplication"("submissionKey");

-- CreateIndex
CREATE INDEX "LoanApplication_status_greenChannel_stageDueAt_id_idx" ON "LoanApplication"("status", "greenChannel" DESC, "stageDueAt", "id");

-- CreateIndex
CREATE INDEX "LoanApplication_guarantorOrgId_status_idx" ON "LoanApplication"("guarantorOrgId", "status");

-- CreateIndex
CREATE INDEX "LoanApplication_bankOrgId_status_idx" ON "LoanApplication"("bankOrgId", "status");

-- CreateIndex
CREATE INDEX "LoanApplication_assigneeId_status_idx" ON "LoanApplication"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "LoanApplication_applicantId_idx" ON "LoanApplication"("applicantId");

-- CreateIndex
CREATE INDEX "LoanApplication_enterpriseId_status_idx" ON "LoanApplication"("enterpriseId", "status");

-- CreateIndex
CREATE INDEX "ReviewDecision_applicationId_createdAt_idx" ON "ReviewDecision"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "PolicyException_enterpriseId_idx" ON "PolicyException"("enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "Document_applicationId_kind_version_key" ON "Document"("applicationId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Guarantee_applicationId_key" ON "Guarantee"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Guarantee_contractNo_key" ON "Guarantee"("contractNo");

-- CreateIndex
CREATE UNIQUE INDEX "Loan_applicationId_key" ON "Loan"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Loan_contractNo_key" ON "Loan"("contractNo");

-- CreateIndex
CREATE INDEX "Loan_enterpriseId_idx" ON "Loan"("enterpriseId");

-- CreateIndex
CREATE INDEX "Loan_bankOrgId_status_idx" ON "Loan"("bankOrgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "StatementImport_bankOrgId_fileSha256_key" ON "StatementImport"("bankOrgId", "fileSha256");

-- CreateIndex
CREATE INDEX "StatementLine_batchId_idx" ON "StatementLine"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "StatementLine_loanId_lineKey_lineVersion_key" ON "StatementLine"("loanId", "lineKey", "lineVersion");

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyBatch_paymentRef_key" ON "SubsidyBatch"("paymentRef");

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyBatch_bankOrgId_quarter_key" ON "SubsidyBatch"("bankOrgId", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyBudget_year_key" ON "SubsidyBudget"("year");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_applicationId_id_idx" ON "AuditEvent"("applicationId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantProfile" ADD CONSTRAINT "ApplicantProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantProfile" ADD CONSTRAINT "ApplicantProfile_targetGroupCode_fkey" FOREIGN KEY ("targetGroupCode") REFERENCES "TargetGroup"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnionStanding" ADD CONSTRAINT "UnionStanding_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanApplication" ADD CONSTRAINT "LoanApplication_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanApplication" ADD CONSTRAINT "LoanApplication_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanApplication" ADD CONSTRAINT "LoanApplication_previousLoanId_fkey" FOREIGN KEY ("previousLoanId") REFERENCES "Loan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanApplication" ADD CONSTRAINT "LoanApplication_intakeOrgId_fkey" FOREIGN KEY ("intakeOrgId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanApplication" ADD CONSTRAINT "LoanApplication_guarantorOrgId_fkey" FOREIGN KEY ("guarantorOrgId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanApplication" ADD CONSTRAINT "LoanApplication_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanApplication" ADD CONSTRAINT "LoanApplication_policyVersionId_fkey" FOREIGN KEY ("policyVersionId") REFERENCES "PolicyVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanApplication" ADD CONSTRAINT "LoanApplication_categoryCode_fkey" FOREIGN KEY ("categoryCode") REFERENCES "LoanCategory"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LoanApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyException" ADD CONSTRAINT "PolicyException_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyException" ADD CONSTRAINT "PolicyException_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LoanApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LoanApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guarantee" ADD CONSTRAINT "Guarantee_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LoanApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LoanApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementImport" ADD CONSTRAINT "StatementImport_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_importId_fkey" FOREIGN KEY ("importId") REFERENCES "StatementImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "SubsidyBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyBatch" ADD CONSTRAINT "SubsidyBatch_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
