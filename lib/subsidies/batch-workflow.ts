import type { BatchStatus } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";

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
export function refusalOf(action: BatchAction, status: BatchStatus): string {
  if (action === "pay" && (status === "PAID" || status === "RECONCILED")) return "该批次已登记支付，不能重复支付";
  if (action === "pay") return "该批次尚未经经办、复核两人审批通过，不能登记支付";
  if (action === "checkerApprove" && status === "VERIFIED") return "该批次尚未经办审批，不能复核";
  if (action === "makerApprove" && status === "OPEN") return "该批次尚未核验，不能审批";
  if (action === "reconcile") return "该批次尚未支付，不能对账";
  if (action === "verify" && status !== "OPEN") return "该批次已核验";
  return "批次当前状态不允许此操作";
}

/** The batch actions this actor may take now (the checker must differ from the maker). */
export function availableBatchActions(actor: Actor, batch: { status: BatchStatus; makerId: string | null }): BatchAction[] {
  return (Object.keys(BATCH_TRANSITIONS) as BatchAction[]).filter((action) => {
    if (!can(actor, BATCH_TRANSITIONS[action].permission) || !mayTransition(action, batch.status)) return false;
    return action !== "checkerApprove" || batch.makerId !== actor.userId;
  });
}
