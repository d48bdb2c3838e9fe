alter table "public"."Organisation" add column "disabledAt" timestamp(3) without time zone;

alter table "public"."Organisation" add column "version" integer not null default 0;
