import { describe, expect, it } from "vitest";
import { HOLDER, isActorsTurn, isOpenStatus, OPEN_STATUSES, roleMayAttempt, SUBMITTED_OPEN_STATUSES, targetOf, TRANSITIONS, WITHDRAWABLE_STATUSES } from "@/lib/applications/workflow";
import { eligibilityBlocks, wordEligibility } from "@/lib/applications/eligibility";
import { worded } from "../support/words";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { HOME_BY_ROLE, mayEnterSection, SECTION_ROLES } from "@/lib/auth/roles";
import { availableActions } from "@/lib/reviews/available";
import { percentToMicros } from "@/lib/reviews/schemas";
import { stageDays } from "@/lib/policy/deadlines";
import { createHash } from "node:crypto";
import { canonicalJson, eventHash, GENESIS_HASH, hashedAround } from "@/lib/audit/chain";
import { productionStartProblem } from "@/lib/env";
import type { StaffActor } from "@/lib/auth/roles";

describe("the state machine", () => {
  it("follows the documented path and returns to the stage that returned a case", () => {
    expect(targetOf("submit", "DRAFT", null)).toBe("CENTER_REVIEW");
    expect(targetOf("centerConfirm", "CENTER_REVIEW", null)).toBe("GUARANTOR_REVIEW");
    expect(targetOf("guarantorApprove", "GUARANTOR_REVIEW", null)).toBe("BANK_REVIEW");
    expect(targetOf("bankApprove", "BANK_REVIEW", null)).toBe("CONTRACTING");
    expect(targetOf("disburse", "CONTRACTING", null)).toBe("ACTIVE");
    for (const stage of ["CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW"] as const) {
      expect(targetOf("returnForInfo", stage, null)).toBe("RETURNED");
      expect(targetOf("resubmit", "RETURNED", stage)).toBe(stage);
      expect(targetOf("reject", stage, null)).toBe("REJECTED");
    }
    expect(targetOf("resubmit", "RETURNED", null)).toBeNull();
    expect(targetOf("withdraw", "CONTRACTING", null)).toBeNull();
    expect(targetOf("withdraw", "BANK_REVIEW", null)).toBe("WITHDRAWN");
    expect(targetOf("expire", "RETURNED", null)).toBe("EXPIRED");
    expect(targetOf("reopen", "EXPIRED", null)).toBe("RETURNED");
  });

  it("terminal statuses have no way out", () => {
    for (const terminal of ["REJECTED", "WITHDRAWN", "COMPENSATED"] as const) {
      for (const name of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) expect(targetOf(name, terminal, "CENTER_REVIEW")).toBeNull();
    }
  });

  it("whose turn: only the holder, except withdrawal which the applicant may do any time before contracting", () => {
    expect(isActorsTurn("centerConfirm", HOLDER.CENTER_REVIEW, "SUPPORT_CENTER")).toBe(true);
    expect(isActorsTurn("centerConfirm", HOLDER.CENTER_REVIEW, "BANK")).toBe(false);
    expect(isActorsTurn("withdraw", HOLDER.BANK_REVIEW, "APPLICANT")).toBe(true);
    expect(roleMayAttempt("centerConfirm", "CENTER_REVIEWER")).toBe(false);
    expect(roleMayAttempt("centerConfirm", "CENTER_APPROVER")).toBe(true);
  });
});

describe("permissions and sections", () => {
  it("denies anything not listed and every role has a home it may enter", () => {
    expect(can(null, "admin.read")).toBe(false);
    const auditor = { kind: "STAFF", role: "AUDITOR" } as StaffActor;
    expect(can(auditor, "audit.read")).toBe(true);
    expect(can(auditor, "admin.write")).toBe(false);
    for (const [role, home] of Object.entries(HOME_BY_ROLE)) {
      expect(mayEnterSection(role as keyof typeof HOME_BY_ROLE, home.slice(1) as keyof typeof SECTION_ROLES)).toBe(true);
    }
    expect(mayEnterSection("APPLICANT", "center")).toBe(false);
    expect(Object.values(PERMISSIONS).every((roles) => roles.length > 0)).toBe(true);
  });

  it("offers a reviewer the centre's steps and hides confirm from the maker", () => {
    const reviewer = { kind: "STAFF", role: "CENTER_REVIEWER", userId: "u1", organisationType: "SUPPORT_CENTER" } as StaffActor;
    const approver = { kind: "STAFF", role: "CENTER_APPROVER", userId: "u2", organisationType: "SUPPORT_CENTER" } as StaffActor;
    const app = { status: "CENTER_REVIEW" as const, greenChannel: false, pendingRecommendationById: "u2", loanSigned: null };
    expect(availableActions(reviewer, app)).toEqual(expect.arrayContaining(["return", "reject"]));
    expect(availableActions(reviewer, app)).not.toContain("recommend");
    expect(availableActions(approver, app)).not.toContain("confirm");
    expect(availableActions(approver, { ...app, pendingRecommendationById: "u1" })).toContain("confirm");
    const bank = { kind: "STAFF", role: "BANK_OFFICER", userId: "b", organisationType: "BANK" } as StaffActor;
    expect(availableActions(bank, app)).not.toContain("approveCredit");
  });
});

describe("rules", () => {
  const policy = { maxLoanFen: 50_000_000n, maxTermMonths: 36, coolingDays: 30 };
  const base = { hasMemberProfile: true, consents: { sensitive: true, credit: true }, amountFen: 100n, termMonths: 12, policy, otherOpenCase: null, outstandingLoan: null, lastRejection: null, now: new Date("2026-11-30T00:00:00Z") };
  it("eligibility explains each block", () => {
    expect(eligibilityBlocks(base)).toEqual([]);
    expect(eligibilityBlocks({ ...base, amountFen: 50_000_001n }).map((b) => b.code)).toEqual(["OVER_CAP"]);
    expect(eligibilityBlocks({ ...base, amountFen: 50_000_000n })).toEqual([]);
    expect(eligibilityBlocks({ ...base, termMonths: 37 }).map((b) => b.code)).toEqual(["TERM"]);
    expect(eligibilityBlocks({ ...base, outstandingLoan: { contractNo: "JK-1" } }).map((b) => b.code)).toEqual(["OUTSTANDING_LOAN"]);
    expect(eligibilityBlocks({ ...base, hasMemberProfile: false, consents: { sensitive: true, credit: false } }).map((b) => b.code)).toEqual(["NOT_MEMBER", "NO_CONSENT"]);
    // A consent to an earlier wording only: the applicant is asked to consent again.
    expect(eligibilityBlocks({ ...base, consents: { sensitive: false, credit: true, changed: true } }).map((b) => b.code)).toEqual(["CONSENT_CHANGED"]);
    const recent = { number: "SQ-1", closedAt: new Date("2026-11-15T00:00:00Z") };
    expect(eligibilityBlocks({ ...base, lastRejection: recent }).map((b) => b.code)).toEqual(["COOLING"]);
    expect(eligibilityBlocks({ ...base, lastRejection: { ...recent, closedAt: new Date("2026-10-01T00:00:00Z") } })).toEqual([]);
  });

  it("eligibility blocks carry their figures as text, for the catalogue's words in either language", () => {
    expect(eligibilityBlocks({ ...base, amountFen: 50_000_001n })).toEqual([{ code: "OVER_CAP", params: { maxLoan: "¥500,000.00" } }]);
    // 30 days after 15 November 08:00 in Beijing, as the Beijing day.
    expect(eligibilityBlocks({ ...base, lastRejection: { number: "SQ-1", closedAt: new Date("2026-11-15T00:00:00Z") } }))
      .toEqual([{ code: "COOLING", params: { number: "SQ-1", coolingDays: "30", until: "2026-12-15" } }]);
    const t = (key: string, values?: Record<string, string>) => `${key}:${JSON.stringify(values ?? {})}`;
    expect(wordEligibility([{ code: "OPEN_CASE", params: { number: "SQ-2" } }, { code: "NO_CONSENT", params: {} }], t))
      .toBe('errors.eligibility.OPEN_CASE:{"number":"SQ-2"} errors.eligibility.NO_CONSENT:{}');
  });

  it("green channel shortens review deadlines, never lengthens them", () => {
    const p = { centerReviewDays: 5, guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15, greenChannelDays: 2 };
    expect(stageDays("CENTER_REVIEW", p, false)).toBe(5);
    expect(stageDays("CENTER_REVIEW", p, true)).toBe(2);
    expect(stageDays("BANK_REVIEW", { ...p, greenChannelDays: 4 }, true)).toBe(3);
    expect(stageDays("RETURNED", p, true)).toBe(15);
    expect(stageDays("ACTIVE", p, false)).toBeNull();
  });

  it("missing documents travel as their kinds, each named in the reader's language", () => {
    const missing = [{ code: "MISSING_DOCUMENTS", params: { kinds: "BUSINESS_LICENCE,BANK_STATEMENTS" } }] as const;
    expect(wordEligibility([...missing], (key, values) => worded({ key, values }))).toBe("请先上传：营业执照、银行流水。");
    expect(wordEligibility([...missing], (key, values) => worded({ key, values }, "en"))).toBe("Upload first: Business licence, Bank statements.");
  });

  it("rates convert exactly from percent strings", () => {
    expect(percentToMicros("3.85")).toBe(38_500);
    expect(percentToMicros("4.35")).toBe(43_500);
    expect(percentToMicros("3")).toBe(30_000);
    expect(percentToMicros("0.0001")).toBe(1);
  });

  it("the audit hash covers every field and the chain", () => {
    const e = { at: new Date(0), actorId: "a", organisationId: null, applicationId: null, entityType: "X", entityId: "1", action: "x", data: { b: 1, a: [1, { d: 2, c: 3 }] } };
    expect(canonicalJson(e.data)).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    const h = eventHash(GENESIS_HASH, e);
    expect(eventHash(GENESIS_HASH, { ...e, data: { a: [1, { c: 3, d: 2 }], b: 1 } })).toBe(h);
    expect(eventHash(GENESIS_HASH, { ...e, entityId: "2" })).not.toBe(h);
    expect(eventHash("1".repeat(64), e)).not.toBe(h);
  });

  it("the text the database hashes around the previous hash is the text eventHash hashes", () => {
    const sha = (text: string) => createHash("sha256").update(text).digest("hex");
    const e = { at: new Date(1_765_000_000_123), actorId: null, organisationId: "o", applicationId: "p", entityType: "X", entityId: "1", action: "x", data: { name: "\u5317\u4eac \"q\" \u00e9", n: [1, null], z: { y: true } } };
    const { head, tail } = hashedAround(e);
    for (const prev of [GENESIS_HASH, "ab".repeat(32), eventHash(GENESIS_HASH, e)]) expect(sha(`${head}${prev}${tail}`)).toBe(eventHash(prev, e));
  });

  const KEYS = { DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`, BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString("base64") };
  const production = { NODE_ENV: "production", PGLITE_DIR: "", APPLICANT_IDLE_MINUTES: 30, STAFF_IDLE_MINUTES: 10, SESSION_MAX_HOURS: 12, MAIL_FROM: "", LOG_LEVEL: "info", SCHEDULER: "off", ESCALATE_AFTER_WORKING_DAYS: 2, REPAYMENT_REMIND_DAYS: 5, MATURITY_REMIND_DAYS: 30, STANDING_REMIND_DAYS: 15, STANDING_REMIND_AFTER_DAYS: 30, EXPORT_MAX_ROWS: 1_000_000,
    TRUSTED_PROXY_HOPS: 1, STAFF_TWO_FACTOR: "required", EMBEDDED_DATABASE: "false", DEMO_MODE: "false", AUTH_SECRET: "x".repeat(32), DATABASE_URL: "postgresql://db/ncd", ...KEYS,
    SMS_PROVIDER: "http", SMS_HTTP_URL: "https://sms-gateway.example/send", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64") } as const;

  it("production requires one server-actions key, well formed, unless it is the demo", () => {
    const env = { ...production, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: undefined };
    expect(productionStartProblem(env)).toMatch(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be set in production/);
    expect(productionStartProblem({ ...env, DEMO_MODE: "true" })).toBeNull();
    expect(productionStartProblem({ ...env, NODE_ENV: "development" })).toBeNull();
    expect(productionStartProblem({ ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "not a key" })).toMatch(/16, 24 or 32 random bytes/);
    expect(productionStartProblem({ ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(20).toString("base64") })).toMatch(/16, 24 or 32 random bytes/);
    expect(productionStartProblem({ ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(16, 1).toString("base64") })).toBeNull();
  });

  it("production refuses a missing or short AUTH_SECRET", () => {
    const env = { ...production, AUTH_SECRET: undefined };
    expect(productionStartProblem({ ...env })).toMatch(/AUTH_SECRET/);
    expect(productionStartProblem({ ...env, AUTH_SECRET: "short" })).toMatch(/at least 32/);
    expect(productionStartProblem({ ...env, AUTH_SECRET: "x".repeat(32) })).toBeNull();
    expect(productionStartProblem({ ...env, NODE_ENV: "development" })).toBeNull();
  });

  it("production refuses to fall back to the embedded database unless asked", () => {
    const env = { ...production, DATABASE_URL: undefined };
    expect(productionStartProblem(env)).toMatch(/DATABASE_URL must name the PostgreSQL server/);
    expect(productionStartProblem({ ...env, EMBEDDED_DATABASE: "true" })).toBeNull();
    expect(productionStartProblem({ ...env, DATABASE_URL: "postgresql://db/ncd" })).toBeNull();
    expect(productionStartProblem({ ...env, NODE_ENV: "development" })).toBeNull();
  });

  it("production requires staff two-factor sign-in unless it is the demo", () => {
    const env = { ...production, STAFF_TWO_FACTOR: "optional" } as const;
    expect(productionStartProblem(env)).toMatch(/STAFF_TWO_FACTOR=optional is for the demo only/);
    expect(productionStartProblem({ ...env, DEMO_MODE: "true" })).toBeNull();
    expect(productionStartProblem({ ...env, STAFF_TWO_FACTOR: "required" })).toBeNull();
  });

  it("production refuses to run without its own keys for personal data (never the development key)", () => {
    expect(productionStartProblem({ ...production, DATA_KEYS: undefined, BLIND_INDEX_KEY: undefined })).toMatch(/DATA_KEYS must be set/);
    expect(productionStartProblem({ ...production, BLIND_INDEX_KEY: undefined })).toMatch(/BLIND_INDEX_KEY must be set/);
    expect(productionStartProblem({ ...production, DATA_KEYS: "k1:c2hvcnQ=" })).toMatch(/32 random bytes/);
    expect(productionStartProblem({ ...production, DATA_KEYS: `dev:${Buffer.alloc(32).toString("base64")}` })).toMatch(/not a key id/);
    expect(productionStartProblem(production)).toBeNull();
    expect(productionStartProblem({ ...production, NODE_ENV: "development", DATA_KEYS: undefined, BLIND_INDEX_KEY: undefined })).toBeNull();
  });

  it("production sends text messages through a gateway (the log sender only in the demo)", () => {
    expect(productionStartProblem({ ...production, SMS_PROVIDER: "log" })).toMatch(/SMS_PROVIDER=log only writes text messages to the log/);
    expect(productionStartProblem({ ...production, SMS_PROVIDER: "log", DEMO_MODE: "true" })).toBeNull();
    expect(productionStartProblem({ ...production, SMS_HTTP_URL: undefined })).toMatch(/needs SMS_HTTP_URL/);
  });
});

describe("status sets derived from the workflow table", () => {
  it("counts a case open from the draft until it is disbursed", () => {
    expect(OPEN_STATUSES).toEqual(["DRAFT", "CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW", "RETURNED", "CONTRACTING"]);
    expect(SUBMITTED_OPEN_STATUSES).toEqual(["CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW", "RETURNED", "CONTRACTING"]);
    expect(WITHDRAWABLE_STATUSES).toEqual(OPEN_STATUSES.filter((s) => s !== "CONTRACTING"));
    for (const closed of ["ACTIVE", "REJECTED", "WITHDRAWN", "EXPIRED", "SETTLED", "OVERDUE", "COMPENSATED"] as const) expect(isOpenStatus(closed)).toBe(false);
  });

  it("keeps every open status on a path to disbursement in the table", () => {
    const leadsOn = (s: string) => Object.values(TRANSITIONS).some((t) => (t.from as readonly string[]).includes(s) && t.to !== "WITHDRAWN" && t.to !== "REJECTED");
    for (const s of OPEN_STATUSES) expect(leadsOn(s)).toBe(true);
  });
});
