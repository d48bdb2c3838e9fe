import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { addMonthsClamped } from "@/lib/loans/schedule";
import { db } from "../support/db";
import { staffActor } from "../support/factories";
import { disbursedLoan } from "./loan-servicing-support";

// The servicing actions as a browser calls them: a refusal comes back in words with its figures
// (the catalogue key and formatted amounts here), on the field concerned, and nothing is stored.

let caller: Actor | null = null;
vi.mock("@/lib/auth/config", () => ({ auth: async () => (caller ? { actor: caller } : null), signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next-intl/server", () => ({
  // Every key is "in the catalogue": a message reads as its key, and its values as JSON.
  getTranslations: async (ns?: string) =>
    Object.assign((key: string, params?: Record<string, string>) => `${ns ? `${ns}.` : ""}${key}${params ? JSON.stringify(params) : ""}`, { has: () => true }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "127.0.0.1", host: "localhost:3000", origin: "http://localhost:3000" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const { recordRepaymentAction, cureAction, compensateAction } = await import("@/lib/loans/actions");

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
};

describe("servicing actions", () => {
  it("a repayment above what is owed comes back with the figures on the field; a good one is recorded", async () => {
    caller = await staffActor("officer@bank.demo");
    const loan = await disbursedLoan({ monthsAgo: 2 });
    const paidOn = addMonthsClamped(loan.disbursedOn, 1);
    const fields = { applicationId: loan.applicationId, principalYuan: "300000.01", interestYuan: "0", paidOn, reference: "A-1" };
    const refused: ActionState = await recordRepaymentAction(IDLE, formOf(fields));
    expect(refused).toMatchObject({ status: "error", code: "VALIDATION", fieldErrors: { principalYuan: ["servicing.refusal.checkField"] } });
    expect(refused.status === "error" && refused.message).toContain("servicing.refusal.ABOVE_OWED");
    expect(refused.status === "error" && refused.message).toContain('"principalOwed":"¥300,000.00"');
    expect(refused.status === "error" && refused.message).toContain('"principal":"¥300,000.01"');
    expect(await db.loanRepayment.count({ where: { loanId: loan.loanId } })).toBe(0);

    const done = await recordRepaymentAction(IDLE, formOf({ ...fields, principalYuan: "100000" }));
    expect(done).toMatchObject({ status: "success", message: "servicing.done.repayment" });
    expect(await db.loanRepayment.count({ where: { loanId: loan.loanId } })).toBe(1);
  });

  it("a cure or a 代偿 for a loan that is not overdue says so", async () => {
    const loan = await disbursedLoan({ monthsAgo: 2 });
    caller = await staffActor("officer@bank.demo");
    const step = { applicationId: loan.applicationId, version: "9", comment: "已归还逾期款项" };
    expect(await cureAction(IDLE, formOf({ ...step, curedOn: loan.disbursedOn }))).toMatchObject({ status: "error", message: "servicing.refusal.CURE_NOT_OVERDUE" });
    caller = await staffActor("officer@guarantor.demo");
    expect(await compensateAction(IDLE, formOf({ ...step, amountYuan: "1000", paidOn: loan.disbursedOn }))).toMatchObject({ status: "error", message: "servicing.refusal.NOT_OVERDUE" });
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).status).toBe("ACTIVE");
  });
});
