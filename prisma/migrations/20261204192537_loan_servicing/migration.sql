alter type "public"."SubsidyExclusion" add value 'COMPENSATED';

create table "public"."LoanCompensation" (
    "id" uuid not null,
    "loanId" uuid not null,
    "amountFen" bigint not null,
    "paidOn" date not null,
    "recordedById" uuid not null,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

create table "public"."LoanOverdue" (
    "id" uuid not null,
    "loanId" uuid not null,
    "principalFen" bigint not null,
    "interestFen" bigint not null,
    "firstMissedOn" date not null,
    "reportedById" uuid not null,
    "curedOn" date,
    "curedById" uuid,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

create table "public"."LoanRecovery" (
    "id" uuid not null,
    "loanId" uuid not null,
    "amountFen" bigint not null,
    "recoveredOn" date not null,
    "reference" text not null,
    "recordedById" uuid not null,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

create table "public"."LoanRepayment" (
    "id" uuid not null,
    "loanId" uuid not null,
    "principalFen" bigint not null,
    "interestFen" bigint not null,
    "paidOn" date not null,
    "reference" text not null,
    "recordedById" uuid not null,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

CREATE UNIQUE INDEX "LoanCompensation_loanId_key" ON public."LoanCompensation" USING btree ("loanId");

CREATE UNIQUE INDEX "LoanCompensation_pkey" ON public."LoanCompensation" USING btree (id);

CREATE INDEX "LoanOverdue_loanId_curedOn_idx" ON public."LoanOverdue" USING btree ("loanId", "curedOn");

CREATE UNIQUE INDEX "LoanOverdue_pkey" ON public."LoanOverdue" USING btree (id);

CREATE INDEX "LoanRecovery_loanId_recoveredOn_idx" ON public."LoanRecovery" USING btree ("loanId", "recoveredOn");

CREATE UNIQUE INDEX "LoanRecovery_loanId_reference_key" ON public."LoanRecovery" USING btree ("loanId", reference);

CREATE UNIQUE INDEX "LoanRecovery_pkey" ON public."LoanRecovery" USING btree (id);

CREATE INDEX "LoanRepayment_loanId_paidOn_idx" ON public."LoanRepayment" USING btree ("loanId", "paidOn");

CREATE UNIQUE INDEX "LoanRepayment_loanId_reference_key" ON public."LoanRepayment" USING btree ("loanId", reference);

CREATE UNIQUE INDEX "LoanRepayment_pkey" ON public."LoanRepayment" USING btree (id);

alter table "public"."LoanCompensation" add constraint "LoanCompensation_pkey" PRIMARY KEY using index "LoanCompensation_pkey";

alter table "public"."LoanOverdue" add constraint "LoanOverdue_pkey" PRIMARY KEY using index "LoanOverdue_pkey";

alter table "public"."LoanRecovery" add constraint "LoanRecovery_pkey" PRIMARY KEY using index "LoanRecovery_pkey";

alter table "public"."LoanRepayment" add constraint "LoanRepayment_pkey" PRIMARY KEY using index "LoanRepayment_pkey";

alter table "public"."LoanCompensation" add constraint "LoanCompensation_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."LoanCompensation" validate constraint "LoanCompensation_loanId_fkey";

alter table "public"."LoanOverdue" add constraint "LoanOverdue_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."LoanOverdue" validate constraint "LoanOverdue_loanId_fkey";

alter table "public"."LoanRecovery" add constraint "LoanRecovery_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."LoanRecovery" validate constraint "LoanRecovery_loanId_fkey";

alter table "public"."LoanRepayment" add constraint "LoanRepayment_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"(id) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."LoanRepayment" validate constraint "LoanRepayment_loanId_fkey";
