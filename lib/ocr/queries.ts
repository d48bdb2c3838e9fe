import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { applicationScope } from "@/lib/applications/scope";
import { mayOpenDocument } from "@/lib/documents/access";
import { idSchema } from "@/lib/documents/schemas";
import { DOCUMENT_EDITABLE_STATUSES } from "@/lib/documents/policy";
import { unseal } from "@/lib/personal-data/sealed";
import type { ReadingDto, ReadingFailureCode, ReadingProposals } from "@/lib/ocr/dto";

const readingSelect = {
  status: true, progress: true, failureCode: true, proposalsSealed: true,
} as const;

type Row = { status: ReadingDto["status"]; progress: number; failureCode: string | null; proposalsSealed: string | null };

const toDto = (documentId: string, r: Row): ReadingDto => ({
  documentId,
  status: r.status,
  progress: r.progress,
  failureCode: r.failureCode as ReadingFailureCode | null,
  proposals: r.proposalsSealed ? (JSON.parse(unseal(r.proposalsSealed, "DocumentReading.proposals")) as ReadingProposals) : null,
});

/**
 * A document's reading for an actor who may open that document now (its case in their scope, the
 * kind open to their role, lib/documents/access.ts); null (not found) otherwise.
 */
export async function readingOfDocument(actor: Actor, documentId: string): Promise<ReadingDto | null> {
  if (!idSchema.safeParse(documentId).success) return null;
  const doc = await db.document.findFirst({
    where: { id: documentId, application: applicationScope(actor) },
    select: { id: true, kind: true, application: { select: { status: true } }, reading: { select: readingSelect } },
  });
  if (!doc || !doc.reading || !mayOpenDocument(actor, doc.kind, doc.application.status)) return null;
  return toDto(doc.id, doc.reading);
}

/** The reading of a case's current business licence, for the same actors. */
export async function licenceReadingOfCase(actor: Actor, applicationId: string): Promise<ReadingDto | null> {
  if (!idSchema.safeParse(applicationId).success) return null;
  const doc = await db.document.findFirst({
    where: { kind: "BUSINESS_LICENCE", supersededAt: null, application: { AND: [{ id: applicationId }, applicationScope(actor)] } },
    select: { id: true, kind: true, application: { select: { status: true } }, reading: { select: readingSelect } },
  });
  if (!doc || !doc.reading || !mayOpenDocument(actor, doc.kind, doc.application.status)) return null;
  return toDto(doc.id, doc.reading);
}

/**
 * For the enterprise form: the actor's open case of this enterprise (the one a licence can be
 * uploaded to) and the reading of its current licence. Null when there is no open case in scope.
 */
export async function licenceReadingForEnterprise(actor: Actor, enterpriseId: string): Promise<{ applicationId: string; reading: ReadingDto | null } | null> {
  if (!idSchema.safeParse(enterpriseId).success) return null;
  const app = await db.loanApplication.findFirst({
    where: { AND: [{ enterpriseId, status: { in: [...DOCUMENT_EDITABLE_STATUSES] } }, applicationScope(actor)] },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (!app) return null;
  return { applicationId: app.id, reading: await licenceReadingOfCase(actor, app.id) };
}
