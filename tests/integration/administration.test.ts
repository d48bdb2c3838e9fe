import { describe, expect, it } from "vitest";
import { publishPolicy } from "@/lib/organisations/services/publish-policy";
import { decideControlChange } from "@/lib/organisations/services/dual-control";
import { revokeSessions, setAccountDisabled } from "@/lib/organisations/services/account-access";
import { policyInForce } from "@/lib/policy/queries";
import { loadSessionState } from "@/lib/auth/session-state";
import type { PolicyInput } from "@/lib/organisations/schemas";
import { db, itOnPostgres } from "../support/db";
import { outcome } from "../support/outcome";
import { createApplicant, createStaff, staffActor } from "../support/factories";
import { addDays, beijingDayOf } from "@/lib/calendar/beijing";
import type { AppError } from "@/lib/errors";
import { worded } from "../support/words";

/** The latest version's rules from a new date (so that it loosens nothing), with changes. */
async function input(effectiveFrom: string, changes: Partial<PolicyInput> = {}): Promise<PolicyInput> {
  const latest = await db.policyVersion.findFirstOrThrow({ orderBy: { effectiveFrom: "desc" } });
  return {
    effectiveFrom, maxLoanFen: latest.maxLoanFen, maxTermMonths: latest.maxTermMonths, subsidyRatioPercent: latest.subsidyRatioBp / 100,
    coolingDays: latest.coolingDays, centerReviewDays: 5, guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15,
    greenChannelDays: 2, exceptionMaxLoanFen: latest.exceptionMaxLoanFen, exceptionMaxTermMonths: latest.exceptionMaxTermMonths,
    maxOpenCasesPerPerson: latest.maxOpenCasesPerPerson, maxExposurePerPersonFen: latest.maxExposurePerPersonFen, recommendNeedsChecker: latest.recommendNeedsChecker, documentQuotaMb: 50, note: "调整办理时限", ...changes,
  };
}

/** A date after every version already published (other test files publish their own). */
async function dateAfterLatest(days: number): Promise<string> {
  const latest = await db.policyVersion.findFirstOrThrow({ orderBy: { effectiveFrom: "desc" } });
  const base = Math.max(latest.effectiveFrom.getTime(), Date.now());
  return addDays(beijingDayOf(new Date(base)), days);
}

describe("programme administration", () => {
  it("publishes an effective-dated policy version once a second administrator approves it; what is in force today does not change until its date", async () => {
    const admin = await staffActor("admin@center.demo");
    const second = await createStaff("BJZGHZ", "PROGRAM_ADMIN");
    const before = await policyInForce();
    const versionsBefore = await db.policyVersion.count();
    const day = await dateAfterLatest(2);
    // Even a version that loosens nothing is only proposed: nothing is published yet.
    const proposed = await publishPolicy(admin, await input(day));
    expect(proposed).toMatchObject({ kind: "proposed", weakens: [] });
    expect(await db.policyVersion.count()).toBe(versionsBefore);
    expect(await outcome(decideControlChange(admin, { changeId: proposed.changeId, approve: true }))).toBe("SAME_PERSON");
    await decideControlChange(second, { changeId: proposed.changeId, approve: true });
    const { resultId } = await db.controlChange.findUniqueOrThrow({ where: { id: proposed.changeId } });
    const { version } = await db.policyVersion.findUniqueOrThrow({ where: { id: resultId! } });
    expect(version).toBeGreaterThan(before.version);
    expect((await policyInForce()).id).toBe(before.id);
    // The audit event names the version it follows, as it stood: the configuration view's "before".
    const previous = await db.policyVersion.findFirstOrThrow({ where: { version: { lt: version } }, orderBy: { effectiveFrom: "desc" } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "policy.published" }, orderBy: { id: "desc" } });
    expect((event.data as { before: { version: number; maxLoanFen: string; bankReviewDays: number } }).before)
      .toMatchObject({ version: previous.version, maxLoanFen: previous.maxLoanFen.toString(), bankReviewDays: previous.bankReviewDays });
    expect(event.data).toMatchObject({ proposedBy: admin.userId });
    expect((await policyInForce(new Date(`${day}T12:00:00+08:00`))).version).toBe(version);
    // Not on or before the latest date, not by anyone but an administrator.
    expect(await outcome(publishPolicy(admin, await input(day)))).toBe("VALIDATION");
    expect(await outcome(publishPolicy(await staffActor("approver@center.demo"), await input(await dateAfterLatest(3))))).toBe("NOT_FOUND");
  });

  it("refuses a policy version dated in the past, proposing nothing", async () => {
    const admin = await staffActor("admin@center.demo");
    const pending = await db.controlChange.count();
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const refused = await publishPolicy(admin, await input(yesterday)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { effectiveFrom: [{ key: "admin.policyErrors.inPast" }] } });
    expect(worded((refused as AppError).fieldErrors!.effectiveFrom![0])).toContain("不能早于今天");
    expect(await outcome(publishPolicy(admin, await input("2020-01-01")))).toBe("VALIDATION");
    expect(await db.controlChange.count()).toBe(pending);
  });

  itOnPostgres("two proposals for the same date approved at once: exactly one version is published", async () => {
    const [a, b, c] = [await staffActor("admin@center.demo"), await createStaff("BJZGHZ", "PROGRAM_ADMIN"), await createStaff("BJZGHZ", "PROGRAM_ADMIN")];
    // Publications take turns, so the second approval finds the first already published for that
    // date (VALIDATION); without the lock both could pass (seen before it was added).
    const day = await dateAfterLatest(5);
    const same = await input(day);
    const [first, second] = [await publishPolicy(a, same), await publishPolicy(b, same)];
    const before = await db.policyVersion.count();
    const outcomes = await Promise.all([
      outcome(decideControlChange(c, { changeId: first.changeId, approve: true })),
      outcome(decideControlChange(c, { changeId: second.changeId, approve: true })),
    ]);
    expect(outcomes.filter((o) => o === "OK"), outcomes.join(",")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "OK")[0]).toMatch(/CONFLICT|VALIDATION/);
    expect(await db.policyVersion.count()).toBe(before + 1);
  });

  it("revokes an account's sessions and disables or enables it", async () => {
    const admin = await staffActor("admin@center.demo");
    const person = await createApplicant();
    const before = await loadSessionState(person.userId);
    await revokeSessions(admin, person.userId);
    expect((await loadSessionState(person.userId))!.sessionVersion).toBe(before!.sessionVersion + 1);
    await setAccountDisabled(admin, person.userId, true);
    expect(await loadSessionState(person.userId)).toBeNull();
    await setAccountDisabled(admin, person.userId, false);
    expect(await loadSessionState(person.userId)).not.toBeNull();
    expect(await outcome(setAccountDisabled(admin, admin.userId, true))).toBe("FORBIDDEN");
    expect(await outcome(revokeSessions(await staffActor("auditor@center.demo"), person.userId))).toBe("NOT_FOUND");
  });
});
