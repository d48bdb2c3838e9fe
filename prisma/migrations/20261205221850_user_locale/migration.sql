alter table "public"."User" add column "locale" text not null default 'zh-CN'::text;
