create type "public"."MobileCodePurpose" as enum ('REGISTER', 'RESET');

create table "public"."MobileCode" (
    "id" uuid not null,
    "purpose" "MobileCodePurpose" not null,
    "mobileIndex" text not null,
    "codeHash" text not null,
    "addressKey" text,
    "attempts" integer not null default 0,
    "expiresAt" timestamp(3) without time zone not null,
    "usedAt" timestamp(3) without time zone,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

create table "public"."OutboxSms" (
    "id" uuid not null,
    "toSealed" text not null,
    "bodySealed" text not null,
    "sentAt" timestamp(3) without time zone,
    "error" text,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

CREATE INDEX "MobileCode_addressKey_createdAt_idx" ON public."MobileCode" USING btree ("addressKey", "createdAt");

CREATE INDEX "MobileCode_mobileIndex_purpose_createdAt_idx" ON public."MobileCode" USING btree ("mobileIndex", purpose, "createdAt");

CREATE UNIQUE INDEX "MobileCode_pkey" ON public."MobileCode" USING btree (id);

CREATE UNIQUE INDEX "OutboxSms_pkey" ON public."OutboxSms" USING btree (id);

CREATE INDEX "OutboxSms_sentAt_createdAt_idx" ON public."OutboxSms" USING btree ("sentAt", "createdAt");

alter table "public"."MobileCode" add constraint "MobileCode_pkey" PRIMARY KEY using index "MobileCode_pkey";

alter table "public"."OutboxSms" add constraint "OutboxSms_pkey" PRIMARY KEY using index "OutboxSms_pkey";
