create type "public"."DocumentReadingStatus" as enum ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

create table "public"."DocumentReading" (
    "id" uuid not null,
    "documentId" uuid not null,
    "status" "DocumentReadingStatus" not null default 'QUEUED'::"DocumentReadingStatus",
    "progress" integer not null default 0,
    "proposalsSealed" text,
    "failureCode" text,
    "attempts" integer not null default 0,
    "queuedAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP,
    "startedAt" timestamp(3) without time zone,
    "finishedAt" timestamp(3) without time zone,
    "durationMs" integer
      );

CREATE UNIQUE INDEX "DocumentReading_documentId_key" ON public."DocumentReading" USING btree ("documentId");

CREATE UNIQUE INDEX "DocumentReading_pkey" ON public."DocumentReading" USING btree (id);

CREATE INDEX "DocumentReading_status_queuedAt_idx" ON public."DocumentReading" USING btree (status, "queuedAt");

alter table "public"."DocumentReading" add constraint "DocumentReading_pkey" PRIMARY KEY using index "DocumentReading_pkey";

alter table "public"."DocumentReading" add constraint "DocumentReading_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"(id) ON UPDATE CASCADE ON DELETE CASCADE not valid;

alter table "public"."DocumentReading" validate constraint "DocumentReading_documentId_fkey";
