import { beforeAll, describe, expect, it } from "vitest";
import type { ApplicationStatus, DocumentKind, StaffRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { REQUIRED_DOCUMENTS } from "@/lib/applications/required-documents";
import { openDocument } from "@/lib/documents/services/open-document";
import { databaseStorage, documentKey } from "@/lib/storage/storage";
import { db } from "../support/db";
import { createApplicant, createReadyDraft, createStaff, ensureReferenceData, staffActor } from "../support/factories";

// Every document type × every role × the stages a case goes through, over the service the
// download route calls: who needs a file at that step gets it and leaves an access event; everyone
// else gets "not found" and leaves nothing. The expectations are the table in docs/security.md,
// written out again here on purpose.

const ALL = REQUIRED_DOCUMENTS.NEW;
const PARTNER_CREDIT: DocumentKind[] = ["BUSINESS_LICENCE", "FINANCIAL_STATEMENTS", "LOAN_USE_PLAN", "CREDIT_AUTHORISATION"];
const BANK: DocumentKind[] = [...PARTNER_CREDIT, "ID_CARD_FRONT", "ID_CARD_BACK", "BANK_STATEMENTS"];

const STATUSES: ApplicationStatus[] = ["DRAFT", "CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW", "RETURNED", "CONTRACTING", "ACTIVE", "SETTLED"];
/** Whether each role's scope holds a case routed to the demo partners in this status (the case scope's own rule). */
const inScope = (role: StaffRole | "APPLICANT", status: ApplicationStatus) =>
  role === "APPLICANT" || role === "DISTRICT_AGENT" || role === "GUARANTOR_OFFICER" || role === "BANK_OFFICER" || status !== "DRAFT";

function expected(role: StaffRole | "APPLICANT", kind: DocumentKind, status: ApplicationStatus): boolean {
  if (!inScope(role, status)) return false;
  switch (role) {
    case "APPLICANT":
    case "CENTER_REVIEWER":
    case "CENTER_APPROVER":
      return true;
    case "DISTRICT_AGENT":
      return status === "DRAFT" || status === "RETURNED";
    case "GUARANTOR_OFFICER":
      return PARTNER_CREDIT.includes(kind);
    case "BANK_OFFICER":
      return BANK.includes(kind);
    default:
      return false; // administrators, auditors, partner managers and the hotline read the record of a case, not its papers
  }
}

describe("document access per type × role × stage", () => {
  let owner: Actor;
  let readers: Actor[];
  let applicationId: string;
  const docIds = new Map<DocumentKind, string>();

  beforeAll(async () => {
    await ensureReferenceData();
    owner = await createApplicant();
    const draft = await createReadyDraft(owner);
    applicationId = draft.id;
    const org = (code: string) => db.organisation.findUniqueOrThrow({ where: { code } });
    await db.loanApplication.update({
      where: { id: draft.id },
      data: { guarantorOrgId: (await org("SCDB")).id, bankOrgId: (await org("BJRCB")).id, intakeOrgId: (await org("CYQZGH")).id },
    });
    // Real stored bytes behind each document.
    for (const d of await db.document.findMany({ where: { applicationId: draft.id } })) {
      const key = documentKey(draft.id);
      await databaseStorage.put(key, new TextEncoder().encode(`%PDF-1.4 ${d.kind}`));
      await db.document.update({ where: { id: d.id }, data: { storageKey: key } });
      docIds.set(d.kind, d.id);
    }
    readers = [owner];
    for (const email of ["reviewer@center.demo", "approver@center.demo", "officer@guarantor.demo", "officer@bank.demo", "agent@district.demo", "hotline@center.demo", "admin@center.demo", "auditor@center.demo"]) {
      readers.push(await staffActor(email));
    }
    // Partner managers oversee the cases; the papers stay with the officers whose step needs them.
    readers.push(await createStaff("SCDB", "GUARANTOR_MANAGER"), await createStaff("BJRCB", "BANK_MANAGER"));
  }, 120_000);

  it("opens exactly what each step needs, logs each opening, and refuses the rest without a trace", async () => {
    const wrong: string[] = [];
    let allowed = 0;
    for (const status of STATUSES) {
      await db.loanApplication.update({ where: { id: applicationId }, data: { status } });
      for (const actor of readers) {
        for (const kind of ALL) {
          const id = docIds.get(kind)!;
          const events = () => db.auditEvent.count({ where: { entityType: "Document", entityId: id, action: "document.opened", actorId: actor.userId } });
          const before = await events();
          const got = await openDocument(actor, id);
          const want = expected(actor.role, kind, status);
          if (!!got !== want) wrong.push(`${status} · ${actor.role} · ${kind}: expected ${want ? "file" : "not found"}`);
          const logged = (await events()) - before;
          if (logged !== (want ? 1 : 0)) wrong.push(`${status} · ${actor.role} · ${kind}: ${logged} access events`);
          if (want) allowed += 1;
        }
      }
    }
    expect(wrong).toEqual([]);
    // Some of each: the matrix is not all yes or all no.
    expect(allowed).toBeGreaterThan(100);
    expect(allowed).toBeLessThan(STATUSES.length * readers.length * ALL.length);
  }, 300_000);

  it("the hotline opens no paper, even of a case it started", async () => {
    const operator = readers.find((r) => r.role === "HOTLINE_OPERATOR")!;
    await db.loanApplication.update({ where: { id: applicationId }, data: { intakeChannel: "HOTLINE" } });
    try {
      for (const status of ["DRAFT", "CENTER_REVIEW", "RETURNED"] as const) {
        await db.loanApplication.update({ where: { id: applicationId }, data: { status } });
        for (const kind of ALL) expect(await openDocument(operator, docIds.get(kind)!), `${status} · ${kind}`).toBeNull();
      }
    } finally {
      await db.loanApplication.update({ where: { id: applicationId }, data: { intakeChannel: "ONLINE" } });
    }
    expect(await db.auditEvent.count({ where: { action: "document.opened", actorId: operator.userId } })).toBe(0);
  });

  it("the access event says who opened which document of which case", async () => {
    await db.loanApplication.update({ where: { id: applicationId }, data: { status: "BANK_REVIEW" } });
    const bank = readers.find((r) => r.role === "BANK_OFFICER")!;
    const idCard = docIds.get("ID_CARD_FRONT")!;
    expect(await openDocument(bank, idCard)).toMatchObject({ mimeType: "application/pdf" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: idCard, action: "document.opened" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: bank.userId, applicationId, entityType: "Document", data: { kind: "ID_CARD_FRONT", status: "BANK_REVIEW" } });
    // The guarantee company never gets the ID card, even on a case routed to it.
    expect(await openDocument(readers.find((r) => r.role === "GUARANTOR_OFFICER")!, idCard)).toBeNull();
  });
});
