create type "public"."ExceptionStatus" as enum ('PENDING', 'APPROVED', 'REFUSED');

alter type "public"."ExceptionType" rename to "ExceptionType__old_version_to_be_dropped";

create type "public"."ExceptionType" as enum ('INTEREST_DEFERRAL', 'RENEWAL_FAST_TRACK', 'EXTENSION', 'HIGHER_CAP', 'LONGER_TERM', 'COOLING_WAIVED', 'DOCUMENT_WAIVED');

alter table "public"."PolicyException" alter column type type "public"."ExceptionType" using type::text::"public"."ExceptionType";

drop type "public"."ExceptionType__old_version_to_be_dropped";

-- Written by hand: the recorder becomes the requester and the approver the decider, so the rows
-- recorded before keep who did what. They were recorded as approved: they stay approved.
alter table "public"."PolicyException" rename column "createdById" to "requestedById";

alter table "public"."PolicyException" rename column "approverId" to "decidedById";

alter table "public"."PolicyException" alter column "decidedById" drop not null;

alter table "public"."PolicyException" rename column "approvedAt" to "decidedAt";

alter table "public"."PolicyException" alter column "decidedAt" drop default;

alter table "public"."PolicyException" alter column "decidedAt" drop not null;

alter table "public"."PolicyException" add column "requestedAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP;

update "public"."PolicyException" set "requestedAt" = "decidedAt";

alter table "public"."PolicyException" add column "decisionComment" text;

alter table "public"."PolicyException" add column "documentKind" "DocumentKind";

alter table "public"."PolicyException" add column "status" "ExceptionStatus" not null default 'PENDING'::"ExceptionStatus";

update "public"."PolicyException" set "status" = 'APPROVED';

alter table "public"."PolicyException" add column "valueFen" bigint;

alter table "public"."PolicyException" add column "valueMonths" integer;

alter table "public"."PolicyException" add column "version" integer not null default 0;

alter table "public"."PolicyVersion" add column "exceptionMaxLoanFen" bigint not null default 100000000;

alter table "public"."PolicyVersion" add column "exceptionMaxTermMonths" integer not null default 48;

alter table "public"."PolicyVersion" add column "maxExposurePerPersonFen" bigint not null default 150000000;

alter table "public"."PolicyVersion" add column "maxOpenCasesPerPerson" integer not null default 3;

CREATE INDEX "PolicyException_applicationId_idx" ON public."PolicyException" USING btree ("applicationId");

CREATE INDEX "PolicyException_status_type_requestedAt_idx" ON public."PolicyException" USING btree (status, type, "requestedAt");

-- Written by hand from here on: Prisma's schema language has no partial indexes or triggers.
-- One pending request per case and type: a second one waits for the first to be decided.
CREATE UNIQUE INDEX "PolicyException_pending_per_type" ON public."PolicyException" ("applicationId", type) WHERE status = 'PENDING';

-- The credit chain now accepts the case's approved, unexpired higher cap (一企一策), never above
-- the ceiling the pinned policy allows any exception to reach. "Unexpired": the expiry day, in
-- Beijing, has not passed.
CREATE OR REPLACE FUNCTION credit_chain_check() RETURNS trigger AS $$
DECLARE
  app_id uuid;
  requested bigint;
  cap bigint;
  ceiling bigint;
  raised bigint;
  guaranteed bigint;
BEGIN
  IF TG_TABLE_NAME = 'LoanApplication' THEN
    app_id := NEW.id;
    requested := NEW."amountFen";
    SELECT p."maxLoanFen", p."exceptionMaxLoanFen" INTO cap, ceiling FROM "PolicyVersion" p WHERE p.id = NEW."policyVersionId";
  ELSE
    app_id := NEW."applicationId";
    SELECT a."amountFen", p."maxLoanFen", p."exceptionMaxLoanFen" INTO requested, cap, ceiling
      FROM "LoanApplication" a LEFT JOIN "PolicyVersion" p ON p.id = a."policyVersionId" WHERE a.id = app_id;
  END IF;
  IF cap IS NOT NULL THEN
    SELECT max(e."valueFen") INTO raised FROM "PolicyException" e
      WHERE e."applicationId" = app_id AND e.type = 'HIGHER_CAP' AND e.status = 'APPROVED'
        AND e."expiresOn" >= (now() AT TIME ZONE 'Asia/Shanghai')::date;
    IF raised IS NOT NULL THEN cap := greatest(cap, least(raised, ceiling)); END IF;
  END IF;
  IF TG_TABLE_NAME = 'Guarantee' THEN
    IF NEW."voidedAt" IS NOT NULL THEN RETURN NEW; END IF;
    guaranteed := NEW."guaranteedFen";
  ELSE
    SELECT g."guaranteedFen" INTO guaranteed FROM "Guarantee" g WHERE g."applicationId" = app_id AND g."voidedAt" IS NULL;
  END IF;

  IF requested IS NOT NULL AND cap IS NOT NULL AND requested > cap THEN
    RAISE EXCEPTION 'credit chain: amount requested % above the policy cap %', requested, cap USING ERRCODE = 'check_violation';
  END IF;
  IF guaranteed IS NOT NULL AND requested IS NOT NULL AND guaranteed > requested THEN
    RAISE EXCEPTION 'credit chain: guaranteed % above the amount requested %', guaranteed, requested USING ERRCODE = 'check_violation';
  END IF;
  IF TG_TABLE_NAME = 'Loan' THEN
    IF guaranteed IS NOT NULL AND NEW."principalFen" > guaranteed THEN
      RAISE EXCEPTION 'credit chain: principal % above the guaranteed %', NEW."principalFen", guaranteed USING ERRCODE = 'check_violation';
    END IF;
    IF requested IS NOT NULL AND NEW."principalFen" > requested THEN
      RAISE EXCEPTION 'credit chain: principal % above the amount requested %', NEW."principalFen", requested USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
