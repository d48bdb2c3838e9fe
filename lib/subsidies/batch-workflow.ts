import type { BatchStatus } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { words, type Words } from "@/lib/i18n/words";

// The quarterly batch's life cycle as data. Pure: the services enforce it, the pages ask it which
// forms to show.
//
//   OPEN --verify--> VERIFIED --makerApprove--> MAKER_APPROVED --checkerApprove (≠ maker)--> APPROVED
//   APPROVED --pay--> PAID --reconcile--> RECONCILED
//   VERIFIED / MAKER_APPROVED --reopen--> OPEN   (a line needs another look; approvals are cleared)
//
// Lines are imported, queried, answered and corrected only while the batch is OPEN, so what was
// verified is exactly what is approved and paid.

export type BatchAction = "verify" | "reopen" | "makerApprove" | "checkerApprove" | "pay" | "reconcile";

type Transition = { from: readonly BatchStatus[]; to: BatchStatus; permission: Permission; event: string };

export const BATCH_TRANSITIONS = {
  verify: { from: ["OPEN"], to: "VERIFIED", permission: "subsidy.verify", event: "subsidy.batch_verified" },
  reopen: { from: ["VERIFIED", "MAKER_APPROVED"], to: "OPEN", permission: "subsidy.verify", event: "subsidy.batch_reopened" },
  makerApprove: { from: ["VERIFIED"], to: "MAKER_APPROVED", permission: "subsidy.approve", event: "subsidy.batch_maker_approved" },
  checkerApprove: { from: ["MAKER_APPROVED"], to: "APPROVED", permission: "subsidy.check", event: "subsidy.batch_checker_approved" },
  pay: { from: ["APPROVED"], to: "PAID", permission: "subsidy.pay", event: "subsidy.batch_paid" },
  reconcile: { from: ["PAID"], to: "RECONCILED", permission: "subsidy.reconcile", event: "subsidy.batch_reconciled" },
} as const satisfies Record<BatchAction, Transition>;

/** Whose move it is in each status; typed over the enum so a new status fails to compile until placed. */
export const BATCH_HOLDER = {
  OPEN: "BANK_OR_CENTRE",
  VERIFIED: "CENTRE",
  MAKER_APPROVED: "CENTRE",
  APPROVED: "CENTRE",
  PAID: "CENTRE",
  RECONCILED: "NOBODY",
} as const satisfies Record<BatchStatus, "BANK_OR_CENTRE" | "CENTRE" | "NOBODY">;

export const LINES_EDITABLE_IN: readonly BatchStatus[] = ["OPEN"];
export const SPENT_STATUSES: readonly BatchStatus[] = ["PAID", "RECONCILED"];

export const mayTransition = (action: BatchAction, status: BatchStatus): boolean =>
  (BATCH_TRANSITIONS[action].from as readonly BatchStatus[]).includes(status);

/** Why an action is refused in a status, in words the user can act on. */
export function refusalOf(action: BatchAction, status: BatchStatus): Words {
  return words(`subsidy.refusal.${refusalKey(action, status)}`);
}

function refusalKey(action: BatchAction, status: BatchStatus): string {
  if (action === "pay" && (status === "PAID" || status === "RECONCILED")) return "alreadyPaid";
  if (action === "pay") return "payNotApproved";
  if (action === "checkerApprove" && status === "VERIFIED") return "checkNotMade";
  if (action === "makerApprove" && status === "OPEN") return "approveNotVerified";
  if (action === "reconcile") return "reconcileNotPaid";
  if (action === "verify" && status !== "OPEN") return "alreadyVerified";
  return "notInThisStatus";
}

/** The batch actions this actor may take now (the checker must differ from the maker). */
export function availableBatchActions(actor: Actor, batch: { status: BatchStatus; makerId: string | null }): BatchAction[] {
  return (Object.keys(BATCH_TRANSITIONS) as BatchAction[]).filter((action) => {
    if (!can(actor, BATCH_TRANSITIONS[action].permission) || !mayTransition(action, batch.status)) return false;
    return action !== "checkerApprove" || batch.makerId !== actor.userId;
  });
}
