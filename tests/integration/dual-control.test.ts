import { describe, expect, it } from "vitest";
import { publishPolicy } from "@/lib/organisations/services/publish-policy";
import { decideControlChange, proposeAdminGrant, withdrawControlChange } from "@/lib/organisations/services/dual-control";
import { pendingControlChanges } from "@/lib/organisations/queries";
import type { PolicyInput } from "@/lib/organisations/schemas";
import { db, itOnPostgres } from "../support/db";
import { outcome } from "../support/outcome";
import { createStaff, staffActor } from "../support/factories";
import { addDays, beijingDayOf } from "@/lib/calendar/beijing";

// Dual control: every policy version (the controls it loosens named), and making someone an
// administrator, takes effect only when a second administrator approves it, and then in the
// same transaction.

async function nextPolicy(changes: Partial<PolicyInput>): Promise<PolicyInput> {
  const latest = await db.policyVersion.findFirstOrThrow({ orderBy: { effectiveFrom: "desc" } });
  const day = addDays(beijingDayOf(new Date(Math.max(latest.effectiveFrom.getTime(), Date.now()))), 3);
  return {
    effectiveFrom: day, maxLoanFen: latest.maxLoanFen, maxTermMonths: latest.maxTermMonths, subsidyRatioPercent: latest.subsidyRatioBp / 100,
    coolingDays: latest.coolingDays, centerReviewDays: 5, guarantorReviewDays: 5, bankReviewDays: 3, disbursementDays: 5, returnAnswerDays: 15,
    greenChannelDays: 2, exceptionMaxLoanFen: latest.exceptionMaxLoanFen, exceptionMaxTermMonths: latest.exceptionMaxTermMonths,
    maxOpenCasesPerPerson: latest.maxOpenCasesPerPerson, maxExposurePerPersonFen: latest.maxExposurePerPersonFen, recommendNeedsChecker: true, documentQuotaMb: 50, note: "复核测试", ...changes,
  };
}
const versions = () => db.policyVersion.count();

describe("a second administrator for changes that weaken a control", () => {
  it("turning maker-checker off waits for another administrator, who publishes it; the proposer cannot", async () => {
    const a = await staffActor("admin@center.demo");
    const b = await createStaff("BJZGHZ", "PROGRAM_ADMIN");
    const before = await versions();
    const proposal = await publishPolicy(a, await nextPolicy({ recommendNeedsChecker: false, maxLoanFen: 80_000_000n }));
    if (proposal.kind !== "proposed") throw new Error("loosening a control must wait");
    expect(proposal.weakens).toEqual(["MAKER_CHECKER_OFF", "HIGHER_LOAN_CAP"]);
    expect(await versions()).toBe(before);
    expect((await pendingControlChanges(b)).find((c) => c.id === proposal.changeId)).toMatchObject({ mine: false, policy: { recommendNeedsChecker: false, maxLoanFen: 80_000_000n } });

    expect(await outcome(decideControlChange(a, { changeId: proposal.changeId, approve: true }))).toBe("SAME_PERSON");
    expect(await outcome(decideControlChange(await staffActor("approver@center.demo"), { changeId: proposal.changeId, approve: true }))).toBe("NOT_FOUND");
    expect(await versions()).toBe(before);

    expect(await decideControlChange(b, { changeId: proposal.changeId, approve: true, note: "经办公会同意" })).toEqual({ status: "APPROVED" });
    const change = await db.controlChange.findUniqueOrThrow({ where: { id: proposal.changeId } });
    const published = await db.policyVersion.findUniqueOrThrow({ where: { id: change.resultId! } });
    expect(published).toMatchObject({ recommendNeedsChecker: false, maxLoanFen: 80_000_000n });
    expect(await db.auditEvent.count({ where: { entityId: proposal.changeId, action: { in: ["control_change.proposed", "control_change.approved"] } } })).toBe(2);
    expect(await outcome(decideControlChange(b, { changeId: proposal.changeId, approve: false }))).toBe("CONFLICT");

    // Tightening again (checker back on, a lower cap) loosens nothing, and still waits for a second administrator.
    const tighter = await publishPolicy(a, await nextPolicy({ recommendNeedsChecker: true, maxLoanFen: 50_000_000n }));
    expect(tighter).toMatchObject({ kind: "proposed", weakens: [] });
    expect(await versions()).toBe(before + 1);
    expect(await outcome(decideControlChange(a, { changeId: tighter.changeId, approve: true }))).toBe("SAME_PERSON");
    await decideControlChange(b, { changeId: tighter.changeId, approve: true });
    expect(await versions()).toBe(before + 2);
  });

  it("a rejected or withdrawn proposal changes nothing; only its proposer may withdraw it", async () => {
    const a = await staffActor("admin@center.demo");
    const b = await createStaff("BJZGHZ", "PROGRAM_ADMIN");
    const before = await versions();
    const latest = await db.policyVersion.findFirstOrThrow({ orderBy: { effectiveFrom: "desc" } });
    const first = await publishPolicy(a, await nextPolicy({ coolingDays: Math.max(0, latest.coolingDays - 10) }));
    const second = await publishPolicy(a, await nextPolicy({ subsidyRatioPercent: 100, maxTermMonths: latest.maxTermMonths + 12 }));
    if (first.kind !== "proposed" || second.kind !== "proposed") throw new Error("both loosen a control");
    expect(first.weakens).toEqual(["SHORTER_COOLING_OFF"]);
    expect(second.weakens).toContain("LONGER_TERM");
    await decideControlChange(b, { changeId: first.changeId, approve: false, note: "冷静期不宜缩短" });
    expect(await outcome(withdrawControlChange(b, second.changeId))).toBe("NOT_FOUND");
    await withdrawControlChange(a, second.changeId);
    expect(await versions()).toBe(before);
    expect((await db.controlChange.findMany({ where: { id: { in: [first.changeId, second.changeId] } }, orderBy: { proposedAt: "asc" } })).map((c) => c.status)).toEqual(["REJECTED", "WITHDRAWN"]);
  });

  it("the administrator role is granted only when a second administrator approves; the person's sessions end", async () => {
    const a = await staffActor("admin@center.demo");
    const b = await createStaff("BJZGHZ", "PROGRAM_ADMIN");
    const person = await createStaff("BJZGHZ", "CENTER_REVIEWER");
    const bank = await createStaff("BJRCB", "BANK_OFFICER");
    expect(await outcome(proposeAdminGrant(a, a.userId))).toBe("SAME_PERSON");
    expect(await outcome(proposeAdminGrant(a, bank.userId))).toBe("VALIDATION");
    const { changeId } = await proposeAdminGrant(a, person.userId);
    expect(await outcome(proposeAdminGrant(b, person.userId))).toBe("CONFLICT");
    expect((await db.membership.findUniqueOrThrow({ where: { userId: person.userId } })).role).toBe("CENTER_REVIEWER");
    expect(await outcome(decideControlChange(a, { changeId, approve: true }))).toBe("SAME_PERSON");

    const sessions = (await db.user.findUniqueOrThrow({ where: { id: person.userId } })).sessionVersion;
    await decideControlChange(b, { changeId, approve: true });
    expect((await db.membership.findUniqueOrThrow({ where: { userId: person.userId } })).role).toBe("PROGRAM_ADMIN");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).sessionVersion).toBe(sessions + 1);
    expect(await db.auditEvent.count({ where: { entityId: person.userId, action: "user.role_changed" } })).toBe(1);
  });

  itOnPostgres("two administrators deciding the same proposal at once: one decision lands, one version", async () => {
    const a = await staffActor("admin@center.demo");
    const [b, c] = [await createStaff("BJZGHZ", "PROGRAM_ADMIN"), await createStaff("BJZGHZ", "PROGRAM_ADMIN")];
    const before = await versions();
    const proposal = await publishPolicy(a, await nextPolicy({ recommendNeedsChecker: false }));
    if (proposal.kind !== "proposed") throw new Error("loosening a control must wait");
    const results = await Promise.all([
      outcome(decideControlChange(b, { changeId: proposal.changeId, approve: true })),
      outcome(decideControlChange(c, { changeId: proposal.changeId, approve: true })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await versions()).toBe(before + 1);
  });
});
