import type { DocumentKind } from "@/lib/generated/prisma/enums";

// What a case's reviewers decide on, as plain data: the applicant's profile, the enterprise, the
// loan request and the current documents. A snapshot freezes it at (re)submission
// (lib/applications/snapshot-store.ts); the live record is read in the same shape, so the two
// compare field by field. Money is a fen string and days are YYYY-MM-DD, so the JSON round-trips.

export type SnapshotApplicant = {
  fullName: string;
  idNumber: string;
  mobile: string;
  unionName: string;
  memberCardNo: string;
  targetGroupCode: string | null;
  targetGroupName: string | null;
};

export type SnapshotEnterprise = {
  name: string;
  creditCode: string;
  legalRepName: string;
  address: string;
  industry: string;
  foundedOn: string;
  employees: number;
  annualRevenueFen: string;
  hasUnion: boolean;
  unionMemberCount: number;
};

export type SnapshotRequest = {
  categoryCode: string | null;
  categoryName: string | null;
  amountFen: string | null;
  termMonths: number | null;
  purpose: string | null;
  repaymentSource: string | null;
};

export type SnapshotDocument = { id: string; kind: DocumentKind; version: number; fileName: string; sizeBytes: number; sha256: string };

export type CaseFacts = {
  v: 1;
  applicant: SnapshotApplicant | null;
  enterprise: SnapshotEnterprise;
  request: SnapshotRequest;
  documents: SnapshotDocument[];
};

export type FactValue = string | number | boolean | null;

/** One field that differs: `applicant.mobile`, `enterprise.name`, `request.amountFen`, `documents.BANK_STATEMENTS`. */
export type FactChange =
  | { section: "applicant"; field: ApplicantField; before: FactValue; after: FactValue }
  | { section: "enterprise"; field: keyof SnapshotEnterprise; before: FactValue; after: FactValue }
  | { section: "request"; field: RequestField; before: FactValue; after: FactValue }
  | { section: "documents"; field: DocumentKind; before: SnapshotDocument | null; after: SnapshotDocument | null };

export type ApplicantField = "fullName" | "idNumber" | "mobile" | "unionName" | "memberCardNo" | "targetGroup";
export type RequestField = "category" | "amountFen" | "termMonths" | "purpose" | "repaymentSource";
export type FactSection = FactChange["section"];

export const APPLICANT_FIELDS: readonly ApplicantField[] = ["fullName", "idNumber", "mobile", "unionName", "memberCardNo", "targetGroup"];
export const ENTERPRISE_FIELDS: readonly (keyof SnapshotEnterprise)[] = [
  "name", "creditCode", "legalRepName", "address", "industry", "foundedOn", "employees", "annualRevenueFen", "hasUnion", "unionMemberCount",
];
export const REQUEST_FIELDS: readonly RequestField[] = ["category", "amountFen", "termMonths", "purpose", "repaymentSource"];

// A coded value (target group, category) differs when its code differs; it is shown by its name.
function applicantValue(a: SnapshotApplicant | null, field: ApplicantField): { key: FactValue; shown: FactValue } {
  if (!a) return { key: null, shown: null };
  if (field === "targetGroup") return { key: a.targetGroupCode, shown: a.targetGroupName ?? a.targetGroupCode };
  return { key: a[field], shown: a[field] };
}

function requestValue(r: SnapshotRequest, field: RequestField): { key: FactValue; shown: FactValue } {
  if (field === "category") return { key: r.categoryCode, shown: r.categoryName ?? r.categoryCode };
  return { key: r[field], shown: r[field] };
}

/**
 * The fields that differ from `before` to `after`, in the order the case page lists them. A
 * document differs when the current version of its kind is another file (or none).
 */
export function diffCaseFacts(before: CaseFacts, after: CaseFacts, sections: readonly FactSection[] = ["applicant", "enterprise", "request", "documents"]): FactChange[] {
  const changes: FactChange[] = [];
  if (sections.includes("applicant")) {
    for (const field of APPLICANT_FIELDS) {
      const [b, a] = [applicantValue(before.applicant, field), applicantValue(after.applicant, field)];
      if (b.key !== a.key) changes.push({ section: "applicant", field, before: b.shown, after: a.shown });
    }
  }
  if (sections.includes("enterprise")) {
    for (const field of ENTERPRISE_FIELDS) {
      if (before.enterprise[field] !== after.enterprise[field]) changes.push({ section: "enterprise", field, before: before.enterprise[field], after: after.enterprise[field] });
    }
  }
  if (sections.includes("request")) {
    for (const field of REQUEST_FIELDS) {
      const [b, a] = [requestValue(before.request, field), requestValue(after.request, field)];
      if (b.key !== a.key) changes.push({ section: "request", field, before: b.shown, after: a.shown });
    }
  }
  if (sections.includes("documents")) {
    const kinds = [...new Set([...before.documents, ...after.documents].map((d) => d.kind))].sort();
    for (const kind of kinds) {
      // A document of several pages differs when any page does; the change shows its last page.
      const pagesOf = (docs: SnapshotDocument[]) => docs.filter((d) => d.kind === kind).sort((x, y) => x.version - y.version);
      const [bp, ap] = [pagesOf(before.documents), pagesOf(after.documents)];
      if (bp.map((d) => d.id).join() !== ap.map((d) => d.id).join()) {
        changes.push({ section: "documents", field: kind, before: bp.at(-1) ?? null, after: ap.at(-1) ?? null });
      }
    }
  }
  return changes;
}

/** The same changes with every value of `field` passed through `mask` (personal data for a reader whose step does not need it). */
export function maskChanges(changes: FactChange[], masks: Partial<Record<ApplicantField, (value: string) => string>>): FactChange[] {
  return changes.map((c) => {
    if (c.section !== "applicant") return c;
    const mask = masks[c.field];
    if (!mask) return c;
    const m = (v: FactValue) => (typeof v === "string" ? mask(v) : v);
    return { ...c, before: m(c.before), after: m(c.after) };
  });
}
