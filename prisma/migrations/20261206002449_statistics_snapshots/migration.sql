create table "public"."StatisticsSnapshot" (
    "key" text not null,
    "body" text not null,
    "auditMark" bigint not null,
    "computedAt" timestamp(3) without time zone not null,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

CREATE UNIQUE INDEX "StatisticsSnapshot_pkey" ON public."StatisticsSnapshot" USING btree (key);

alter table "public"."StatisticsSnapshot" add constraint "StatisticsSnapshot_pkey" PRIMARY KEY using index "StatisticsSnapshot_pkey";
