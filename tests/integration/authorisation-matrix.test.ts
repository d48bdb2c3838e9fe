import { beforeAll, describe, expect, it } from "vitest";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { Actor, StaffActor } from "@/lib/auth/roles";
import { outcome } from "../support/outcome";
import { HOLDER, TRANSITIONS, type TransitionName } from "@/lib/applications/workflow";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { withdrawApplication } from "@/lib/applications/services/withdraw-application";
import { confirmRecommendation, recommendApplication, reopenApplication } from "@/lib/reviews/services/center-review";
import { rejectApplication, returnForInformation } from "@/lib/reviews/services/return-or-reject";
import { issueGuarantee } from "@/lib/reviews/services/guarantor-review";
import { approveCredit, recordContractSigned, recordDisbursement } from "@/lib/reviews/services/bank-review";
import { compensateLoan, cureOverdue, reportOverdue, settleLoan } from "@/lib/loans/services/loan-status";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, createStaff, ensureReferenceData, staffActor } from "../support/factories";

// Every role × every workflow action × own / other organisation × every status, against the
// documented rules (docs/architecture.md): a case outside the actor's scope is NOT_FOUND; a role
// the step is not for is FORBIDDEN; a step that is not the actor's organisation's turn is
// NOT_YOUR_TURN; a status the step does not start from is INVALID_TRANSITION. After every refusal
// the case is exactly as it was.

const STATUSES: ApplicationStatus[] = [
  "DRAFT", "CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW", "CONTRACTING", "ACTIVE",
  "RETURNED", "EXPIRED", "REJECTED", "WITHDRAWN", "SETTLED", "OVERDUE", "COMPENSATED",
];

type Ctx = { guarantorOrgId: string; bankOrgId: string };
type Call = { transition: TransitionName; run: (actor: Actor, id: string, version: number, ctx: Ctx) => Promise<unknown> };

const staff = (a: Actor) => a as StaffActor;
const CALLS: Record<string, Call> = {
  submit: { transition: "submit", run: (a, id, v) => submitApplication(a, id, v) },
  resubmit: { transition: "resubmit", run: (a, id, v) => resubmitApplication(a, id, v) },
  withdraw: { transition: "withdraw", run: (a, id, v) => withdrawApplication(a, id, v, "不再需要") },
  recommend: { transition: "centerPropose", run: (a, id, v) => recommendApplication(staff(a), { applicationId: id, version: v, comment: "ok", checklist: { member: true, targetGroup: true, documents: true } }) },
  confirm: { transition: "centerConfirm", run: (a, id, v, c) => confirmRecommendation(staff(a), { applicationId: id, version: v, comment: "ok", guarantorOrgId: c.guarantorOrgId }) },
  return: { transition: "returnForInfo", run: (a, id, v) => returnForInformation(staff(a), { applicationId: id, version: v, comment: "补充", missingItems: ["财务报表"] }) },
  reject: { transition: "reject", run: (a, id, v) => rejectApplication(staff(a), { applicationId: id, version: v, comment: "不符合", reasonCode: "OTHER" }) },
  reopen: { transition: "reopen", run: (a, id, v) => reopenApplication(staff(a), { applicationId: id, version: v, comment: "重新开启" }) },
  guarantee: { transition: "guarantorApprove", run: (a, id, v, c) => issueGuarantee(staff(a), { applicationId: id, version: v, comment: "同意", contractNo: `DB-${uniqueSuffix()}`, guaranteedFen: 1_000_000n, termMonths: 12, bankOrgId: c.bankOrgId }) },
  approve: { transition: "bankApprove", run: (a, id, v) => approveCredit(staff(a), { applicationId: id, version: v, comment: "同意", principalFen: 1_000_000n, annualRateMicros: 30_000, lprReference: "LPR", termMonths: 12, repaymentMethod: "EQUAL_INSTALMENTS", contractNo: `JK-${uniqueSuffix()}` }) },
  sign: { transition: "signContract", run: (a, id, v) => recordContractSigned(staff(a), { applicationId: id, version: v, comment: "签约" }) },
  settle: { transition: "settle", run: (a, id, v) => settleLoan(staff(a), { applicationId: id, version: v, comment: "结清", settledOn: "2026-01-05" }) },
  overdue: { transition: "reportOverdue", run: (a, id, v) => reportOverdue(staff(a), { applicationId: id, version: v, comment: "逾期", principalFen: 0n, interestFen: 1n, firstMissedOn: "2026-01-05" }) },
  cure: { transition: "cure", run: (a, id, v) => cureOverdue(staff(a), { applicationId: id, version: v, comment: "已还", curedOn: "2026-01-05" }) },
  compensate: { transition: "compensate", run: (a, id, v) => compensateLoan(staff(a), { applicationId: id, version: v, comment: "代偿", amountFen: 1n, paidOn: "2026-01-05" }) },
  disburse: { transition: "disburse", run: (a, id, v) => recordDisbursement(staff(a), { applicationId: id, version: v, comment: "放款", disbursedOn: "2026-01-05", amountFen: 1_000_000n, accountNo: "622848001234567890" }) },
};

type Who = { label: string; actor: Actor; own: boolean };

/** The documented expectation for one combination. */
function expected(who: Who, call: Call, status: ApplicationStatus, sees: boolean): string {
  if (!sees) return "NOT_FOUND";
  const t = TRANSITIONS[call.transition];
  if (!(t.roles as readonly string[]).includes(who.actor.role)) return "FORBIDDEN";
  const side = who.actor.kind === "APPLICANT" || who.actor.role === "DISTRICT_AGENT" ? "APPLICANT" : who.actor.organisationType;
  const anyHolder = "anyHolder" in t && t.anyHolder;
  if (!anyHolder && HOLDER[status] !== side) return "NOT_YOUR_TURN";
  if (!(t.from as readonly string[]).includes(status)) return "INVALID_TRANSITION";
  return "ALLOWED";
}

/** Scope per the documented table: who sees a case routed to the demo organisations. */
function sees(who: Who, status: ApplicationStatus): boolean {
  const a = who.actor;
  if (a.kind === "APPLICANT") return who.own;
  switch (a.role) {
    case "CENTER_REVIEWER":
    case "CENTER_APPROVER":
    case "PROGRAM_ADMIN":
    case "AUDITOR":
      return status !== "DRAFT";
    default:
      return who.own; // guarantor, bank, agent: only their own organisation's cases
  }
}

describe("authorisation matrix", () => {
  let people: Who[] = [];
  let owner: Actor;
  let ctx: Ctx;
  let agentOrgId: string;

  beforeAll(async () => {
    await ensureReferenceData();
    owner = await createApplicant();
    const otherG = await db.organisation.create({ data: { code: `G-${uniqueSuffix()}`, type: "GUARANTOR", nameZh: "他担保", nameEn: "G2" } });
    const otherB = await db.organisation.create({ data: { code: `B-${uniqueSuffix()}`, type: "BANK", nameZh: "他银行", nameEn: "B2" } });
    const otherD = await db.organisation.create({ data: { code: `D-${uniqueSuffix()}`, type: "DISTRICT_UNION", nameZh: "他区", nameEn: "D2" } });
    ctx = {
      guarantorOrgId: (await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } })).id,
      bankOrgId: (await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } })).id,
    };
    agentOrgId = (await db.organisation.findUniqueOrThrow({ where: { code: "CYQZGH" } })).id;
    people = [
      { label: "owner applicant", actor: owner, own: true },
      { label: "other applicant", actor: await createApplicant(), own: false },
      { label: "centre reviewer", actor: await staffActor("reviewer@center.demo"), own: true },
      { label: "centre approver", actor: await staffActor("approver@center.demo"), own: true },
      { label: "admin", actor: await staffActor("admin@center.demo"), own: true },
      { label: "auditor", actor: await staffActor("auditor@center.demo"), own: true },
      { label: "guarantor officer", actor: await staffActor("officer@guarantor.demo"), own: true },
      { label: "other guarantor", actor: await createStaff(otherG.code, "GUARANTOR_OFFICER"), own: false },
      { label: "guarantor manager", actor: await createStaff("SCDB", "GUARANTOR_MANAGER"), own: true },
      { label: "bank officer", actor: await staffActor("officer@bank.demo"), own: true },
      { label: "other bank", actor: await createStaff(otherB.code, "BANK_OFFICER"), own: false },
      { label: "bank manager", actor: await createStaff("BJRCB", "BANK_MANAGER"), own: true },
      { label: "other bank's manager", actor: await createStaff(otherB.code, "BANK_MANAGER"), own: false },
      { label: "district agent", actor: await staffActor("agent@district.demo"), own: true },
      { label: "other district", actor: await createStaff(otherD.code, "DISTRICT_AGENT"), own: false },
      // The hotline desk follows the cases started from calls only (channel HOTLINE), and takes no workflow step.
      { label: "hotline operator", actor: await staffActor("hotline@center.demo"), own: false },
    ];
  }, 120_000);

  /** A case in `status`, routed to the demo guarantor and bank and taken in by the demo district. */
  async function caseIn(status: ApplicationStatus) {
    const draft = await createReadyDraft(owner);
    const policy = await db.policyVersion.findFirstOrThrow();
    await db.loanApplication.update({
      where: { id: draft.id },
      data: {
        status, version: 3, policyVersionId: policy.id, guarantorOrgId: ctx.guarantorOrgId, bankOrgId: ctx.bankOrgId, intakeOrgId: agentOrgId,
        returnedFrom: status === "RETURNED" ? "CENTER_REVIEW" : null,
      },
    });
    if (["BANK_REVIEW", "CONTRACTING", "ACTIVE", "OVERDUE", "SETTLED", "COMPENSATED"].includes(status)) {
      // The guarantee the bank lends against.
      await db.guarantee.create({
        data: { applicationId: draft.id, contractNo: `G-${uniqueSuffix()}`, guaranteedFen: draft.amountFen!, termMonths: 12, issuedById: owner.userId },
      });
    }
    if (["CONTRACTING", "ACTIVE", "OVERDUE", "SETTLED", "COMPENSATED"].includes(status)) {
      const loanStatus = status === "CONTRACTING" ? "APPROVED" : (status as "ACTIVE" | "OVERDUE" | "SETTLED" | "COMPENSATED");
      await db.loan.create({
        data: { applicationId: draft.id, enterpriseId: draft.enterpriseId, bankOrgId: ctx.bankOrgId, contractNo: `M-${uniqueSuffix()}`, principalFen: 1_000_000n,
          annualRateMicros: 30_000, lprReference: "LPR", termMonths: 12, repaymentMethod: "EQUAL_INSTALMENTS", status: loanStatus },
      });
    }
    return draft.id;
  }

  it("matches the documented table for every combination, and refusals change nothing", async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const status of STATUSES) {
      let id = await caseIn(status);
      for (const who of people) {
        for (const [name, call] of Object.entries(CALLS)) {
          const want = expected(who, call, status, sees(who, status));
          const before = await db.loanApplication.findUniqueOrThrow({ where: { id } });
          const got = await outcome(call.run(who.actor, id, before.version, ctx));
          checked += 1;
          // An allowed step may still meet a business rule (no pending recommendation, unsigned
          // contract...): that is not an authorisation outcome.
          const authOutcomes = ["NOT_FOUND", "FORBIDDEN", "NOT_YOUR_TURN", "INVALID_TRANSITION"];
          const ok = want === "ALLOWED" ? !authOutcomes.includes(got) || businessRuleRefusal(name, got) : got === want;
          if (!ok) mismatches.push(`${status} · ${who.label} · ${name}: expected ${want}, got ${got}`);
          if (got === "OK") {
            id = await caseIn(status);
          } else {
            const after = await db.loanApplication.findUniqueOrThrow({ where: { id } });
            if (after.version !== before.version || after.status !== before.status) {
              mismatches.push(`${status} · ${who.label} · ${name}: refused (${got}) but the case changed`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(STATUSES.length * people.length * Object.keys(CALLS).length);
  }, 600_000);

  it("a case started by the hotline: its operators see it and may take no step; the district agent does not see it", async () => {
    const operator = people.find((p) => p.label === "hotline operator")!.actor;
    const centreId = (await db.organisation.findUniqueOrThrow({ where: { code: "BJZGHZ" } })).id;
    const hotline: Who[] = [
      { label: "hotline operator", actor: operator, own: true },
      { label: "district agent", actor: people.find((p) => p.label === "district agent")!.actor, own: false },
    ];
    const mismatches: string[] = [];
    for (const status of STATUSES) {
      const id = await caseIn(status);
      await db.loanApplication.update({ where: { id }, data: { intakeChannel: "HOTLINE", intakeOrgId: centreId, intakeAgentId: operator.userId } });
      for (const who of hotline) {
        for (const [name, call] of Object.entries(CALLS)) {
          const want = expected(who, call, status, who.own);
          const before = await db.loanApplication.findUniqueOrThrow({ where: { id } });
          const got = await outcome(call.run(who.actor, id, before.version, ctx));
          if (got !== want) mismatches.push(`${status} · ${who.label} · ${name}: expected ${want}, got ${got}`);
          const after = await db.loanApplication.findUniqueOrThrow({ where: { id } });
          if (after.version !== before.version || after.status !== before.status) mismatches.push(`${status} · ${who.label} · ${name}: the case changed`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every step is refused to the operator as not theirs to take.
    expect(Object.values(CALLS).every((c) => !(TRANSITIONS[c.transition].roles as readonly string[]).includes("HOTLINE_OPERATOR"))).toBe(true);
  }, 300_000);
});

/** Refusals by a step's own business rules, reported with INVALID_TRANSITION by design. */
function businessRuleRefusal(call: string, got: string): boolean {
  return got === "INVALID_TRANSITION" && ["confirm", "disburse"].includes(call);
}
