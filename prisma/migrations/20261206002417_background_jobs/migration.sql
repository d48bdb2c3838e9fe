create type "public"."BackgroundJobKind" as enum ('STATEMENT_IMPORT', 'BATCH_PDFS');

create type "public"."BackgroundJobStatus" as enum ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

create table "public"."BackgroundJob" (
    "id" uuid not null,
    "kind" "BackgroundJobKind" not null,
    "organisationId" uuid not null,
    "requestedById" uuid not null,
    "status" "BackgroundJobStatus" not null default 'QUEUED'::"BackgroundJobStatus",
    "input" jsonb not null,
    "doneCount" integer not null default 0,
    "totalCount" integer,
    "result" jsonb,
    "errorKey" text,
    "errorValues" jsonb,
    "attempts" integer not null default 0,
    "queuedAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP,
    "startedAt" timestamp(3) without time zone,
    "heartbeatAt" timestamp(3) without time zone,
    "finishedAt" timestamp(3) without time zone
      );

CREATE INDEX "BackgroundJob_organisationId_kind_queuedAt_idx" ON public."BackgroundJob" USING btree ("organisationId", kind, "queuedAt");

CREATE UNIQUE INDEX "BackgroundJob_pkey" ON public."BackgroundJob" USING btree (id);

CREATE INDEX "BackgroundJob_status_queuedAt_idx" ON public."BackgroundJob" USING btree (status, "queuedAt");

alter table "public"."BackgroundJob" add constraint "BackgroundJob_pkey" PRIMARY KEY using index "BackgroundJob_pkey";

alter table "public"."BackgroundJob" add constraint "BackgroundJob_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."BackgroundJob" validate constraint "BackgroundJob_organisationId_fkey";

alter table "public"."BackgroundJob" add constraint "BackgroundJob_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."BackgroundJob" validate constraint "BackgroundJob_requestedById_fkey";
