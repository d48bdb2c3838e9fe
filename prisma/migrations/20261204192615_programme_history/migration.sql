create table "public"."HistoricalSubsidyPayment" (
    "id" uuid not null,
    "importId" uuid not null,
    "loanId" uuid not null,
    "paidOn" date not null,
    "amountFen" bigint not null,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

create table "public"."HistoryImport" (
    "id" uuid not null,
    "fileName" text not null,
    "fileSha256" text not null,
    "lineCount" integer not null,
    "bankOrgId" uuid not null,
    "importedById" uuid not null,
    "organisationId" uuid not null,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

create table "public"."UnionFounding" (
    "id" uuid not null,
    "enterpriseId" uuid not null,
    "foundedOn" date not null,
    "memberCount" integer not null,
    "unionName" text not null,
    "recordedById" uuid,
    "organisationId" uuid,
    "historyImportId" uuid,
    "supersededAt" timestamp(3) without time zone,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

alter table "public"."Loan" add column "historical" boolean not null default false;

alter table "public"."Loan" add column "historyImportId" uuid;

alter table "public"."LoanApplication" add column "historical" boolean not null default false;

alter table "public"."LoanApplication" add column "historyImportId" uuid;

CREATE UNIQUE INDEX "HistoricalSubsidyPayment_loanId_paidOn_key" ON public."HistoricalSubsidyPayment" USING btree ("loanId", "paidOn");

CREATE INDEX "HistoricalSubsidyPayment_paidOn_idx" ON public."HistoricalSubsidyPayment" USING btree ("paidOn");

CREATE UNIQUE INDEX "HistoricalSubsidyPayment_pkey" ON public."HistoricalSubsidyPayment" USING btree (id);

CREATE UNIQUE INDEX "HistoryImport_fileSha256_key" ON public."HistoryImport" USING btree ("fileSha256");

CREATE UNIQUE INDEX "HistoryImport_pkey" ON public."HistoryImport" USING btree (id);

CREATE INDEX "UnionFounding_enterpriseId_idx" ON public."UnionFounding" USING btree ("enterpriseId");

CREATE INDEX "UnionFounding_foundedOn_idx" ON public."UnionFounding" USING btree ("foundedOn");

CREATE UNIQUE INDEX "UnionFounding_pkey" ON public."UnionFounding" USING btree (id);

alter table "public"."HistoricalSubsidyPayment" add constraint "HistoricalSubsidyPayment_pkey" PRIMARY KEY using index "HistoricalSubsidyPayment_pkey";

alter table "public"."HistoryImport" add constraint "HistoryImport_pkey" PRIMARY KEY using index "HistoryImport_pkey";

alter table "public"."UnionFounding" add constraint "UnionFounding_pkey" PRIMARY KEY using index "UnionFounding_pkey";

alter table "public"."HistoricalSubsidyPayment" add constraint "HistoricalSubsidyPayment_importId_fkey" FOREIGN KEY ("importId") REFERENCES "HistoryImport"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."HistoricalSubsidyPayment" validate constraint "HistoricalSubsidyPayment_importId_fkey";

alter table "public"."HistoricalSubsidyPayment" add constraint "HistoricalSubsidyPayment_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."HistoricalSubsidyPayment" validate constraint "HistoricalSubsidyPayment_loanId_fkey";

alter table "public"."Loan" add constraint "Loan_historyImportId_fkey" FOREIGN KEY ("historyImportId") REFERENCES "HistoryImport"(id) ON UPDATE CASCADE ON DELETE SET NULL not valid;

alter table "public"."Loan" validate constraint "Loan_historyImportId_fkey";

alter table "public"."LoanApplication" add constraint "LoanApplication_historyImportId_fkey" FOREIGN KEY ("historyImportId") REFERENCES "HistoryImport"(id) ON UPDATE CASCADE ON DELETE SET NULL not valid;

alter table "public"."LoanApplication" validate constraint "LoanApplication_historyImportId_fkey";

alter table "public"."UnionFounding" add constraint "UnionFounding_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"(id) ON UPDATE CASCADE ON DELETE CASCADE not valid;

alter table "public"."UnionFounding" validate constraint "UnionFounding_enterpriseId_fkey";

alter table "public"."UnionFounding" add constraint "UnionFounding_historyImportId_fkey" FOREIGN KEY ("historyImportId") REFERENCES "HistoryImport"(id) ON UPDATE CASCADE ON DELETE SET NULL not valid;

alter table "public"."UnionFounding" validate constraint "UnionFounding_historyImportId_fkey";

-- One current union founding per enterprise; a correction supersedes the record it replaces.
CREATE UNIQUE INDEX "UnionFounding_current_per_enterprise" ON "UnionFounding"("enterpriseId") WHERE "supersededAt" IS NULL;
