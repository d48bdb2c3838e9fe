create type "public"."ControlChangeKind" as enum ('POLICY_VERSION', 'GRANT_ADMIN');

create type "public"."ControlChangeStatus" as enum ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

create table "public"."ControlChange" (
    "id" uuid not null,
    "kind" "ControlChangeKind" not null,
    "status" "ControlChangeStatus" not null default 'PENDING'::"ControlChangeStatus",
    "payload" jsonb not null,
    "weakens" text[],
    "targetUserId" uuid,
    "proposedById" uuid not null,
    "proposedAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP,
    "decidedById" uuid,
    "decidedAt" timestamp(3) without time zone,
    "decisionNote" text,
    "resultId" uuid
      );

CREATE UNIQUE INDEX "ControlChange_pkey" ON public."ControlChange" USING btree (id);

CREATE INDEX "ControlChange_status_proposedAt_idx" ON public."ControlChange" USING btree (status, "proposedAt");

alter table "public"."ControlChange" add constraint "ControlChange_pkey" PRIMARY KEY using index "ControlChange_pkey";
