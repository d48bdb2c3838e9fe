create table "public"."StoredObject" (
    "key" text not null,
    "bytes" bytea not null,
    "sizeBytes" integer not null,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

CREATE UNIQUE INDEX "StoredObject_pkey" ON public."StoredObject" USING btree (key);

alter table "public"."StoredObject" add constraint "StoredObject_pkey" PRIMARY KEY using index "StoredObject_pkey";
