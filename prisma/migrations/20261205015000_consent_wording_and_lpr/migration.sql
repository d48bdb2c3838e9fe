create type "public"."LprTenor" as enum ('ONE_YEAR', 'FIVE_YEAR');

create table "public"."ConsentWording" (
    "id" uuid not null,
    "kind" "ConsentKind" not null,
    "version" text not null,
    "textZh" text not null,
    "textEn" text not null,
    "effectiveFrom" date not null,
    "createdById" uuid,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

create table "public"."LprRate" (
    "id" uuid not null,
    "tenor" "LprTenor" not null,
    "effectiveFrom" date not null,
    "rateBp" integer not null,
    "createdById" uuid,
    "createdAt" timestamp(3) without time zone not null default CURRENT_TIMESTAMP
      );

CREATE UNIQUE INDEX "ConsentWording_kind_effectiveFrom_key" ON public."ConsentWording" USING btree (kind, "effectiveFrom");

CREATE UNIQUE INDEX "ConsentWording_pkey" ON public."ConsentWording" USING btree (id);

CREATE UNIQUE INDEX "ConsentWording_version_key" ON public."ConsentWording" USING btree (version);

CREATE UNIQUE INDEX "LprRate_pkey" ON public."LprRate" USING btree (id);

CREATE UNIQUE INDEX "LprRate_tenor_effectiveFrom_key" ON public."LprRate" USING btree (tenor, "effectiveFrom");

alter table "public"."ConsentWording" add constraint "ConsentWording_pkey" PRIMARY KEY using index "ConsentWording_pkey";

alter table "public"."LprRate" add constraint "LprRate_pkey" PRIMARY KEY using index "LprRate_pkey";

-- The wordings the existing consents name (lib/setup/programme-defaults.ts holds the same text):
-- nothing changes for an installation's consents when the wording becomes data.
insert into "public"."ConsentWording" ("id", "kind", "version", "textZh", "textEn", "effectiveFrom") values
  (gen_random_uuid(), 'SENSITIVE_PERSONAL_INFO', 'PI-2024-1',
   '根据《个人信息保护法》第二十九条，本人同意北京市职工互助保障服务中心、北京首创融资担保有限公司和北京农村商业银行，为审核、担保、发放本人所代表企业的首都职工创业小额贷款及办理贴息之目的，处理本人的身份证件号码、手机号码、工会会员信息及银行账户信息。各机构仅在其办理环节所必需的范围内查看上述信息，查看完整信息的行为均被记录。本人可随时撤回本同意；撤回后，需要上述信息的办理环节将停止。',
   'Under Article 29 of the Personal Information Protection Law, I agree that the Beijing Workers'' Mutual Aid Service Centre, Beijing Capital Financing Guarantee Co., Ltd. and Beijing Rural Commercial Bank process my ID number, mobile number, union membership details and bank account details for the purpose of reviewing, guaranteeing and granting the Capital Workers'' Entrepreneurship Microloan to the enterprise I represent and of paying its interest subsidy. Each organisation sees this information only as far as its step requires, and every view of the full information is recorded. I may withdraw this consent at any time; after that, the steps that need this information stop.',
   '2024-01-01'),
  (gen_random_uuid(), 'CREDIT_REPORT_AUTHORISATION', 'CR-2024-1',
   '本人及本人所代表的企业授权北京首创融资担保有限公司和北京农村商业银行，为办理首都职工创业小额贷款之目的，向金融信用信息基础数据库查询本人及企业的信用报告，并在贷款存续期间进行贷后管理查询。本授权可随时撤回；撤回后，需要查询信用报告的审核环节将停止。',
   'I and the enterprise I represent authorise Beijing Capital Financing Guarantee Co., Ltd. and Beijing Rural Commercial Bank to obtain my and the enterprise''s credit reports from the Financial Credit Information Basic Database for the purpose of the Capital Workers'' Entrepreneurship Microloan, and to query them for loan management while the loan is outstanding. This authorisation may be withdrawn at any time; after that, the review steps that need a credit report stop.',
   '2024-01-01')
on conflict do nothing;
