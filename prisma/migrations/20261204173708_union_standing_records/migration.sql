alter table "public"."UnionStanding" add column "memberCardNo" text;

alter table "public"."UnionStanding" add column "organisationId" uuid;

alter table "public"."UnionStanding" add column "recordedById" uuid;

alter table "public"."UnionStanding" add column "supersededAt" timestamp(3) without time zone;

alter table "public"."UnionStanding" add column "unionName" text not null default ''::text;
