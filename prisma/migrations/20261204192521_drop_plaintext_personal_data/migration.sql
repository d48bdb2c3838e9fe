-- The plaintext columns go once the data step of 20261204192502_seal_personal_data
-- (lib/db/data-steps.ts) has sealed every value; a database migrated by other means stops here.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "User" WHERE "mobile" IS NOT NULL AND "mobileSealed" IS NULL)
    OR EXISTS (SELECT 1 FROM "User" WHERE "totpSecret" IS NOT NULL AND "totpSecretSealed" IS NULL)
    OR EXISTS (SELECT 1 FROM "ApplicantProfile" WHERE "idNumberSealed" IS NULL OR "mobileSealed" IS NULL)
    OR EXISTS (SELECT 1 FROM "Loan" WHERE "accountNo" IS NOT NULL AND "accountNoSealed" IS NULL) THEN
    RAISE EXCEPTION 'personal data is not sealed yet: migrate with this portal''s migrator (npm run db:migrate) and DATA_KEYS set';
  END IF;
END $$;

drop index if exists "public"."User_mobile_key";

alter table "public"."ApplicantProfile" drop column "idNumber";

alter table "public"."ApplicantProfile" drop column "mobile";

alter table "public"."ApplicantProfile" alter column "idNumberIndex" set not null;

alter table "public"."ApplicantProfile" alter column "idNumberSealed" set not null;

alter table "public"."ApplicantProfile" alter column "mobileSealed" set not null;

alter table "public"."Loan" drop column "accountNo";

alter table "public"."User" drop column "mobile";

alter table "public"."User" drop column "totpSecret";

CREATE INDEX "ApplicantProfile_idNumberIndex_idx" ON public."ApplicantProfile" USING btree ("idNumberIndex");
