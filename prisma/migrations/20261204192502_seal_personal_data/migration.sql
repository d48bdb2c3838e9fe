alter table "public"."ApplicantProfile" add column "idNumberIndex" text;

alter table "public"."ApplicantProfile" add column "idNumberSealed" text;

alter table "public"."ApplicantProfile" add column "mobileSealed" text;

alter table "public"."ApplicantProfile" alter column "idNumber" drop not null;

alter table "public"."ApplicantProfile" alter column "mobile" drop not null;

alter table "public"."Loan" add column "accountNoSealed" text;

alter table "public"."User" add column "mobileIndex" text;

alter table "public"."User" add column "mobileSealed" text;

alter table "public"."User" add column "totpSecretSealed" text;

CREATE UNIQUE INDEX "User_mobileIndex_key" ON public."User" USING btree ("mobileIndex");
