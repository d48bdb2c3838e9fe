import { afterEach, describe, expect, it, vi } from "vitest";
import { storedAuditData } from "@/lib/audit/record";
import { readAuditData, readAuditEvent } from "@/lib/audit/read";
import { isAuditAction } from "@/lib/audit/events/table";
import { APPLICATION_EVENTS, auditAction } from "@/lib/applications/events";
import { CONFIG_ACTIONS } from "@/lib/audit/config-changes";
import { logger } from "@/lib/logger";

afterEach(() => vi.restoreAllMocks());

describe("writing an audit event", () => {
  it("refuses a payload that lacks a required field, before anything is stored", () => {
    // @ts-expect-error the compiler refuses it too: `cleared` is required
    expect(() => storedAuditData("user.unlocked", {})).toThrow(/user\.unlocked/);
    // @ts-expect-error and a field of the wrong type
    expect(() => storedAuditData("application.assigned", { assigneeId: 7 })).toThrow(/application\.assigned/);
  });

  it("stores what the service wrote, bigint fen and dates as strings, no field added or dropped", () => {
    const written = { loanId: "L1", principalFen: 12_345n, interestFen: 0n, paidOn: new Date("2026-03-01T00:00:00Z"), reference: null };
    expect(storedAuditData("application.repayment_recorded", written)).toEqual({
      loanId: "L1", principalFen: "12345", interestFen: "0", paidOn: "2026-03-01T00:00:00.000Z", reference: null,
    });
    // A field the schema does not name is kept as written (the hash covers what was written).
    const transition = { from: "SUBMITTED", to: "RETURNED", version: 3, comment: "缺营业执照", extra: "kept" };
    expect(storedAuditData("application.returned", transition as never)).toEqual(transition);
  });
});

describe("reading an audit event", () => {
  it("reads rows of an older shape: a budget without its deposit, a past case's step without a version", () => {
    expect(readAuditData("subsidy.budget_set", { action: "subsidy.budget_set", data: { year: 2025, fromFen: null, toFen: "100" } }))
      .toEqual({ year: 2025, fromFen: null, toFen: "100" });
    const step = readAuditEvent({ action: "application.returned", data: { from: "CENTER_REVIEW", to: "RETURNED", comment: "材料不全", missingItems: ["财务报表"] } });
    expect(step).toMatchObject({ readable: true, data: { comment: "材料不全", missingItems: ["财务报表"] } });
  });

  it("reports a row that does not parse and gives it back unreadable, never with fields read as undefined", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    expect(readAuditEvent({ id: 9n, action: "application.note_added", data: { text: "renamed field" } })).toEqual({ readable: false, action: "application.note_added" });
    expect(readAuditEvent({ action: "no.such_kind", data: {} })).toEqual({ readable: false, action: "no.such_kind" });
    expect(readAuditData("user.unlocked", { action: "user.role_changed", data: { from: "A", to: "B" } })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0]![1]).toMatchObject({ id: "9", action: "application.note_added" });
  });
});

describe("the table of kinds", () => {
  it("knows every event of a case's life and every configuration change the audit view shows", () => {
    expect(APPLICATION_EVENTS.map(auditAction).filter((a) => !isAuditAction(a))).toEqual([]);
    expect(CONFIG_ACTIONS.filter((a) => !isAuditAction(a))).toEqual([]);
  });
});
