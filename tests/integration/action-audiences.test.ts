import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import type { Audience } from "@/lib/actions/audience";
import { errorMessage } from "@/lib/actions/safe-action";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { saveLoanRequest } from "@/lib/applications/services/drafts";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, ensureReferenceData, staffActor } from "../support/factories";
import { inlineServerActions, serverActionModules } from "../support/server-actions";

// Every server action in the tree, found by its "use server" directive (not a hand-written
// list), is called by every kind of caller outside its declared audience: each refusal leaves
// the database exactly as it was. The fields sent are valid for the actions they belong to
// (a returned case of the applicant's, amounts, dates), so only the gate stands between an
// outsider and a change.

let caller: Actor | null = null;
const SAME_ORIGIN = { "x-forwarded-for": "127.0.0.1", host: "localhost:3000", origin: "http://localhost:3000" };
let requestHeaders: Record<string, string> = SAME_ORIGIN;
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (caller ? { actor: caller } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(requestHeaders),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

type Found = { module: string; name: string; action: ((...args: unknown[]) => Promise<unknown>) & { audience?: Audience } };

const STAFF_EMAILS = [
  "reviewer@center.demo", "approver@center.demo", "officer@guarantor.demo", "officer@bank.demo",
  "agent@district.demo", "hotline@center.demo", "admin@center.demo", "auditor@center.demo",
];

function inAudience(audience: Audience, actor: Actor | null): boolean {
  switch (audience.kind) {
    case "public":
      return true;
    case "signedIn":
      return actor !== null;
    case "applicant":
      return actor?.kind === "APPLICANT";
    case "staff":
      return actor?.kind === "STAFF" && audience.roles.includes(actor.role);
  }
}

/** Every row of every table, as one digest: any write anywhere changes it. */
async function databaseDigest(): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ t: string }[]>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { t } of tables) {
    const [row] = await db.$queryRawUnsafe<{ d: string | null }[]>(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t}" x`,
    );
    parts.push(`${t}:${row?.d}`);
  }
  return parts.join(",");
}

describe("server actions: every one declares its audience and refuses everyone else", () => {
  const found: Found[] = [];
  const callers: { label: string; actor: Actor | null }[] = [];
  let form: FormData;

  beforeAll(async () => {
    for (const file of serverActionModules()) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        found.push({ module: path.relative(process.cwd(), file), name, action: value as Found["action"] });
      }
    }

    await ensureReferenceData();
    const owner = await createApplicant();
    const draft = await createReadyDraft(owner);
    const org = (code: string) => db.organisation.findUniqueOrThrow({ where: { code } });
    const [guarantor, bank, district, policy] = [await org("SCDB"), await org("BJRCB"), await org("CYQZGH"), await db.policyVersion.findFirstOrThrow()];
    // A case the applicant must answer, visible to every organisation on it.
    await db.loanApplication.update({
      where: { id: draft.id },
      data: { status: "RETURNED", returnedFrom: "BANK_REVIEW", version: 3, policyVersionId: policy.id, guarantorOrgId: guarantor.id, bankOrgId: bank.id, intakeOrgId: district.id },
    });
    const reviewer = await staffActor("reviewer@center.demo");
    const fields: Record<string, string> = {
      applicationId: draft.id, version: "3", enterpriseId: draft.enterpriseId, ids: draft.id, userId: owner.userId, assigneeId: reviewer.userId,
      comment: "同意办理", reason: "经营需要调整", purpose: "采购设备扩大经营", repaymentSource: "经营收入",
      categoryCode: "SMALL_MICRO", amountYuan: "450000", termMonths: "12", missingItems: "财务报表", reasonCode: "OTHER",
      contractNo: `T-${uniqueSuffix()}`, guaranteedYuan: "300000", bankOrgId: bank.id, guarantorOrgId: guarantor.id,
      principalYuan: "300000", annualRatePercent: "3.45", lprReference: "LPR 1Y", repaymentMethod: "EQUAL_INSTALMENTS",
      disbursedOn: "2026-01-05", accountNo: "622848001234567890", settledOn: "2026-01-05", checkMember: "on", checkDocuments: "on",
      kind: "SENSITIVE_PERSONAL_INFO", agree: "on", type: "EXTENSION", expiresOn: "2027-12-31", locale: "en",
      changeId: draft.id, decision: "approve",
      interestYuan: "100", paidOn: "2026-02-05", reference: "RF-1", firstMissedOn: "2026-02-05", curedOn: "2026-03-05", recoveredOn: "2026-04-05",
      unionName: "北京某企业工会", foundedOn: "2025-06-01", memberCount: "12",
      textZh: "本人同意……", textEn: "I agree …", effectiveFrom: "2998-01-01", tenor: "ONE_YEAR", ratePercent: "3.00",
    };
    form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);

    callers.push({ label: "anonymous", actor: null }, { label: "applicant", actor: owner });
    for (const email of STAFF_EMAILS) {
      const actor = await staffActor(email);
      callers.push({ label: actor.role, actor });
    }
  }, 120_000);

  it("finds the actions Next compiles, and each was made by a builder that names its audience", () => {
    expect(inlineServerActions()).toEqual([]);
    expect(found.length).toBeGreaterThan(30);
    const undeclared = found.filter((f) => typeof f.action !== "function" || !f.action.audience).map((f) => `${f.module}#${f.name}`);
    expect(undeclared).toEqual([]);
  });

  it("refuses every caller outside the audience, and nothing in the database changes", async () => {
    const before = await databaseDigest();
    const leaks: string[] = [];
    let refusals = 0;
    for (const f of found) {
      for (const c of callers) {
        if (inAudience(f.action.audience!, c.actor)) continue;
        caller = c.actor;
        const audits = await db.auditEvent.count();
        const state = (await f.action(IDLE, form)) as ActionState | undefined;
        refusals += 1;
        const refused = state?.status === "error" && (state.code === undefined || ["UNAUTHENTICATED", "NOT_FOUND"].includes(state.code));
        if (!refused) leaks.push(`${f.module}#${f.name} as ${c.label}: ${JSON.stringify(state)}`);
        if ((await db.auditEvent.count()) !== audits) leaks.push(`${f.module}#${f.name} as ${c.label}: wrote an audit event`);
      }
    }
    caller = null;
    expect(leaks).toEqual([]);
    expect(refusals).toBeGreaterThan(found.length * 5);
    expect(await databaseDigest()).toBe(before);
  }, 300_000);

  it("refuses a request from another site, or without an Origin, even from the audience itself", async () => {
    const owner = callers.find((c) => c.actor?.kind === "APPLICANT")!.actor;
    const save = found.find((f) => f.name === "saveLoanRequestAction")!;
    caller = owner;
    const before = await databaseDigest();
    for (const headers of [
      { ...SAME_ORIGIN, origin: "https://evil.example" },
      { ...SAME_ORIGIN, origin: "https://evil.example", "x-forwarded-host": "evil.example" },
      { host: SAME_ORIGIN.host },
    ]) {
      requestHeaders = headers;
      expect(await save.action(IDLE, form)).toMatchObject({ status: "error", code: "FORBIDDEN" });
    }
    requestHeaders = SAME_ORIGIN;
    caller = null;
    expect(await databaseDigest()).toBe(before);
  });

  it("a call without form data from inside the audience is refused as bad input: no server error, nothing written", async () => {
    const before = await databaseDigest();
    const badInput = await errorMessage("VALIDATION");
    const shapes: string[] = [];
    for (const f of found) {
      const insider = callers.find((c) => inAudience(f.action.audience!, c.actor));
      if (!insider) continue;
      caller = insider.actor;
      for (const args of [[], [IDLE], [IDLE, { applicationId: form.get("applicationId") }]]) {
        const state = (await f.action(...args)) as ActionState | undefined;
        // Actions with a void answer (language, sign-out) answer nothing; the importers' states carry no code.
        const refused = state?.status === "error" && (state.code === "VALIDATION" || (state.code === undefined && state.message === badInput));
        if (state !== undefined && !refused) shapes.push(`${f.module}#${f.name}(${args.length}): ${JSON.stringify(state)}`);
      }
    }
    caller = null;
    expect(shapes).toEqual([]);
    expect(await databaseDigest()).toBe(before);
  }, 300_000);

  it("saving the loan request of a returned case is the owning applicant's alone (hole: any staff could raise the amount)", async () => {
    const save = found.find((f) => f.name === "saveLoanRequestAction")!;
    const id = String(form.get("applicationId"));
    for (const c of callers.filter((x) => x.actor?.kind === "STAFF")) {
      caller = c.actor;
      const state = (await save.action(IDLE, form)) as ActionState;
      expect(state).toMatchObject({ status: "error", code: "NOT_FOUND" });
    }
    caller = null;
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id } });
    expect(app.amountFen).toBe(30_000_000n);
    expect(save.action.audience).toEqual({ kind: "applicant" });
    // The service refuses on its own as well.
    await expect(saveLoanRequest(await staffActor("reviewer@center.demo"), {
      applicationId: id, categoryCode: "SMALL_MICRO", amountYuan: 45_000_000n, termMonths: 12, purpose: "采购设备扩大经营", repaymentSource: "经营收入",
    })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
