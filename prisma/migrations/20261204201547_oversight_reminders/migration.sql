create table "public"."SentReminder" (
    "id" uuid not null,
    "kind" text not null,
    "subjectKey" text not null,
    "applicationId" uuid,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

alter table "public"."Notification" add column "code" text;

alter table "public"."Notification" add column "params" jsonb;

alter table "public"."Notification" alter column "body" set default ''::text;

alter table "public"."Notification" alter column "title" set default ''::text;

CREATE INDEX "Notification_userId_readAt_idx" ON public."Notification" USING btree ("userId", "readAt");

CREATE INDEX "SentReminder_applicationId_idx" ON public."SentReminder" USING btree ("applicationId");

CREATE UNIQUE INDEX "SentReminder_kind_subjectKey_key" ON public."SentReminder" USING btree (kind, "subjectKey");

CREATE UNIQUE INDEX "SentReminder_pkey" ON public."SentReminder" USING btree (id);

alter table "public"."SentReminder" add constraint "SentReminder_pkey" PRIMARY KEY using index "SentReminder_pkey";
