create table "public"."CategoryDocument" (
    "categoryCode" text not null,
    "kind" "ApplicationKind" not null,
    "documentKind" "DocumentKind" not null
      );

create table "public"."NumberingPattern" (
    "key" text not null,
    "pattern" text not null,
    "version" integer not null default 0,
    "updatedAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

alter table "public"."LoanApplication" add column "recommendationNo" text;

alter table "public"."LoanApplication" add column "requiredDocuments" "DocumentKind"[];

alter table "public"."LoanCategory" add column "version" integer not null default 0;

alter table "public"."TargetGroup" add column "version" integer not null default 0;

CREATE UNIQUE INDEX "CategoryDocument_pkey" ON public."CategoryDocument" USING btree ("categoryCode", kind, "documentKind");

CREATE UNIQUE INDEX "LoanApplication_recommendationNo_key" ON public."LoanApplication" USING btree ("recommendationNo");

CREATE UNIQUE INDEX "NumberingPattern_pkey" ON public."NumberingPattern" USING btree (key);

alter table "public"."CategoryDocument" add constraint "CategoryDocument_pkey" PRIMARY KEY using index "CategoryDocument_pkey";

alter table "public"."NumberingPattern" add constraint "NumberingPattern_pkey" PRIMARY KEY using index "NumberingPattern_pkey";

alter table "public"."CategoryDocument" add constraint "CategoryDocument_categoryCode_fkey" FOREIGN KEY ("categoryCode") REFERENCES "LoanCategory"(code) ON UPDATE CASCADE ON DELETE RESTRICT not valid;

alter table "public"."CategoryDocument" validate constraint "CategoryDocument_categoryCode_fkey";

-- Every existing category keeps the checklist the portal required until now, per kind.
insert into "CategoryDocument" ("categoryCode", "kind", "documentKind")
select c.code, d.kind::"ApplicationKind", d.doc::"DocumentKind"
from "LoanCategory" c
cross join (values
  ('NEW', 'BUSINESS_LICENCE'), ('NEW', 'ID_CARD_FRONT'), ('NEW', 'ID_CARD_BACK'), ('NEW', 'UNION_PROOF'),
  ('NEW', 'FINANCIAL_STATEMENTS'), ('NEW', 'BANK_STATEMENTS'), ('NEW', 'CREDIT_AUTHORISATION'), ('NEW', 'LOAN_USE_PLAN'),
  ('RENEWAL', 'UNION_PROOF'), ('RENEWAL', 'FINANCIAL_STATEMENTS'), ('RENEWAL', 'BANK_STATEMENTS'),
  ('RENEWAL', 'CREDIT_AUTHORISATION'), ('RENEWAL', 'LOAN_USE_PLAN')
) as d(kind, doc)
on conflict do nothing;

-- Cases already submitted keep the checklist they were submitted with.
update "LoanApplication" set "requiredDocuments" = case kind
  when 'NEW' then array['BUSINESS_LICENCE', 'ID_CARD_FRONT', 'ID_CARD_BACK', 'UNION_PROOF', 'FINANCIAL_STATEMENTS', 'BANK_STATEMENTS', 'CREDIT_AUTHORISATION', 'LOAN_USE_PLAN']::"DocumentKind"[]
  else array['UNION_PROOF', 'FINANCIAL_STATEMENTS', 'BANK_STATEMENTS', 'CREDIT_AUTHORISATION', 'LOAN_USE_PLAN']::"DocumentKind"[]
end
where status <> 'DRAFT';

-- Recommendation letters already issued keep the number they were printed with.
update "LoanApplication" a set "recommendationNo" = 'TJ-' || a.number
where exists (select 1 from "ReviewDecision" d where d."applicationId" = a.id and d.stage = 'CENTER' and d.action = 'CONFIRM');
