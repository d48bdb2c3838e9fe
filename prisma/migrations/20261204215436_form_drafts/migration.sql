create type "public"."DraftForm" as enum ('PROFILE', 'ENTERPRISE', 'LOAN_REQUEST');

create table "public"."FormDraft" (
    "id" uuid not null,
    "userId" uuid not null,
    "form" "DraftForm" not null,
    "recordKey" text not null,
    "fieldsSealed" text not null,
    "updatedAt" timestamp(3) without time zone not null
      );

CREATE UNIQUE INDEX "FormDraft_pkey" ON public."FormDraft" USING btree (id);

CREATE UNIQUE INDEX "FormDraft_userId_form_recordKey_key" ON public."FormDraft" USING btree ("userId", form, "recordKey");

alter table "public"."FormDraft" add constraint "FormDraft_pkey" PRIMARY KEY using index "FormDraft_pkey";

alter table "public"."FormDraft" add constraint "FormDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"(id) ON UPDATE CASCADE ON DELETE CASCADE not valid;

alter table "public"."FormDraft" validate constraint "FormDraft_userId_fkey";
