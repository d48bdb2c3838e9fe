import "server-only";
import type { SnapshotReason } from "@/lib/generated/prisma/enums";
import { diffCaseFacts, maskChanges, type CaseFacts, type FactChange } from "@/lib/applications/snapshot";
import { openCaseFacts } from "@/lib/applications/snapshot-store";
import { maskIdNumber, maskMobile } from "@/lib/validation/identity";

export type SnapshotEntry = { sequence: number; reason: SnapshotReason; takenAt: Date; changes: FactChange[] };

export type CaseSnapshotView = {
  /** The facts the reviewers judge: the latest snapshot's, else (a case submitted before snapshots were kept) the live record's. */
  facts: CaseFacts;
  latest: { sequence: number; reason: SnapshotReason; takenAt: Date } | null;
  /** What the live record changed since the latest snapshot. */
  sinceSnapshot: FactChange[];
  /** Every snapshot, oldest first, each with what changed from the one before it. */
  history: SnapshotEntry[];
  /** A renewal: what changed since the earlier loan's case (its last snapshot); null when it has none. */
  renewal: { number: string; takenAt: Date | null; changes: FactChange[] | null } | null;
};

// Staff see ID numbers and mobiles masked, snapshots included; the full values are a separate,
// logged act (revealPersonalData).
const STAFF_MASKS = { idNumber: maskIdNumber, mobile: maskMobile };

function maskedFacts(facts: CaseFacts): CaseFacts {
  return facts.applicant
    ? { ...facts, applicant: { ...facts.applicant, idNumber: maskIdNumber(facts.applicant.idNumber), mobile: maskMobile(facts.applicant.mobile) } }
    : facts;
}

/** What caseSnapshotView compares, read by the caller with the case through the actor's scope (one statement). */
export type CaseSnapshotRecords = {
  /** The case's snapshots, oldest first. */
  rows: { sequence: number; reason: SnapshotReason; takenAt: Date; payloadSealed: string }[];
  /** The live record's facts (lib/applications/snapshot-store.ts). */
  live: CaseFacts;
  /** A renewal's earlier case: its number and its last snapshot; null for a new case. */
  earlier: { number: string; snapshots: { takenAt: Date; payloadSealed: string }[] } | null;
};

/**
 * The snapshots of a case the caller has already loaded through the actor's scope, compared with
 * the live record and with each other, personal data masked for staff.
 */
export function caseSnapshotView({ rows, live, earlier }: CaseSnapshotRecords): CaseSnapshotView {
  const opened = rows.map((r) => ({ ...r, facts: openCaseFacts(r.payloadSealed) }));
  const history = opened.map((r, i) => ({
    sequence: r.sequence, reason: r.reason, takenAt: r.takenAt,
    changes: i === 0 ? [] : maskChanges(diffCaseFacts(opened[i - 1]!.facts, r.facts), STAFF_MASKS),
  }));
  const last = opened[opened.length - 1];
  const facts = last?.facts ?? live;

  let renewal: CaseSnapshotView["renewal"] = null;
  if (earlier) {
    const prior = earlier.snapshots[0];
    // A renewal is a new case with its own request and papers: what matters is the person and the firm.
    renewal = {
      number: earlier.number,
      takenAt: prior?.takenAt ?? null,
      changes: prior ? maskChanges(diffCaseFacts(openCaseFacts(prior.payloadSealed), facts, ["applicant", "enterprise"]), STAFF_MASKS) : null,
    };
  }
  return {
    facts: maskedFacts(facts),
    latest: last ? { sequence: last.sequence, reason: last.reason, takenAt: last.takenAt } : null,
    sinceSnapshot: last ? maskChanges(diffCaseFacts(last.facts, live), STAFF_MASKS) : [],
    history,
    renewal,
  };
}
