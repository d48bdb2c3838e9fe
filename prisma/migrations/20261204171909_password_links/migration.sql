create type "public"."PasswordTokenPurpose" as enum ('SETUP', 'INVITATION', 'RESET');

create table "public"."PasswordToken" (
    "id" uuid not null,
    "userId" uuid not null,
    "tokenHash" text not null,
    "purpose" "PasswordTokenPurpose" not null,
    "expiresAt" timestamp(3) without time zone not null,
    "usedAt" timestamp(3) without time zone,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

CREATE UNIQUE INDEX "PasswordToken_pkey" ON public."PasswordToken" USING btree (id);

CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON public."PasswordToken" USING btree ("tokenHash");

CREATE INDEX "PasswordToken_userId_idx" ON public."PasswordToken" USING btree ("userId");

alter table "public"."PasswordToken" add constraint "PasswordToken_pkey" PRIMARY KEY using index "PasswordToken_pkey";

alter table "public"."PasswordToken" add constraint "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."PasswordToken" validate constraint "PasswordToken_userId_fkey";
