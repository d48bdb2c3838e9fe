import { describe, expect, it } from "vitest";
import { quartersToRemind, sendStandingReminders } from "@/lib/jobs/standing-reminders";
import { recordUnionStanding } from "@/lib/unions/services/record-standing";
import { daysBetween } from "@/lib/loans/schedule";
import { beijingToday } from "@/lib/calendar/beijing";
import { parseQuarter, quarterBounds, quarterOf } from "@/lib/subsidies/periods";
import type { Actor } from "@/lib/auth/roles";
import { db, textsToUser as textsTo } from "../support/db";
import { ensureReferenceData, staffActor } from "../support/factories";
import { disbursedLoan } from "./loan-servicing-support";

// Before a quarter's subsidy batch the district union that took a case in is asked to record the
// member's union standing, and the applicant is told what is missing: once per loan and quarter.

const quarter = parseQuarter(quarterOf(beijingToday()))!;
const { start: qStart, end: qEnd } = quarterBounds(quarter);
const noonOf = (iso: string, plusDays = 0) => new Date(Date.parse(`${iso}T12:00:00+08:00`) + plusDays * 86_400_000);

async function notices(actor: Actor, applicationId: string) {
  const rows = await db.notification.findMany({ where: { userId: actor.userId, applicationId }, select: { code: true, params: true } });
  return rows.map((r) => ({ code: r.code, params: r.params as Record<string, string> }));
}

describe("union standing reminders before the quarter's batch", () => {
  it("asks the intake district union and tells the applicant, once, in the quarter's last days; a covered loan is left alone", async () => {
    await ensureReferenceData();
    const [agent, reviewer, district] = await Promise.all([
      staffActor("agent@district.demo"), staffActor("reviewer@center.demo"), db.organisation.findUniqueOrThrow({ where: { code: "CYQZGH" } }),
    ]);
    const lacking = await disbursedLoan({ monthsAgo: 6, termMonths: 24 });
    const covered = await disbursedLoan({ monthsAgo: 6, termMonths: 24 });
    await db.loanApplication.updateMany({ where: { id: { in: [lacking.applicationId, covered.applicationId] } }, data: { intakeOrgId: district.id, intakeChannel: "DISTRICT_UNION" } });
    const firm = await db.enterprise.findUniqueOrThrow({ where: { id: covered.enterpriseId } });
    await recordUnionStanding(agent, { creditCode: firm.creditCode, unionName: "测试企业工会", memberCardNo: "GH-9", validFrom: lacking.disbursedOn });

    // Mid-quarter: too early for this quarter, too late for the last one.
    await sendStandingReminders(noonOf(qStart, 40));
    expect(await notices(agent, lacking.applicationId)).toEqual([]);

    const lastDays = noonOf(qEnd, -3);
    await sendStandingReminders(lastDays);
    await sendStandingReminders(lastDays);
    const expected = {
      year: String(quarter.year), q: String(quarter.quarter), contractNo: lacking.contractNo, from: qStart, to: qEnd,
      uncoveredDays: String(daysBetween(qStart, qEnd) + 1),
    };
    expect(await notices(agent, lacking.applicationId)).toEqual([{ code: "standingMissing", params: expect.objectContaining(expected) }]);
    expect(await notices(lacking.applicant, lacking.applicationId)).toEqual([
      { code: "standingMissingApplicant", params: expect.objectContaining({ ...expected, loanId: lacking.loanId }) },
    ]);
    expect(await textsTo(lacking.applicant.userId)).toEqual([expect.stringMatching(new RegExp(`^【暖·创贷】贴息需要您的工会会员资格记录。.*${lacking.contractNo}`))]);
    expect(await textsTo(covered.applicant.userId)).toEqual([]);
    expect(await notices(reviewer, lacking.applicationId)).toEqual([]);
    expect(await notices(agent, covered.applicationId)).toEqual([]);
    expect(await notices(covered.applicant, covered.applicationId)).toEqual([]);
    const events = await db.auditEvent.count({ where: { applicationId: lacking.applicationId, action: "union.standing_reminder_sent" } });
    expect(events).toBe(2);
  });

  it("an online case's reminder goes to the centre's reviewers; the quarter just ended is still reminded for a month", async () => {
    const reviewer = await staffActor("reviewer@center.demo");
    const online = await disbursedLoan({ monthsAgo: 6, termMonths: 24 });
    await sendStandingReminders(noonOf(qEnd, 10));
    expect((await notices(reviewer, online.applicationId)).map((n) => [n.code, n.params.q])).toEqual([["standingMissing", String(quarter.quarter)]]);
  });

  it("picks the quarters whose batch is near", () => {
    expect(quartersToRemind("2026-12-20", 15, 30)).toEqual(["2026Q4"]);
    expect(quartersToRemind("2026-12-16", 15, 30)).toEqual([]);
    expect(quartersToRemind("2027-01-30", 15, 30)).toEqual(["2026Q4"]);
    expect(quartersToRemind("2027-01-31", 15, 30)).toEqual([]);
    expect(quartersToRemind("2027-03-20", 15, 30)).toEqual(["2027Q1"]);
    expect(quartersToRemind("2026-10-05", 15, 30)).toEqual(["2026Q3"]);
  });
});
