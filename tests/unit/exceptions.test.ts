import { describe, expect, it } from "vitest";
import { caseLimits, decisionRefusal, exceptionState, requestRefusal, valueFor, type ExceptionRecord } from "@/lib/exceptions/rules";
import { eligibilityBlocks, personBlocks } from "@/lib/applications/eligibility";

const policy = { maxLoanFen: 50_000_000n, maxTermMonths: 36, exceptionMaxLoanFen: 100_000_000n, exceptionMaxTermMonths: 48 };
const none = { valueFen: null, valueMonths: null, documentKind: null };
const rec = (over: Partial<ExceptionRecord>): ExceptionRecord => ({ ...none, type: "HIGHER_CAP", status: "APPROVED", expiresOn: new Date("2026-12-31T00:00:00Z"), ...over });
const today = "2026-12-04";

describe("一企一策 requests", () => {
  it("a higher cap must exceed the policy's cap and stay within the exception ceiling", () => {
    expect(requestRefusal("HIGHER_CAP", { ...none, valueFen: 80_000_000n }, "2026-12-31", policy, today)).toBeNull();
    expect(requestRefusal("HIGHER_CAP", { ...none, valueFen: 100_000_000n }, "2026-12-31", policy, today)).toBeNull();
    expect(requestRefusal("HIGHER_CAP", { ...none, valueFen: 100_000_001n }, "2026-12-31", policy, today)).toMatchObject({ reason: "BEYOND_CEILING", field: "valueYuan", params: { limit: "100000000" } });
    expect(requestRefusal("HIGHER_CAP", { ...none, valueFen: 50_000_000n }, "2026-12-31", policy, today)).toMatchObject({ reason: "NOT_ABOVE_POLICY" });
    expect(requestRefusal("HIGHER_CAP", none, "2026-12-31", policy, today)).toMatchObject({ reason: "VALUE_REQUIRED", field: "valueYuan" });
  });

  it("a longer term likewise, in months; a document waiver names its document", () => {
    expect(requestRefusal("LONGER_TERM", { ...none, valueMonths: 48 }, "2026-12-31", policy, today)).toBeNull();
    expect(requestRefusal("LONGER_TERM", { ...none, valueMonths: 49 }, "2026-12-31", policy, today)).toMatchObject({ reason: "BEYOND_CEILING", field: "valueMonths" });
    expect(requestRefusal("LONGER_TERM", { ...none, valueMonths: 36 }, "2026-12-31", policy, today)).toMatchObject({ reason: "NOT_ABOVE_POLICY" });
    expect(requestRefusal("DOCUMENT_WAIVED", none, "2026-12-31", policy, today)).toMatchObject({ reason: "VALUE_REQUIRED", field: "documentKind" });
    expect(requestRefusal("DOCUMENT_WAIVED", { ...none, documentKind: "BANK_STATEMENTS" }, "2026-12-31", policy, today)).toBeNull();
    expect(requestRefusal("INTEREST_DEFERRAL", none, "2026-12-31", policy, today)).toBeNull();
  });

  it("an expiry before today is refused; today itself is allowed", () => {
    expect(requestRefusal("COOLING_WAIVED", none, "2026-12-03", policy, today)).toMatchObject({ reason: "EXPIRY_PAST", field: "expiresOn" });
    expect(requestRefusal("COOLING_WAIVED", none, today, policy, today)).toBeNull();
  });

  it("keeps only the value the type carries", () => {
    expect(valueFor("LONGER_TERM", { valueFen: 1n, valueMonths: 40, documentKind: "UNION_PROOF" })).toEqual({ valueFen: null, valueMonths: 40, documentKind: null });
    expect(valueFor("COOLING_WAIVED", { valueFen: 1n })).toEqual(none);
  });

  it("only an approver who did not ask may decide", () => {
    expect(decisionRefusal({ userId: "a", role: "CENTER_APPROVER" }, "r")).toBeNull();
    expect(decisionRefusal({ userId: "a", role: "CENTER_APPROVER" }, "a")).toBe("OWN_REQUEST");
    expect(decisionRefusal({ userId: "b", role: "CENTER_REVIEWER" }, "a")).toBe("NOT_APPROVER");
  });

  it("a record is expired once its expiry day has passed in Beijing; refused stays refused", () => {
    expect(exceptionState(rec({ expiresOn: new Date("2026-12-04T00:00:00Z") }), today)).toBe("APPROVED");
    expect(exceptionState(rec({ expiresOn: new Date("2026-12-03T00:00:00Z") }), today)).toBe("EXPIRED");
    expect(exceptionState(rec({ status: "PENDING", expiresOn: new Date("2026-12-03T00:00:00Z") }), today)).toBe("EXPIRED");
    expect(exceptionState(rec({ status: "REFUSED", expiresOn: new Date("2026-12-03T00:00:00Z") }), today)).toBe("REFUSED");
  });
});

describe("what the exceptions in force change", () => {
  it("raises the cap and the term to the approved values, never beyond the ceiling", () => {
    expect(caseLimits(policy, [], today)).toMatchObject({ maxLoanFen: 50_000_000n, maxTermMonths: 36, coolingWaived: false, waivedDocuments: [] });
    const limits = caseLimits(policy, [rec({ valueFen: 80_000_000n }), rec({ type: "LONGER_TERM", valueMonths: 60 })], today);
    expect(limits).toMatchObject({ maxLoanFen: 80_000_000n, maxTermMonths: 48, policyMaxLoanFen: 50_000_000n, policyMaxTermMonths: 36 });
    expect(caseLimits(policy, [rec({ valueFen: 900_000_000n })], today).maxLoanFen).toBe(100_000_000n);
  });

  it("ignores pending, refused and expired records", () => {
    const ignored = [
      rec({ status: "PENDING", valueFen: 80_000_000n }),
      rec({ status: "REFUSED", valueFen: 80_000_000n }),
      rec({ valueFen: 80_000_000n, expiresOn: new Date("2026-12-01T00:00:00Z") }),
      rec({ type: "COOLING_WAIVED", status: "PENDING" }),
    ];
    expect(caseLimits(policy, ignored, today)).toMatchObject({ maxLoanFen: 50_000_000n, coolingWaived: false });
  });

  it("a waiver lifts the cooling block and takes a document off the list", () => {
    const limits = caseLimits(policy, [rec({ type: "COOLING_WAIVED" }), rec({ type: "DOCUMENT_WAIVED", documentKind: "BANK_STATEMENTS" })], today);
    expect(limits).toMatchObject({ coolingWaived: true, waivedDocuments: ["BANK_STATEMENTS"] });
    const base = { hasMemberProfile: true, consents: { sensitive: true, credit: true }, amountFen: 100n, termMonths: 12, otherOpenCase: null,
      outstandingLoan: null, policy: { maxLoanFen: 50_000_000n, maxTermMonths: 36, coolingDays: 30 }, now: new Date("2026-12-04T00:00:00Z"),
      lastRejection: { number: "SQ-1", closedAt: new Date("2026-11-30T00:00:00Z") } };
    expect(eligibilityBlocks(base).map((b) => b.code)).toEqual(["COOLING"]);
    expect(eligibilityBlocks({ ...base, coolingWaived: true })).toEqual([]);
  });
});

describe("per-person exposure", () => {
  const person = { others: 2, othersFen: 100_000_000n, maxCases: 3, maxExposureFen: 150_000_000n };
  it("this case beside the person's others stays within both caps", () => {
    expect(personBlocks(person, 50_000_000n)).toEqual([]);
    expect(personBlocks({ ...person, others: 3 }, 1n).map((b) => b.code)).toEqual(["PERSON_CASES"]);
    expect(personBlocks(person, 50_000_001n).map((b) => b.code)).toEqual(["PERSON_EXPOSURE"]);
    expect(personBlocks(person, 50_000_001n)[0]!.params).toEqual({ max: "¥1,500,000.00", others: "¥1,000,000.00", total: "¥1,500,000.01" });
  });
});
