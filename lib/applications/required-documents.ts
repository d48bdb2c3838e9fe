import "server-only";
import type { ApplicationKind, ApplicationStatus, DocumentKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { mayOpenDocument } from "@/lib/documents/access";
import { isInForce, type ExceptionRecord } from "@/lib/exceptions/rules";
import { beijingToday } from "@/lib/calendar/beijing";
import { DEFAULT_CHECKLISTS } from "@/lib/setup/programme-defaults";
import { DOCUMENT_KINDS } from "@/lib/exceptions/document-kinds";

/** The checklists every category starts from (tests and fixtures build complete cases from them). */
export const REQUIRED_DOCUMENTS = DEFAULT_CHECKLISTS;

const DOCUMENT_ORDER: readonly DocumentKind[] = DEFAULT_CHECKLISTS.NEW;

/**
 * The checklist a case is held to, before waivers: the one it was first submitted with; for a
 * draft, its category's for its kind as it stands now (the starting checklist until a category
 * is chosen).
 */
/** What the checklist depends on, for a caller that has already read the case. */
export type ChecklistFacts = { categoryCode: string | null; requiredDocuments: DocumentKind[] };

/** The waivers that may take a document off a case's checklist (read with WAIVER_SELECT where WAIVER_WHERE). */
export const WAIVER_WHERE = { type: "DOCUMENT_WAIVED", status: "APPROVED", documentKind: { not: null } } as const satisfies Prisma.PolicyExceptionWhereInput;
export const WAIVER_SELECT = { status: true, expiresOn: true, documentKind: true } as const satisfies Prisma.PolicyExceptionSelect;
type Waiver = Prisma.PolicyExceptionGetPayload<{ select: typeof WAIVER_SELECT }>;
type CurrentDocument = { id: string; kind: DocumentKind; fileName: string; version: number; sizeBytes: number };

/** What the checklist shows, for a caller that has already read it with the case (through the actor's scope). */
export type ChecklistRecords = ChecklistFacts & { documents: CurrentDocument[]; waivers: Waiver[]; today: string };

/**
 * What the checklist depends on, for a caller that reads the case's approved exceptions for its
 * limits too (lib/exceptions/in-force.ts, approvedExceptionsFor): its waivers are among them.
 */
export type ChecklistWithExceptions = ChecklistFacts & { exceptions: Promise<ExceptionRecord[]> };

const waivedOf = (waivers: Waiver[], today: string): Set<DocumentKind> =>
  new Set(waivers.filter((w) => isInForce(w, today)).map((w) => w.documentKind!));

type ExceptionFields = Waiver & { type: ExceptionRecord["type"] };

/** The rows of WAIVER_WHERE among a case's approved exceptions (its enterprise's are cooling waivers only). */
const waiversAmong = (exceptions: readonly ExceptionFields[]): Waiver[] =>
  exceptions.filter((e) => e.type === WAIVER_WHERE.type && e.status === WAIVER_WHERE.status && e.documentKind !== null);

export async function checklistOf(applicationId: string, kind: ApplicationKind, known?: ChecklistFacts): Promise<DocumentKind[]> {
  const app = known ?? (await db.loanApplication.findUnique({ where: { id: applicationId }, select: { categoryCode: true, requiredDocuments: true } }));
  if (app?.requiredDocuments.length) return app.requiredDocuments;
  if (!app?.categoryCode) return [...DEFAULT_CHECKLISTS[kind]];
  const rows = await db.categoryDocument.findMany({ where: { categoryCode: app.categoryCode, kind }, select: { documentKind: true } });
  const listed = new Set(rows.map((r) => r.documentKind));
  return DOCUMENT_ORDER.filter((k) => listed.has(k));
}

/** Documents an approved, unexpired tailored-policy (yi qi yi ce) waiver of this case takes off its checklist. */
export async function waivedDocuments(applicationId: string, today: string = beijingToday()): Promise<Set<DocumentKind>> {
  return waivedOf(await db.policyException.findMany({ where: { applicationId, ...WAIVER_WHERE }, select: WAIVER_SELECT }), today);
}

/**
 * The documents a waiver in force takes off the checklist, from the approved exceptions bearing on
 * the case as the eligibility rules read them (lib/exceptions/in-force.ts: its own, and its
 * enterprise's cooling waivers, which waive no document).
 */
export function waivedIn(exceptions: readonly ExceptionFields[], today: string = beijingToday()): Set<DocumentKind> {
  return waivedOf(waiversAmong(exceptions), today);
}

/**
 * The documents this case must have: its kind's checklist (read here unless given) less what a
 * waiver in force removed (read here unless given).
 */
export async function requiredDocumentsFor(applicationId: string, kind: ApplicationKind, checklist?: DocumentKind[], waived?: Set<DocumentKind>): Promise<DocumentKind[]> {
  const [off, list] = await Promise.all([waived ?? waivedDocuments(applicationId), checklist ?? checklistOf(applicationId, kind)]);
  return list.filter((k) => !off.has(k));
}

/**
 * The required documents the case does not have yet (callers pass an id they already scoped);
 * pages name each kind in the reader's language (`case.documents.kind.<kind>`).
 */
export async function missingDocuments(applicationId: string, kind: ApplicationKind, checklist?: DocumentKind[], waived?: Set<DocumentKind>): Promise<DocumentKind[]> {
  const [present, required] = await Promise.all([
    db.document.findMany({ where: { applicationId, supersededAt: null }, select: { kind: true } }).then((rows) => new Set(rows.map((d) => d.kind))),
    requiredDocumentsFor(applicationId, kind, checklist, waived),
  ]);
  return required.filter((k) => !present.has(k));
}

/** One line of a case's checklist; pages name its kind in the reader's language (`case.documents.kind.<kind>`). */
export type ChecklistItem = {
  kind: DocumentKind;
  required: boolean;
  /** Required by the checklist, but a tailored-policy (yi qi yi ce) waiver in force took it off for this case. */
  waived?: boolean;
  /** `readable`: the reader's step needs this file, so the page links to it (lib/documents/access.ts). The first page. */
  current?: ChecklistPage;
  /** Every current page of the document, in upload order (one for a single file). */
  pages: ChecklistPage[];
};

export type ChecklistPage = { id: string; fileName: string; version: number; sizeBytes: number; readable: boolean };

/**
 * Every document kind with whether this case needs it and its current version (for an already
 * scoped id), marked readable or not for `reader` (the applicant's own page passes none: all).
 * A caller that read the case's documents and waivers with it passes them (`known`), else they are read here.
 */
export async function documentChecklist(
  applicationId: string,
  kind: ApplicationKind,
  reader?: { actor: Actor; status: ApplicationStatus },
  known?: ChecklistFacts | ChecklistRecords | ChecklistWithExceptions,
): Promise<ChecklistItem[]> {
  const current = new Map<DocumentKind, CurrentDocument[]>();
  const records = known && "documents" in known ? known : null;
  const [documents, waived, checklist] = await Promise.all([
    records
      ? [...records.documents].sort((a, b) => a.version - b.version)
      : db.document.findMany({
          where: { applicationId, supersededAt: null },
          orderBy: { version: "asc" },
          select: { id: true, kind: true, fileName: true, version: true, sizeBytes: true },
        }),
    records
      ? waivedOf(records.waivers, records.today)
      : known && "exceptions" in known
        ? known.exceptions.then((rows) => waivedIn(rows))
        : waivedDocuments(applicationId),
    checklistOf(applicationId, kind, known),
  ]);
  for (const d of documents) current.set(d.kind, [...(current.get(d.kind) ?? []), d]);
  const listed = new Set<DocumentKind>(checklist);
  return DOCUMENT_KINDS
    .filter((k) => listed.has(k) || current.has(k))
    .map((k) => {
      const readable = !reader || mayOpenDocument(reader.actor, k, reader.status);
      const pages = (current.get(k) ?? []).map((d) => ({ id: d.id, fileName: d.fileName, version: d.version, sizeBytes: d.sizeBytes, readable }));
      return { kind: k, required: listed.has(k) && !waived.has(k), ...(waived.has(k) ? { waived: true } : {}), ...(pages[0] ? { current: pages[0] } : {}), pages };
    });
}
