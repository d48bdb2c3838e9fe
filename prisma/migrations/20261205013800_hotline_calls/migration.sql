-- The centre's 12351 hotline desk: its operators log calls (who, topic, outcome, follow-up) and
-- start draft applications for callers, which carry the intake channel HOTLINE.
ALTER TYPE "StaffRole" ADD VALUE 'HOTLINE_OPERATOR' AFTER 'DISTRICT_AGENT';
ALTER TYPE "IntakeChannel" ADD VALUE 'HOTLINE';

create type "public"."HotlineOutcome" as enum ('ANSWERED', 'CALL_BACK', 'APPLICATION_STARTED', 'REFERRED_TO_DISTRICT');
create type "public"."HotlineTopic" as enum ('ELIGIBILITY', 'HOW_TO_APPLY', 'CASE_STATUS', 'REPAYMENT_SUBSIDY', 'COMPLAINT', 'OTHER');
create table "public"."HotlineCall" (
    "id" uuid not null,
    "callerName" text not null,
    "callerMobileSealed" text not null,
    "callerMobileIndex" text not null,
    "topic" "HotlineTopic" not null,
    "outcome" "HotlineOutcome" not null,
    "followUpOn" date,
    "followUpDoneAt" timestamp(3) without time zone,
    "notes" text not null default ''::text,
    "operatorId" uuid not null,
    "applicationId" uuid,
    "version" integer not null default 0,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );
CREATE UNIQUE INDEX "HotlineCall_applicationId_key" ON public."HotlineCall" USING btree ("applicationId");
CREATE INDEX "HotlineCall_callerMobileIndex_idx" ON public."HotlineCall" USING btree ("callerMobileIndex");
CREATE INDEX "HotlineCall_createdAt_id_idx" ON public."HotlineCall" USING btree ("createdAt", id);
CREATE INDEX "HotlineCall_followUpOn_idx" ON public."HotlineCall" USING btree ("followUpOn");
CREATE UNIQUE INDEX "HotlineCall_pkey" ON public."HotlineCall" USING btree (id);
alter table "public"."HotlineCall" add constraint "HotlineCall_pkey" PRIMARY KEY using index "HotlineCall_pkey";
alter table "public"."HotlineCall" add constraint "HotlineCall_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "LoanApplication"(id) ON UPDATE CASCADE ON DELETE SET NULL not valid;
alter table "public"."HotlineCall" validate constraint "HotlineCall_applicationId_fkey";
alter table "public"."HotlineCall" add constraint "HotlineCall_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;
alter table "public"."HotlineCall" validate constraint "HotlineCall_operatorId_fkey";
