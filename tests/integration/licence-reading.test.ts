import { describe, expect, it, vi } from "vitest";
import sharp from "sharp";
import type { Actor } from "@/lib/auth/roles";
import { uploadDocument } from "@/lib/documents/services/upload-document";
import { runQueuedReadings, runReading } from "@/lib/ocr/services/run-reading";
import { licenceReadingOfCase, readingOfDocument } from "@/lib/ocr/queries";
import { licencePng } from "@/scripts/bench/licence-image";
import PgBoss from "pg-boss";
import { serveReadingQueue } from "@/lib/ocr/queue";
import { db, itOnPostgres } from "../support/db";
import { makeCreditCode } from "../support/ids";
import { auditCount, createApplicant, createReadyDraft, staffActor } from "../support/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => session.actor }));
const { GET } = await import("@/app/api/documents/[id]/reading/route");

const values = {
  creditCode: makeCreditCode(), name: "北京暖心咨询服务有限公司", type: "有限责任公司（自然人投资或控股）", legalRep: "王晓明",
  capital: "壹佰万元整", foundedOn: "2019-03-15", address: "北京市海淀区中关村大街27号1单元502室", scope: "信息咨询；企业管理咨询。",
};

async function caseWithLicence(bytes: Uint8Array, fileName = "licence.png") {
  const applicant = await createApplicant();
  const app = await createReadyDraft(applicant);
  const doc = await uploadDocument(applicant, app.id, "BUSINESS_LICENCE", fileName, bytes);
  const reading = await db.documentReading.findUniqueOrThrow({ where: { documentId: doc.id } });
  return { applicant, app, doc, reading };
}

const reads = (actor: Actor, documentId: string) => {
  session.actor = actor;
  return GET(new Request(`http://localhost/api/documents/${documentId}/reading`), { params: Promise.resolve({ id: documentId }) });
};

describe("reading an uploaded business licence", () => {
  it("queues on upload, reads the licence's fields and proposes them to the applicant only", async () => {
    const { applicant, app, doc, reading } = await caseWithLicence(await licencePng(values));
    expect(reading.status).toBe("QUEUED");
    expect(await readingOfDocument(applicant, doc.id)).toMatchObject({ status: "QUEUED", proposals: null });

    expect(await runReading(reading.id)).toBe("DONE");
    expect(await runReading(reading.id)).toBe("SKIPPED");
    const done = await readingOfDocument(applicant, doc.id);
    expect(done).toMatchObject({ status: "DONE", progress: 100, failureCode: null });
    expect(done?.proposals?.fields).toEqual({
      creditCode: values.creditCode, name: values.name, type: values.type, legalRepName: values.legalRep,
      foundedOn: values.foundedOn, address: values.address,
    });
    expect(await licenceReadingOfCase(applicant, app.id)).toEqual(done);

    const row = await db.documentReading.findUniqueOrThrow({ where: { id: reading.id } });
    expect(row.proposalsSealed).not.toContain(values.legalRep);
    expect(row.durationMs).toBeGreaterThan(0);
    expect(await auditCount(app.id, "document.read")).toBe(1);
    // The enterprise's own record is untouched: proposals wait for the person to use them.
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { applications: { some: { id: app.id } } } });
    expect(enterprise.name).not.toBe(values.name);

    const response = await reads(applicant, doc.id);
    expect(response.status).toBe(200);
    expect((await response.json()).reading.proposals.fields.name).toBe(values.name);

    const stranger = await createApplicant();
    expect(await readingOfDocument(stranger, doc.id)).toBeNull();
    expect(await licenceReadingOfCase(stranger, app.id)).toBeNull();
    expect((await reads(stranger, doc.id)).status).toBe(404);
    // The centre sees a case once it is submitted: a draft's licence is not yet in its scope.
    expect(await readingOfDocument(await staffActor("reviewer@center.demo"), doc.id)).toBeNull();
  }, 60_000);

  it("fails with a code, not an error page, on a picture that is no licence and on a PDF", async () => {
    const blank = await sharp({ create: { width: 640, height: 420, channels: 3, background: "#d8d0c0" } }).png().toBuffer();
    const { applicant, doc, reading } = await caseWithLicence(blank, "photo.png");
    expect(await runReading(reading.id)).toBe("FAILED");
    expect(await readingOfDocument(applicant, doc.id)).toMatchObject({ status: "FAILED", failureCode: "NOT_A_LICENCE", proposals: null });

    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    const scanned = await caseWithLicence(pdf, "licence.pdf");
    expect(await runQueuedReadings()).toBeGreaterThanOrEqual(1);
    expect(await readingOfDocument(scanned.applicant, scanned.doc.id)).toMatchObject({ status: "FAILED", failureCode: "UNSUPPORTED_FORMAT" });
  }, 60_000);

  it("queues a reading cut off mid-way again, and gives up after three attempts", async () => {
    const { applicant, doc, reading } = await caseWithLicence(new TextEncoder().encode("%PDF-1.4\n%%EOF\n"), "l.pdf");
    const long = new Date(Date.now() - 3600_000);
    await db.documentReading.update({ where: { id: reading.id }, data: { status: "RUNNING", startedAt: long, attempts: 3 } });
    await runQueuedReadings();
    expect(await readingOfDocument(applicant, doc.id)).toMatchObject({ status: "FAILED", failureCode: "ENGINE_ERROR" });
  });

  itOnPostgres("an upload is read through the pg-boss queue, with no one running the sweep", async () => {
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss_ocr_test" });
    await boss.start();
    const stop = await serveReadingQueue(boss);
    try {
      const { applicant, doc } = await caseWithLicence(await licencePng({ ...values, creditCode: makeCreditCode() }));
      await expect.poll(async () => (await readingOfDocument(applicant, doc.id))?.status, { timeout: 30_000, interval: 250 }).toBe("DONE");
      expect((await readingOfDocument(applicant, doc.id))?.proposals?.fields.name).toBe(values.name);
    } finally {
      stop();
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);

  it("does not read other kinds of document", async () => {
    const applicant = await createApplicant();
    const app = await createReadyDraft(applicant);
    const doc = await uploadDocument(applicant, app.id, "LOAN_USE_PLAN", "plan.png", await licencePng(values));
    expect(await db.documentReading.count({ where: { documentId: doc.id } })).toBe(0);
  });
});
