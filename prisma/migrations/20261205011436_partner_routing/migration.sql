create type "public"."RoutingMode" as enum ('CHOSEN', 'DEFAULT', 'BY_DISTRICT');

create table "public"."DistrictRoute" (
    "partnerType" "OrganisationType" not null,
    "districtOrgId" uuid not null,
    "partnerOrgId" uuid not null,
    "updatedAt" timestamp(3) without time zone not null
      );

create table "public"."PartnerRouting" (
    "partnerType" "OrganisationType" not null,
    "mode" "RoutingMode" not null default 'CHOSEN'::"RoutingMode",
    "defaultOrgId" uuid,
    "version" integer not null default 0,
    "updatedAt" timestamp(3) without time zone not null
      );

CREATE INDEX "DistrictRoute_partnerOrgId_idx" ON public."DistrictRoute" USING btree ("partnerOrgId");

CREATE UNIQUE INDEX "DistrictRoute_pkey" ON public."DistrictRoute" USING btree ("partnerType", "districtOrgId");

CREATE UNIQUE INDEX "PartnerRouting_pkey" ON public."PartnerRouting" USING btree ("partnerType");

alter table "public"."DistrictRoute" add constraint "DistrictRoute_pkey" PRIMARY KEY using index "DistrictRoute_pkey";

alter table "public"."PartnerRouting" add constraint "PartnerRouting_pkey" PRIMARY KEY using index "PartnerRouting_pkey";

alter table "public"."DistrictRoute" add constraint "DistrictRoute_districtOrgId_fkey" FOREIGN KEY ("districtOrgId") REFERENCES "Organisation"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."DistrictRoute" validate constraint "DistrictRoute_districtOrgId_fkey";

alter table "public"."DistrictRoute" add constraint "DistrictRoute_partnerOrgId_fkey" FOREIGN KEY ("partnerOrgId") REFERENCES "Organisation"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."DistrictRoute" validate constraint "DistrictRoute_partnerOrgId_fkey";

alter table "public"."PartnerRouting" add constraint "PartnerRouting_defaultOrgId_fkey" FOREIGN KEY ("defaultOrgId") REFERENCES "Organisation"(id) ON UPDATE CASCADE ON DELETE SET NULL not valid;

alter table "public"."PartnerRouting" validate constraint "PartnerRouting_defaultOrgId_fkey";
