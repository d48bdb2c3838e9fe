create table "public"."SignInThrottle" (
    "key" text not null,
    "windowStart" timestamp(3) without time zone not null,
    "failures" integer not null
      );

CREATE UNIQUE INDEX "SignInThrottle_pkey" ON public."SignInThrottle" USING btree (key);

alter table "public"."SignInThrottle" add constraint "SignInThrottle_pkey" PRIMARY KEY using index "SignInThrottle_pkey";
