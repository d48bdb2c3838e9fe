import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Actor } from "@/lib/auth/roles";
import type { BatchStatus } from "@/lib/generated/prisma/enums";
import { availableBatchActions, BATCH_TRANSITIONS, mayTransition, refusalOf, type BatchAction } from "@/lib/subsidies/batch-workflow";
import { beijingToday } from "@/lib/calendar/beijing";
import { batchQuarterOf, parseQuarter, quarterLabel, quarterOf } from "@/lib/subsidies/periods";
import { fieldErrorsOf, oneLineStatement } from "@/lib/subsidies/one-line-statement";
import { parseStatement } from "@/lib/subsidies/statement-parser";
import { words } from "@/lib/i18n/words";
import { worded } from "@/tests/support/words";

const staff = (role: Extract<Actor, { kind: "STAFF" }>["role"], userId = "u1"): Actor => ({
  kind: "STAFF", userId, role, displayName: "x", organisationId: "o", organisationType: role === "BANK_OFFICER" ? "BANK" : "SUPPORT_CENTER",
});
const STATUSES: BatchStatus[] = ["OPEN", "VERIFIED", "MAKER_APPROVED", "APPROVED", "PAID", "RECONCILED"];

describe("quarters", () => {
  it("a line belongs to the quarter of its payment, or of its period end when nothing was paid", () => {
    expect(batchQuarterOf({ paidOn: "2021-09-21", periodEnd: "2021-09-20" })).toBe("2021Q3");
    expect(batchQuarterOf({ paidOn: "2022-01-02", periodEnd: "2021-12-20" })).toBe("2022Q1");
    expect(batchQuarterOf({ paidOn: null, periodEnd: "2021-12-20" })).toBe("2021Q4");
    expect(quarterOf("2020-04-01")).toBe("2020Q2");
    expect(() => quarterOf("2020-13-01")).toThrow(RangeError);
  });

  it("every day maps to the quarter containing its month, and the key reads back", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
      const iso = new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      const q = parseQuarter(quarterOf(iso))!;
      const month = Number(iso.slice(5, 7));
      return q.year === Number(iso.slice(0, 4)) && month >= q.quarter * 3 - 2 && month <= q.quarter * 3;
    }));
  });

  it("labels and parsing", () => {
    expect(worded(quarterLabel("2021Q3"))).toBe("2021年第3季度");
    expect(parseQuarter("2021Q5")).toBeNull();
    expect(parseQuarter("21Q1")).toBeNull();
  });

  it("today is Beijing's date", () => {
    expect(beijingToday(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12-01");
    expect(beijingToday(new Date("2026-11-30T15:59:59Z"))).toBe("2026-11-30");
  });
});

describe("the batch life cycle", () => {
  it("each action has one target and moves forward from the statuses it names", () => {
    expect(STATUSES.filter((s) => mayTransition("pay", s))).toEqual(["APPROVED"]);
    expect(STATUSES.filter((s) => mayTransition("checkerApprove", s))).toEqual(["MAKER_APPROVED"]);
    expect(STATUSES.filter((s) => mayTransition("reopen", s))).toEqual(["VERIFIED", "MAKER_APPROVED"]);
    // No step leaves a batch where it was (every step is visible in the status and the version).
    for (const action of Object.keys(BATCH_TRANSITIONS) as BatchAction[]) expect(mayTransition(action, BATCH_TRANSITIONS[action].to)).toBe(false);
  });

  it("refusals say why", () => {
    expect(worded(refusalOf("pay", "PAID"))).toBe("该批次已登记支付，不能重复支付");
    expect(worded(refusalOf("pay", "RECONCILED"))).toBe("该批次已登记支付，不能重复支付");
    expect(worded(refusalOf("pay", "MAKER_APPROVED"))).toContain("不能登记支付");
  });

  it("who may do what: the bank nothing, a reviewer not the check, the maker never the check", () => {
    expect(availableBatchActions(staff("BANK_OFFICER"), { status: "OPEN", makerId: null })).toEqual([]);
    expect(availableBatchActions(staff("CENTER_REVIEWER"), { status: "OPEN", makerId: null })).toEqual(["verify"]);
    expect(availableBatchActions(staff("CENTER_REVIEWER"), { status: "MAKER_APPROVED", makerId: "u2" })).toEqual(["reopen"]);
    expect(availableBatchActions(staff("CENTER_APPROVER", "u2"), { status: "MAKER_APPROVED", makerId: "u2" })).toEqual(["reopen"]);
    expect(availableBatchActions(staff("CENTER_APPROVER", "u3"), { status: "MAKER_APPROVED", makerId: "u2" })).toEqual(["reopen", "checkerApprove"]);
    expect(availableBatchActions(staff("AUDITOR"), { status: "APPROVED", makerId: "u2" })).toEqual([]);
    expect(availableBatchActions({ kind: "APPLICANT", userId: "a", role: "APPLICANT", displayName: "a" }, { status: "APPROVED", makerId: null })).toEqual([]);
  });
});

describe("a typed line is a one-line statement", () => {
  it("round-trips through the parser, quoting what needs quoting", async () => {
    const bytes = oneLineStatement({
      contractNo: 'HT-1,"x"', periodStart: "2025-06-10", periodEnd: "2025-09-20", principalBalanceFen: "500,000.00", annualRateMicros: "3.85%",
      interestDueFen: "5,500.00", interestPaidFen: "5500", paidOn: "2025-09-21", overdue: "否", penaltyInterestFen: "", extended: "是",
    });
    const parsed = await parseStatement(bytes, { today: "2026-01-01" });
    expect(parsed).toMatchObject({ ok: true, lines: [{ contractNo: 'HT-1,"x"', principalBalanceFen: 50_000_000n, interestPaidFen: 550_000n, extended: true, penaltyInterestFen: 0n }] });
  });

  it("the parser's columns become form fields", () => {
    const [a, b, c] = [words("a"), words("b"), words("c")];
    expect(fieldErrorsOf([{ line: 2, column: "实付利息", message: a }, { line: 2, column: "实付利息", message: b }, { line: 0, column: "", message: c }]))
      .toEqual({ interestPaidFen: [a, b], _form: [c] });
  });
});
