create type "public"."IntakeChannel" as enum ('ONLINE', 'DISTRICT_UNION');

alter type "public"."PasswordTokenPurpose" rename to "PasswordTokenPurpose__old_version_to_be_dropped";

create type "public"."PasswordTokenPurpose" as enum ('SETUP', 'INVITATION', 'RESET', 'CLAIM');

alter table "public"."PasswordToken" alter column purpose type "public"."PasswordTokenPurpose" using purpose::text::"public"."PasswordTokenPurpose";

drop type "public"."PasswordTokenPurpose__old_version_to_be_dropped";

alter table "public"."LoanApplication" add column "intakeAgentId" uuid;

alter table "public"."LoanApplication" add column "intakeChannel" "IntakeChannel" not null default 'ONLINE'::"IntakeChannel";

CREATE INDEX "LoanApplication_intakeOrgId_status_idx" ON public."LoanApplication" USING btree ("intakeOrgId", status);

alter table "public"."LoanApplication" add constraint "LoanApplication_intakeAgentId_fkey" FOREIGN KEY ("intakeAgentId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE SET NULL not valid;

alter table "public"."LoanApplication" validate constraint "LoanApplication_intakeAgentId_fkey";

-- Cases a district union took in before the channel was recorded.
update "public"."LoanApplication" set "intakeChannel" = 'DISTRICT_UNION' where "intakeOrgId" is not null;
