import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, DecisionAction, ReviewStage } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/audit/record";
import { auditAction, type ApplicationEvent } from "@/lib/applications/events";
import { APPLICANTS } from "@/lib/demo/reference-data";
import { DEFAULT_CHECKLISTS } from "@/lib/setup/programme-defaults";
import { DEMO_CONSULTING_LOANS, DEMO_CONSULTING_STATEMENT_LINES, DEMO_CONSULTING_UNION_STANDING } from "@/lib/subsidies/demo-fixture";
import { seedDemoSubsidies } from "@/lib/demo/seed-subsidies";
import { demoStaffActor } from "@/lib/demo/actors";
import { writeStanding } from "@/lib/unions/standing-write";
import { seal, unsealOptional } from "@/lib/personal-data/sealed";
import { joinItems } from "@/lib/reviews/applicant-message";
import { takeCaseSnapshot } from "@/lib/applications/snapshot-store";

type Step = {
  at: string;
  event: ApplicationEvent;
  by: string;
  to: ApplicationStatus;
  /** `message`: what the reviewer wrote to the applicant with a return (the comment stays internal). */
  decision?: { stage: ReviewStage; action: DecisionAction; comment: string; missingItems?: string[]; message?: string };
};

type CaseSpec = {
  number: string;
  enterprise: string;
  applicantMobile: string;
  kind: "NEW" | "RENEWAL";
  previousContractNo?: string;
  categoryCode: string;
  amountYuan: bigint;
  termMonths: number;
  purpose: string;
  repaymentSource: string;
  greenChannel?: boolean;
  intake?: boolean;
  steps: Step[];
  stageDueAt?: string;
  returnDueAt?: string;
  returnedFrom?: ApplicationStatus;
  loan?: { index: number; status: "SETTLED" | "ACTIVE" };
  /** The enterprise's figures when this case was submitted, where they differ from today's (its snapshot shows them). */
  enterpriseThen?: { employees: number; annualRevenueFen: bigint };
};

const ENTERPRISES = [
  { creditCode: "91110105MA01ABCD13", name: "北京某信息咨询有限公司", owner: "13800000001", legalRepName: "张伟",
    address: "北京市朝阳区望京街道某大厦 1203 室", industry: "信息咨询服务", foundedOn: "2016-03-10", employees: 12,
    annualRevenueFen: 320_000_000n, hasUnion: true, unionMemberCount: 12 },
  { creditCode: "92110105MA02EFGH2C", name: "北京某文化创意工作室", owner: "13800000002", legalRepName: "李娜",
    address: "北京市朝阳区798艺术区某号", industry: "文化创意设计", foundedOn: "2021-09-01", employees: 4,
    annualRevenueFen: 68_000_000n, hasUnion: false, unionMemberCount: 0 },
  { creditCode: "91110108MA03JKLM37", name: "北京某餐饮管理有限公司", owner: "13800000002", legalRepName: "李娜",
    address: "北京市海淀区中关村某街 8 号", industry: "餐饮服务", foundedOn: "2019-04-18", employees: 23,
    annualRevenueFen: 510_000_000n, hasUnion: true, unionMemberCount: 21 },
  { creditCode: "91110105MA04NPQR48", name: "北京某社区便民服务有限公司", owner: "13800000002", legalRepName: "李娜",
    address: "北京市朝阳区双井某社区", industry: "居民服务", foundedOn: "2020-07-06", employees: 9,
    annualRevenueFen: 150_000_000n, hasUnion: true, unionMemberCount: 9 },
] as const;

const R = "reviewer@center.demo", A = "approver@center.demo", G = "officer@guarantor.demo", B = "officer@bank.demo";

const fullPath = (d: [string, string, string, string, string, string, string], who: string, green = false): Step[] => [
  { at: d[0], event: "submitted", by: who, to: "CENTER_REVIEW" },
  { at: d[1], event: "recommended", by: R, to: "CENTER_REVIEW",
    decision: { stage: "CENTER", action: "RECOMMEND", comment: green ? "绿色通道：会员身份、企业资质核验通过，建议推荐" : "会员身份、企业资质核验通过，建议推荐担保" } },
  { at: d[2], event: "recommendation_confirmed", by: A, to: "GUARANTOR_REVIEW",
    decision: { stage: "CENTER", action: "CONFIRM", comment: "复核同意推荐" } },
  { at: d[3], event: "guarantee_issued", by: G, to: "BANK_REVIEW",
    decision: { stage: "GUARANTOR", action: "APPROVE", comment: "同意提供全额担保，免担保费、评审费" } },
  { at: d[4], event: "bank_approved", by: B, to: "CONTRACTING",
    decision: { stage: "BANK", action: "APPROVE", comment: "同意授信，按 LPR 定价" } },
  { at: d[5], event: "contract_signed", by: B, to: "CONTRACTING",
    decision: { stage: "CONTRACTING", action: "SIGN", comment: "借款合同已线上签署" } },
  { at: d[6], event: "disbursed", by: B, to: "ACTIVE",
    decision: { stage: "CONTRACTING", action: "DISBURSE", comment: "贷款已发放至企业结算账户" } },
];

const CASES: CaseSpec[] = [
  { number: "SQ-2019-0087", enterprise: "91110105MA01ABCD13", applicantMobile: "13800000001", kind: "NEW",
    categoryCode: "SMALL_MICRO", amountYuan: 500_000n, termMonths: 12, purpose: "购置数据分析服务器及软件", repaymentSource: "咨询服务收入",
    steps: fullPath(["2019-05-20T10:00", "2019-05-23T15:00", "2019-05-24T09:30", "2019-06-03T11:00", "2019-06-12T16:00", "2019-06-20T10:00", "2019-06-24T09:00"], "13800000001"),
    loan: { index: 0, status: "SETTLED" }, enterpriseThen: { employees: 8, annualRevenueFen: 210_000_000n } },
  { number: "SQ-2020-0133", enterprise: "91110105MA01ABCD13", applicantMobile: "13800000001", kind: "RENEWAL", previousContractNo: "NCD-2019-0087",
    categoryCode: "SMALL_MICRO", amountYuan: 500_000n, termMonths: 12, purpose: "支付员工工资及办公场地租金", repaymentSource: "咨询服务收入",
    steps: fullPath(["2020-05-25T10:00", "2020-05-27T14:00", "2020-05-28T09:00", "2020-06-04T10:00", "2020-06-15T15:00", "2020-06-19T10:00", "2020-06-22T09:00"], "13800000001", true),
    greenChannel: true, loan: { index: 1, status: "SETTLED" }, enterpriseThen: { employees: 10, annualRevenueFen: 260_000_000n } },
  { number: "SQ-2021-0158", enterprise: "91110105MA01ABCD13", applicantMobile: "13800000001", kind: "RENEWAL", previousContractNo: "NCD-2020-0133",
    categoryCode: "SMALL_MICRO", amountYuan: 400_000n, termMonths: 12, purpose: "数据平台升级", repaymentSource: "咨询服务收入",
    steps: fullPath(["2021-05-31T10:00", "2021-06-01T14:00", "2021-06-02T09:00", "2021-06-08T10:00", "2021-06-16T15:00", "2021-06-21T10:00", "2021-06-23T09:00"], "13800000001", true),
    greenChannel: true, loan: { index: 2, status: "SETTLED" }, enterpriseThen: { employees: 11, annualRevenueFen: 290_000_000n } },
  { number: "SQ-2026-0001", enterprise: "91110105MA01ABCD13", applicantMobile: "13800000001", kind: "RENEWAL", previousContractNo: "NCD-2021-0158",
    categoryCode: "SMALL_MICRO", amountYuan: 500_000n, termMonths: 12, purpose: "居家办公期间维持经营、支付工资", repaymentSource: "咨询服务收入",
    greenChannel: true, steps: [{ at: "2026-11-27T10:00", event: "submitted", by: "13800000001", to: "CENTER_REVIEW" }],
    stageDueAt: "2026-12-01T23:59:59.999+08:00" },
  { number: "SQ-2026-0002", enterprise: "92110105MA02EFGH2C", applicantMobile: "13800000002", kind: "NEW",
    categoryCode: "INNOVATION", amountYuan: 200_000n, termMonths: 24, purpose: "购置设计设备", repaymentSource: "设计服务收入",
    steps: [
      { at: "2026-11-16T10:00", event: "submitted", by: "13800000002", to: "CENTER_REVIEW" },
      { at: "2026-11-18T15:00", event: "returned", by: R, to: "RETURNED",
        decision: { stage: "CENTER", action: "RETURN", comment: "材料不全，财务报表未盖章，会员证明已过期",
          missingItems: ["2025 年度财务报表（加盖公章）", "工会会员证明（须在有效期内）"],
          message: "您好，请按清单一次性补充材料后重新提交；如有疑问请致电 12351。" } },
    ],
    returnedFrom: "CENTER_REVIEW", returnDueAt: "2026-12-09T23:59:59.999+08:00" },
  { number: "SQ-2026-0003", enterprise: "91110108MA03JKLM37", applicantMobile: "13800000002", kind: "NEW",
    categoryCode: "SMALL_MICRO", amountYuan: 450_000n, termMonths: 24, purpose: "门店装修及设备购置", repaymentSource: "餐饮经营收入",
    steps: fullPath(["2026-11-02T10:00", "2026-11-04T14:00", "2026-11-05T09:00", "2026-11-12T10:00", "", "", ""], "13800000002").slice(0, 4),
    stageDueAt: "2026-11-17T23:59:59.999+08:00" },
  { number: "SQ-2026-0004", enterprise: "91110105MA04NPQR48", applicantMobile: "13800000002", kind: "NEW", intake: true,
    categoryCode: "SMALL_MICRO", amountYuan: 300_000n, termMonths: 36, purpose: "社区服务网点扩建", repaymentSource: "便民服务收入",
    steps: fullPath(["2026-11-20T10:00", "2026-11-23T14:00", "2026-11-24T09:00", "", "", "", ""], "agent@district.demo").slice(0, 3),
    stageDueAt: "2026-12-01T23:59:59.999+08:00" },
];

const cst = (local: string) => new Date(local.length === 16 ? `${local}:00+08:00` : local);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function seedDemoCases(db: PrismaClient, log: (line: string) => void): Promise<void> {
  const users = new Map(
    (await db.user.findMany({ select: { id: true, email: true, mobileSealed: true, membership: { select: { organisationId: true } } } }))
      .flatMap(({ mobileSealed, ...u }) => [u.email, unsealOptional(mobileSealed, "User.mobile")].filter((k): k is string => !!k).map((k) => [k, u] as const)),
  );
  const org = new Map((await db.organisation.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]));
  const policy = await db.policyVersion.findUniqueOrThrow({ where: { version: 1 }, select: { id: true } });

  for (const e of ENTERPRISES) {
    const { owner, foundedOn, ...data } = e;
    await db.enterprise.upsert({
      where: { creditCode: e.creditCode },
      create: { ...data, foundedOn: day(foundedOn), representativeId: users.get(owner)!.id },
      update: {},
    });
  }
  const consulting = await db.enterprise.findUniqueOrThrow({ where: { creditCode: ENTERPRISES[0].creditCode } });
  if ((await db.unionStanding.count({ where: { enterpriseId: consulting.id } })) === 0) {
    // Recorded as the district union records it through its form (the same write and audit event).
    const agent = await demoStaffActor(db, "agent@district.demo");
    await db.$transaction(async (tx) => {
      for (const s of DEMO_CONSULTING_UNION_STANDING) {
        await writeStanding(tx, agent, consulting, {
          validFrom: s.validFrom, validTo: s.validTo ?? undefined, unionName: APPLICANTS[0].unionName, memberCardNo: APPLICANTS[0].memberCardNo,
        }, "seed");
      }
    });
  }

  for (const spec of CASES) {
    if (await db.loanApplication.findUnique({ where: { number: spec.number }, select: { id: true } })) continue;
    await db.$transaction((tx) => createCase(tx, spec, { users, org, policyId: policy.id }), { timeout: 30_000 });
    log(`case ${spec.number}`);
  }
  await db.counter.upsert({ where: { key: "application-2026" }, create: { key: "application-2026", value: 4 }, update: {} });
  await seedDemoSubsidies(db, DEMO_CONSULTING_STATEMENT_LINES, log);
}

type Lookups = {
  users: Map<string, { id: string; membership: { organisationId: string } | null }>;
  org: Map<string, string>;
  policyId: string;
};

async function createCase(tx: Prisma.TransactionClient, spec: CaseSpec, { users, org, policyId }: Lookups): Promise<void> {
  const enterprise = await tx.enterprise.findUniqueOrThrow({ where: { creditCode: spec.enterprise }, select: { id: true } });
  const applicant = users.get(spec.applicantMobile)!;
  const previousLoan = spec.previousContractNo
    ? await tx.loan.findUniqueOrThrow({ where: { contractNo: spec.previousContractNo }, select: { id: true } })
    : null;
  const reached = new Set(spec.steps.map((s) => s.to));
  const last = spec.steps[spec.steps.length - 1]!;
  const loanSpec = spec.loan ? DEMO_CONSULTING_LOANS[spec.loan.index]! : null;
  const status: ApplicationStatus = spec.loan?.status === "SETTLED" ? "SETTLED" : last.to;
  const app = await tx.loanApplication.create({
    data: {
      number: spec.number,
      kind: spec.kind,
      status,
      version: spec.steps.length,
      applicantId: applicant.id,
      enterpriseId: enterprise.id,
      previousLoanId: previousLoan?.id ?? null,
      intakeOrgId: spec.intake ? org.get("CYQZGH")! : null,
      intakeChannel: spec.intake ? "DISTRICT_UNION" : "ONLINE",
      guarantorOrgId: reached.has("GUARANTOR_REVIEW") ? org.get("SCDB")! : null,
      bankOrgId: reached.has("BANK_REVIEW") ? org.get("BJRCB")! : null,
      policyVersionId: policyId,
      categoryCode: spec.categoryCode,
      amountFen: spec.amountYuan * 100n,
      termMonths: spec.termMonths,
      purpose: spec.purpose,
      repaymentSource: spec.repaymentSource,
      draftStep: 4,
      greenChannel: spec.greenChannel ?? false,
      returnedFrom: spec.returnedFrom ?? null,
      returnDueAt: spec.returnDueAt ? new Date(spec.returnDueAt) : null,
      stageEnteredAt: cst(last.at),
      stageDueAt: spec.stageDueAt ? new Date(spec.stageDueAt) : null,
      submittedAt: cst(spec.steps[0]!.at),
      requiredDocuments: [...DEFAULT_CHECKLISTS[spec.kind]],
      closedAt: status === "SETTLED" && loanSpec ? day(loanSpec.repaidOn) : null,
      createdAt: cst(spec.steps[0]!.at),
    },
  });
  await snapshotAsSubmitted(tx, spec, app.id, enterprise.id);
  let from: ApplicationStatus = "DRAFT";
  for (const step of spec.steps) {
    const actor = users.get(step.by)!;
    if (step.decision) {
      await tx.reviewDecision.create({
        data: {
          applicationId: app.id, stage: step.decision.stage, action: step.decision.action, fromStatus: from, toStatus: step.to,
          actorId: actor.id, organisationId: actor.membership!.organisationId, comment: step.decision.comment,
          missingItems: step.decision.missingItems ?? undefined, createdAt: cst(step.at),
        },
      });
    }
    await appendAudit(tx, {
      at: cst(step.at), actorId: actor.id, organisationId: actor.membership?.organisationId ?? null, applicationId: app.id,
      entityType: "LoanApplication", entityId: app.id, action: auditAction(step.event),
      data: {
        from, to: step.to, comment: step.decision?.comment, missingItems: step.decision?.missingItems,
        // The return's message as returnForInformation records it (lib/reviews/applicant-message.ts).
        message: step.decision?.message && spec.returnDueAt ? {
          code: "applicationReturned",
          params: { number: spec.number, dueOn: spec.returnDueAt.slice(0, 10), items: joinItems(step.decision.missingItems ?? []) },
          text: step.decision.message,
        } : undefined,
      },
    });
    from = step.to;
  }
  if (reached.has("BANK_REVIEW")) {
    const issued = spec.steps.find((s) => s.event === "guarantee_issued")!;
    await tx.guarantee.create({
      data: { applicationId: app.id, contractNo: `DB-${spec.number.slice(3)}`, guaranteedFen: spec.amountYuan * 100n,
        termMonths: spec.termMonths, issuedById: users.get(G)!.id, issuedAt: cst(issued.at) },
    });
  }
  if (loanSpec) {
    const disbursed = spec.steps.find((s) => s.event === "disbursed")!;
    await tx.loan.create({
      data: {
        applicationId: app.id, enterpriseId: enterprise.id, bankOrgId: org.get("BJRCB")!, contractNo: loanSpec.contractNo,
        principalFen: loanSpec.principalFen, annualRateMicros: loanSpec.annualRateMicros,
        lprReference: loanSpec.annualRateMicros === 43_500 ? "一年期贷款基准利率 4.35%" : "一年期 LPR 3.85%",
        termMonths: loanSpec.termMonths, repaymentMethod: loanSpec.method, status: spec.loan!.status,
        approvedAt: cst(spec.steps.find((s) => s.event === "bank_approved")!.at),
        signedAt: cst(spec.steps.find((s) => s.event === "contract_signed")!.at),
        disbursedOn: day(loanSpec.disbursedOn), disbursedFen: loanSpec.principalFen, accountNoSealed: seal("6228480018888880001", "Loan.accountNo"),
        maturityOn: day(loanSpec.maturityOn), closedOn: spec.loan!.status === "SETTLED" ? day(loanSpec.repaidOn) : null,
        createdAt: cst(disbursed.at),
      },
    });
    if (status === "SETTLED") {
      // The bank's report that the loan was repaid, as settleLoan records it: the case's last step.
      const bank = users.get(B)!;
      await appendAudit(tx, {
        at: day(loanSpec.repaidOn), actorId: bank.id, organisationId: bank.membership?.organisationId ?? null, applicationId: app.id,
        entityType: "LoanApplication", entityId: app.id, action: auditAction("settled"),
        data: { from: last.to, to: "SETTLED", closedOn: loanSpec.repaidOn },
      });
    }
  }
}

/**
 * The case's snapshot at its submission, taken by the submit service's own function. A case of an
 * earlier year saw the enterprise's figures of that year: they stand in for the snapshot, then
 * today's come back.
 */
async function snapshotAsSubmitted(tx: Prisma.TransactionClient, spec: CaseSpec, applicationId: string, enterpriseId: string): Promise<void> {
  const today = spec.enterpriseThen ? await tx.enterprise.findUniqueOrThrow({ where: { id: enterpriseId }, select: { employees: true, annualRevenueFen: true } }) : null;
  if (spec.enterpriseThen) await tx.enterprise.update({ where: { id: enterpriseId }, data: spec.enterpriseThen });
  await takeCaseSnapshot(tx, applicationId, "SUBMITTED", cst(spec.steps[0]!.at));
  if (today) await tx.enterprise.update({ where: { id: enterpriseId }, data: today });
}
