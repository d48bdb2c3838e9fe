import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { routingRule } from "@/lib/routing/queries";
import { routeOf, type PartnerType } from "@/lib/routing/rules";

const FIELD: Record<PartnerType, string> = { GUARANTOR: "guarantorOrgId", BANK: "bankOrgId" };

/**
 * The partner a case goes to at the step that routes it: the administrator's rule where one is
 * set (what the form sent is then not asked for), else the person's choice. Either way the partner
 * must be an active organisation of the type; a rule that leads nowhere is a clear refusal.
 */
export async function partnerForCase(
  type: PartnerType,
  app: { intakeOrgId: string | null },
  chosenOrgId: string | undefined,
  reader: Prisma.TransactionClient | typeof db = db,
): Promise<string> {
  const routed = routeOf(await routingRule(type, reader), app.intakeOrgId);
  const orgId = routed.by === "choice" ? chosenOrgId : routed.orgId;
  if (!orgId) {
    throw routed.by === "choice"
      ? new AppError("VALIDATION", undefined, { [FIELD[type]]: [words(type === "BANK" ? "routing.errors.chooseBank" : "routing.errors.chooseGuarantor")] })
      : new AppError("VALIDATION", words("routing.errors.noRoute"));
  }
  const org = await reader.organisation.findUnique({ where: { id: orgId }, select: { type: true, disabledAt: true } });
  if (org?.type !== type || org.disabledAt) {
    throw routed.by === "choice" ? new AppError("VALIDATION", undefined, { [FIELD[type]]: [words("routing.errors.inactive")] }) : new AppError("VALIDATION", words("routing.errors.ruleInactive"));
  }
  return orgId;
}

/** Routes the case in the step's transaction: its guarantee company or its bank is set here. */
export async function routeCase(
  tx: Prisma.TransactionClient,
  app: { id: string; intakeOrgId: string | null },
  type: PartnerType,
  chosenOrgId: string | undefined,
): Promise<string> {
  const orgId = await partnerForCase(type, app, chosenOrgId, tx);
  await tx.loanApplication.update({ where: { id: app.id }, data: type === "BANK" ? { bankOrgId: orgId } : { guarantorOrgId: orgId } });
  return orgId;
}
