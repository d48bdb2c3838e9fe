create table "public"."RecoveryCode" (
    "id" uuid not null,
    "userId" uuid not null,
    "codeHash" text not null,
    "usedAt" timestamp(3) without time zone,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

alter table "public"."User" add column "totpEnabledAt" timestamp(3) without time zone;

alter table "public"."User" add column "totpLastStep" integer;

alter table "public"."User" add column "totpSecret" text;

CREATE UNIQUE INDEX "RecoveryCode_pkey" ON public."RecoveryCode" USING btree (id);

CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON public."RecoveryCode" USING btree ("userId", "codeHash");

alter table "public"."RecoveryCode" add constraint "RecoveryCode_pkey" PRIMARY KEY using index "RecoveryCode_pkey";

alter table "public"."RecoveryCode" add constraint "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE CASCADE not valid;

alter table "public"."RecoveryCode" validate constraint "RecoveryCode_userId_fkey";
