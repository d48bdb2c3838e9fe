create type "public"."SnapshotReason" as enum ('SUBMITTED', 'RESUBMITTED');

create table "public"."CaseSnapshot" (
    "id" uuid not null,
    "applicationId" uuid not null,
    "sequence" integer not null,
    "reason" "SnapshotReason" not null,
    "takenAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP,
    "payloadSealed" text not null
      );

CREATE UNIQUE INDEX "CaseSnapshot_applicationId_sequence_key" ON public."CaseSnapshot" USING btree ("applicationId", sequence);

CREATE UNIQUE INDEX "CaseSnapshot_pkey" ON public."CaseSnapshot" USING btree (id);

alter table "public"."CaseSnapshot" add constraint "CaseSnapshot_pkey" PRIMARY KEY using index "CaseSnapshot_pkey";

alter table "public"."CaseSnapshot" add constraint "CaseSnapshot_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LoanApplication"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."CaseSnapshot" validate constraint "CaseSnapshot_applicationId_fkey";
