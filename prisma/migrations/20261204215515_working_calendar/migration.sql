create type "public"."CalendarDayKind" as enum ('HOLIDAY', 'WORKDAY');

alter table "public"."Holiday" add column "kind" "CalendarDayKind" not null default 'HOLIDAY'::"CalendarDayKind";

alter table "public"."Holiday" add column "version" integer not null default 0;
