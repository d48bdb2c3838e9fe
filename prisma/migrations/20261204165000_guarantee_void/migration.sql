drop index if exists "public"."Guarantee_applicationId_key";

alter table "public"."Guarantee" add column "voidedAt" timestamp(3) without time zone;

CREATE INDEX "Guarantee_applicationId_idx" ON public."Guarantee" USING btree ("applicationId");

-- Written by hand from here on: Prisma's schema language has no partial indexes or triggers.
-- One standing guarantee per case; voided ones stay on record beside it.
CREATE UNIQUE INDEX "Guarantee_standing_per_application" ON public."Guarantee" ("applicationId") WHERE "voidedAt" IS NULL;

-- The credit chain a loan stands on, held by the database whatever the code does:
-- bank principal <= the standing guarantee <= the amount requested <= the cap of the policy the
-- case is pinned to. (Each link is checked where it is known: no policy pinned, no cap yet.)
CREATE FUNCTION credit_chain_check() RETURNS trigger AS $$
DECLARE
  app_id uuid;
  requested bigint;
  cap bigint;
  guaranteed bigint;
BEGIN
  IF TG_TABLE_NAME = 'LoanApplication' THEN
    app_id := NEW.id;
    requested := NEW."amountFen";
    SELECT p."maxLoanFen" INTO cap FROM "PolicyVersion" p WHERE p.id = NEW."policyVersionId";
  ELSE
    app_id := NEW."applicationId";
    SELECT a."amountFen", p."maxLoanFen" INTO requested, cap
      FROM "LoanApplication" a LEFT JOIN "PolicyVersion" p ON p.id = a."policyVersionId" WHERE a.id = app_id;
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

CREATE TRIGGER credit_chain_application
  BEFORE INSERT OR UPDATE OF "amountFen", "policyVersionId" ON "LoanApplication"
  FOR EACH ROW EXECUTE FUNCTION credit_chain_check();

CREATE TRIGGER credit_chain_guarantee
  BEFORE INSERT OR UPDATE OF "guaranteedFen", "voidedAt" ON "Guarantee"
  FOR EACH ROW EXECUTE FUNCTION credit_chain_check();

CREATE TRIGGER credit_chain_loan
  BEFORE INSERT OR UPDATE OF "principalFen" ON "Loan"
  FOR EACH ROW EXECUTE FUNCTION credit_chain_check();
