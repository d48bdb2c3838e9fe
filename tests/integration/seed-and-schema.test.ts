import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/lib/demo/seed";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DEMO_CONSULTING_SUBSIDY_TOTAL_FEN } from "@/lib/subsidies/demo-fixture";
import { db } from "../support/db";
import { mobileLookup, seal } from "@/lib/personal-data/sealed";
import { openCaseFacts, readCaseFacts, sealCaseFacts } from "@/lib/applications/snapshot-store";

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      Object.values(Prisma.ModelName).map(async (name) => {
        const delegate = (db as unknown as Record<string, { count: () => Promise<number> }>)[name.charAt(0).toLowerCase() + name.slice(1)]!;
        return [name, await delegate.count()] as const;
      }),
    ),
  );

describe("demo seed", () => {
  beforeAll(async () => {
    await seedDemo(db);
  }, 120_000);

  it("is idempotent: a second run adds nothing", async () => {
    const before = await counts();
    await seedDemo(db);
    expect(await counts()).toEqual(before);
    expect(before.LoanApplication).toBeGreaterThanOrEqual(7);
    expect(before.User).toBeGreaterThanOrEqual(9);
  }, 120_000);

  it("reproduces the consulting company's three loans and its ¥35,146.94 subsidy", async () => {
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { name: "北京某信息咨询有限公司" }, select: { id: true } });
    const loans = await db.loan.findMany({ where: { enterpriseId: enterprise.id }, orderBy: { disbursedOn: "asc" } });
    expect(loans.map((l) => l.principalFen)).toEqual([50_000_000n, 50_000_000n, 40_000_000n]);
    const sum = await db.statementLine.aggregate({ where: { loan: { enterpriseId: enterprise.id } }, _sum: { subsidyFen: true } });
    expect(sum._sum.subsidyFen).toBe(DEMO_CONSULTING_SUBSIDY_TOTAL_FEN);
    const batches = await db.subsidyBatch.findMany({
      where: { lines: { some: { loan: { enterpriseId: enterprise.id } } } },
      select: { totalFen: true, lines: { where: { current: true }, select: { subsidyFen: true } } },
    });
    expect(batches).toHaveLength(10);
    for (const b of batches) expect(b.lines.reduce((t, l) => t + l.subsidyFen, 0n)).toBe(b.totalFen);
  });

  it("records the consulting company's union standing and founding as the district union does, with their audit events", async () => {
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { name: "北京某信息咨询有限公司" }, select: { id: true } });
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@district.demo" }, select: { id: true } });
    const standing = await db.unionStanding.findFirstOrThrow({ where: { enterpriseId: enterprise.id, supersededAt: null } });
    expect(standing).toMatchObject({ recordedById: agent.id, evidence: expect.stringContaining("会员证") });
    const [recorded, founded] = await Promise.all([
      db.auditEvent.findFirst({ where: { entityType: "UnionStanding", entityId: standing.id, action: "union.standing_recorded", actorId: agent.id } }),
      db.auditEvent.count({ where: { entityType: "UnionFounding", actorId: agent.id, data: { path: ["enterpriseId"], equals: enterprise.id } } }),
    ]);
    expect(recorded?.data).toMatchObject({ enterpriseId: enterprise.id, via: "seed" });
    expect(founded).toBe(1);
  });

  it("writes cases in several states, with renewals linked to the earlier loan", async () => {
    const statuses = new Set((await db.loanApplication.findMany({ select: { status: true } })).map((a) => a.status));
    for (const s of ["SETTLED", "CENTER_REVIEW", "RETURNED", "GUARANTOR_REVIEW", "BANK_REVIEW"] as const) expect(statuses).toContain(s);
    const renewal = await db.loanApplication.findUniqueOrThrow({ where: { number: "SQ-2020-0133" }, include: { previousLoan: true } });
    expect(renewal.kind).toBe("RENEWAL");
    expect(renewal.previousLoan?.contractNo).toBe("NCD-2019-0087");
  });

  it("gives every submitted case the snapshot its submission took, with the enterprise as it stood then", async () => {
    // The seed's own cases (other test files make cases of their own in this database).
    const numbers = ["SQ-2019-0087", "SQ-2020-0133", "SQ-2021-0158", "SQ-2026-0001", "SQ-2026-0002", "SQ-2026-0003", "SQ-2026-0004"];
    const submitted = await db.loanApplication.findMany({ where: { number: { in: numbers } }, select: { number: true, submittedAt: true, snapshots: true } });
    expect(submitted).toHaveLength(numbers.length);
    for (const a of submitted) {
      // The first one: another file may have taken a demo case further since.
      const first = a.snapshots.find((s) => s.sequence === 1);
      expect(first && [first.reason, first.takenAt.getTime()], a.number).toEqual(["SUBMITTED", a.submittedAt!.getTime()]);
    }
    const first = await db.caseSnapshot.findFirstOrThrow({ where: { application: { number: "SQ-2019-0087" } } });
    expect(openCaseFacts(first.payloadSealed).enterprise).toMatchObject({ employees: 8, annualRevenueFen: "210000000" });
    const live = await db.enterprise.findFirstOrThrow({ where: { name: "北京某信息咨询有限公司" } });
    expect([live.employees, live.annualRevenueFen]).toEqual([12, 320_000_000n]);
  });

  it("leaves an intact audit chain", async () => {
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true });
    expect(report.checked).toBeGreaterThan(20);
  });

  it("every model and every scalar field round-trips through the client", async () => {
    // The seed fills most models; write the rest here with every field set.
    const user = await db.user.findFirstOrThrow({ where: mobileLookup("13800000001") });
    const app = await db.loanApplication.findFirstOrThrow({ where: { number: "SQ-2026-0001" } });
    const now = new Date("2026-11-30T01:02:03.456Z");
    await db.policyException.create({
      data: { enterpriseId: app.enterpriseId, applicationId: app.id, type: "INTEREST_DEFERRAL", reason: "疫情期间延期付息",
        status: "APPROVED", version: 1, valueFen: 60_000_000n, valueMonths: 40, documentKind: "BANK_STATEMENTS", requestedById: user.id, requestedAt: now,
        decidedById: user.id, decidedAt: now, decisionComment: "同意", expiresOn: new Date("2027-03-31T00:00:00Z") },
    });
    const doc = await db.document.create({
      data: { applicationId: app.id, kind: "BUSINESS_LICENCE", version: 1, storageKey: `rt/${now.getTime()}`, fileName: "执照.pdf",
        mimeType: "application/pdf", sizeBytes: 1234, sha256: "a".repeat(64), uploadedById: user.id, createdAt: now, supersededAt: now },
    });
    expect(await db.document.findUniqueOrThrow({ where: { id: doc.id } })).toEqual(doc);
    const reading = await db.documentReading.create({
      data: { documentId: doc.id, status: "DONE", progress: 100, proposalsSealed: seal('{"name":"x"}', "DocumentReading.proposals"), failureCode: "X",
        attempts: 1, queuedAt: now, startedAt: now, finishedAt: now, durationMs: 812 },
    });
    expect(await db.documentReading.findUniqueOrThrow({ where: { id: reading.id } })).toEqual(reading);
    const note = await db.notification.create({ data: { userId: user.id, applicationId: app.id, title: "t", body: "b", readAt: now, createdAt: now } });
    expect(await db.notification.findUniqueOrThrow({ where: { id: note.id } })).toEqual(note);
    const coded = await db.notification.create({ data: { userId: user.id, applicationId: app.id, code: "stageOverdue", params: { number: "N", daysLate: "2" }, createdAt: now } });
    expect(await db.notification.findUniqueOrThrow({ where: { id: coded.id } })).toEqual(coded);
    const reminder = await db.sentReminder.create({ data: { kind: "STAGE_OVERDUE", subjectKey: `rt-${now.getTime()}`, applicationId: app.id, createdAt: now } });
    expect(await db.sentReminder.findUniqueOrThrow({ where: { id: reminder.id } })).toEqual(reminder);
    const stored = await db.storedObject.create({ data: { key: `rt/${now.getTime()}`, bytes: new Uint8Array([0, 1, 2, 255]), sizeBytes: 4, createdAt: now } });
    expect(await db.storedObject.findUniqueOrThrow({ where: { key: stored.key } })).toEqual(stored);
    const job = await db.backgroundJob.create({
      data: { kind: "STATEMENT_IMPORT", organisationId: (await db.organisation.findFirstOrThrow()).id, requestedById: user.id,
        status: "FAILED", input: { fileName: "q.csv", storageKey: stored.key, sha256: "b".repeat(64) }, doneCount: 3, totalCount: 480,
        result: { outcome: "REJECTED", total: 0, errors: [] }, errorKey: "background.failed.unexpected", errorValues: { n: "1" }, attempts: 2,
        queuedAt: now, startedAt: now, heartbeatAt: now, finishedAt: now },
    });
    expect(await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } })).toEqual(job);
    const mail = await db.outboxEmail.create({ data: { to: "a@b.cn", subject: "s", body: "b", sentAt: now, error: "e", createdAt: now } });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: mail.id } })).toEqual(mail);
    const throttle = await db.signInThrottle.create({ data: { key: `rt:${now.getTime()}`, windowStart: now, failures: 3 } });
    expect(await db.signInThrottle.findUniqueOrThrow({ where: { key: throttle.key } })).toEqual(throttle);
    const token = await db.passwordToken.create({
      data: { userId: user.id, tokenHash: `rt-${now.getTime()}`, purpose: "RESET", expiresAt: now, usedAt: now, createdAt: now },
    });
    expect(await db.passwordToken.findUniqueOrThrow({ where: { id: token.id } })).toEqual(token);
    const recovery = await db.recoveryCode.create({ data: { userId: user.id, codeHash: `rt-${now.getTime()}`, usedAt: now, createdAt: now } });
    expect(await db.recoveryCode.findUniqueOrThrow({ where: { id: recovery.id } })).toEqual(recovery);
    const sms = await db.outboxSms.create({
      data: { toSealed: seal("13800000000", "OutboxSms.to"), bodySealed: seal("rt", "OutboxSms.body"), sentAt: now, error: "e", createdAt: now },
    });
    expect(await db.outboxSms.findUniqueOrThrow({ where: { id: sms.id } })).toEqual(sms);
    const draft = await db.formDraft.create({
      data: { userId: user.id, form: "ENTERPRISE", recordKey: `rt-${now.getTime()}`, fieldsSealed: seal('{"creditCode":"x"}', "FormDraft.fields"), updatedAt: now },
    });
    expect(await db.formDraft.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(draft);
    const wording = await db.consentWording.create({
      data: { kind: "CREDIT_REPORT_AUTHORISATION", version: `RT-${now.getTime()}`, textZh: "文本", textEn: "text", effectiveFrom: new Date("2998-12-31T00:00:00Z"),
        createdById: user.id, createdAt: now },
    });
    expect(await db.consentWording.findUniqueOrThrow({ where: { id: wording.id } })).toEqual(wording);
    const lpr = await db.lprRate.create({ data: { tenor: "FIVE_YEAR", effectiveFrom: new Date("2998-12-31T00:00:00Z"), rateBp: 350, createdById: user.id, createdAt: now } });
    expect(await db.lprRate.findUniqueOrThrow({ where: { id: lpr.id } })).toEqual(lpr);
    const mobileCode = await db.mobileCode.create({
      data: { purpose: "RESET", mobileIndex: `rt-${now.getTime()}`, codeHash: "h", addressKey: "a", attempts: 2, expiresAt: now, usedAt: now, createdAt: now },
    });
    expect(await db.mobileCode.findUniqueOrThrow({ where: { id: mobileCode.id } })).toEqual(mobileCode);
    const change = await db.controlChange.create({
      data: { kind: "GRANT_ADMIN", status: "REJECTED", payload: { from: "AUDITOR" }, weakens: ["X"], targetUserId: user.id, proposedById: user.id,
        proposedAt: now, decidedById: user.id, decidedAt: now, decisionNote: "n", resultId: user.id },
    });
    expect(await db.controlChange.findUniqueOrThrow({ where: { id: change.id } })).toEqual(change);
    // Loan servicing: a repayment, an overdue (cured), a compensation and a recovery on one seeded loan.
    const loan = await db.loan.findFirstOrThrow({ where: { disbursedOn: { not: null } } });
    const day = new Date("2026-03-05T00:00:00Z");
    const repayment = await db.loanRepayment.create({
      data: { loanId: loan.id, principalFen: 1n, interestFen: 2n, paidOn: day, reference: `rt-${now.getTime()}`, recordedById: user.id, createdAt: now },
    });
    expect(await db.loanRepayment.findUniqueOrThrow({ where: { id: repayment.id } })).toEqual(repayment);
    const overdue = await db.loanOverdue.create({
      data: { loanId: loan.id, principalFen: 3n, interestFen: 4n, firstMissedOn: day, reportedById: user.id, curedOn: day, curedById: user.id, createdAt: now },
    });
    expect(await db.loanOverdue.findUniqueOrThrow({ where: { id: overdue.id } })).toEqual(overdue);
    const compensation = await db.loanCompensation.create({ data: { loanId: loan.id, amountFen: 5n, paidOn: day, recordedById: user.id, createdAt: now } });
    expect(await db.loanCompensation.findUniqueOrThrow({ where: { id: compensation.id } })).toEqual(compensation);
    const recovered = await db.loanRecovery.create({
      data: { loanId: loan.id, amountFen: 6n, recoveredOn: day, reference: `rt-${now.getTime()}`, recordedById: user.id, createdAt: now },
    });
    expect(await db.loanRecovery.findUniqueOrThrow({ where: { id: recovered.id } })).toEqual(recovered);
    const bankOrg = await db.organisation.findFirstOrThrow({ where: { type: "BANK" } });
    const imp = await db.historyImport.create({
      data: { fileName: "history.csv", fileSha256: `rt-${now.getTime()}`, lineCount: 1, bankOrgId: bankOrg.id, importedById: user.id, organisationId: bankOrg.id, createdAt: now },
    });
    expect(await db.historyImport.findUniqueOrThrow({ where: { id: imp.id } })).toEqual(imp);
    const anyLoan = await db.loan.findFirstOrThrow();
    // Zero and superseded: rows of every field that no published figure counts.
    const payment = await db.historicalSubsidyPayment.create({ data: { importId: imp.id, loanId: anyLoan.id, paidOn: new Date("2026-11-30T00:00:00Z"), amountFen: 0n, createdAt: now } });
    expect(await db.historicalSubsidyPayment.findUniqueOrThrow({ where: { id: payment.id } })).toEqual(payment);
    const founding = await db.unionFounding.create({
      data: { enterpriseId: app.enterpriseId, foundedOn: new Date("2026-01-05T00:00:00Z"), memberCount: 9, unionName: "工会", recordedById: user.id,
        organisationId: bankOrg.id, historyImportId: imp.id, supersededAt: now, createdAt: now },
    });
    expect(await db.unionFounding.findUniqueOrThrow({ where: { id: founding.id } })).toEqual(founding);
    const snapshot = await db.caseSnapshot.create({
      // The case's real facts: other tests' pages read this case's latest snapshot afterwards.
      data: { applicationId: app.id, sequence: 99, reason: "RESUBMITTED", takenAt: now, payloadSealed: sealCaseFacts(await readCaseFacts(db, app.id)) },
    });
    expect(await db.caseSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).toEqual(snapshot);
    const call = await db.hotlineCall.create({
      data: { callerName: "来电人", callerMobileSealed: seal("13800000000", "HotlineCall.callerMobile"), callerMobileIndex: `rt-${now.getTime()}`, topic: "COMPLAINT",
        outcome: "APPLICATION_STARTED", followUpOn: new Date("2026-12-01T00:00:00Z"), followUpDoneAt: now, notes: "n", operatorId: user.id, applicationId: app.id, version: 2, createdAt: now },
    });
    expect(await db.hotlineCall.findUniqueOrThrow({ where: { id: call.id } })).toEqual(call);
    // A routing rule as an administrator sets it (the person at the step still chooses: nothing routes differently).
    const districtOrg = await db.organisation.findFirstOrThrow({ where: { type: "DISTRICT_UNION" } });
    const guarantorOrg = await db.organisation.findFirstOrThrow({ where: { type: "GUARANTOR" } });
    const routing = await db.partnerRouting.upsert({ where: { partnerType: "GUARANTOR" }, create: { partnerType: "GUARANTOR", mode: "CHOSEN", updatedAt: now }, update: {} });
    expect(await db.partnerRouting.findUniqueOrThrow({ where: { partnerType: "GUARANTOR" } })).toEqual(routing);
    const route = await db.districtRoute.upsert({
      where: { partnerType_districtOrgId: { partnerType: "GUARANTOR", districtOrgId: districtOrg.id } },
      create: { partnerType: "GUARANTOR", districtOrgId: districtOrg.id, partnerOrgId: guarantorOrg.id, updatedAt: now }, update: {},
    });
    expect(await db.districtRoute.findUniqueOrThrow({ where: { partnerType_districtOrgId: { partnerType: "GUARANTOR", districtOrgId: districtOrg.id } } })).toEqual(route);
    // Reference lists (lib/reference): a category's checklist row and a numbering pattern.
    const category = await db.loanCategory.create({ data: { code: `RT_${now.getTime()}`, nameZh: "往返", nameEn: "Round trip", active: false, version: 3 } });
    expect(await db.loanCategory.findUniqueOrThrow({ where: { code: category.code } })).toEqual(category);
    const listed = await db.categoryDocument.create({ data: { categoryCode: category.code, kind: "RENEWAL", documentKind: "LOAN_USE_PLAN" } });
    expect(await db.categoryDocument.findFirstOrThrow({ where: { categoryCode: category.code } })).toEqual(listed);
    const pattern = await db.numberingPattern.create({ data: { key: `RT-${now.getTime()}`, pattern: "RT-{YYYY}-{SEQ:3}", version: 2, updatedAt: now } });
    expect(await db.numberingPattern.findUniqueOrThrow({ where: { key: pattern.key } })).toEqual(pattern);
    const statistics = await db.statisticsSnapshot.create({ data: { key: `rt-${now.getTime()}`, body: "{}", auditMark: 7n, computedAt: now, createdAt: now } });
    expect(await db.statisticsSnapshot.findUniqueOrThrow({ where: { key: statistics.key } })).toEqual(statistics);
    for (const name of Object.values(Prisma.ModelName)) {
      const delegate = (db as unknown as Record<string, { findFirst: () => Promise<Record<string, unknown> | null> }>)[
        name.charAt(0).toLowerCase() + name.slice(1)
      ]!;
      const row = await delegate.findFirst();
      expect(row, `${name} has a row`).not.toBeNull();
      expect(Object.values(row!).some((v) => v === undefined), `${name} fields`).toBe(false);
    }
  });
});
