import "server-only";
import { AppError } from "@/lib/errors";
import { consentState } from "@/lib/applications/services/consents";
import { db } from "@/lib/db/client";
import type { OrganisationType } from "@/lib/generated/prisma/enums";

/** Withdrawn consents stop every review step that processes the applicant's data. */
export async function assertConsentsActive(applicantId: string): Promise<void> {
  const c = await consentState(applicantId);
  if (!c.sensitive || !c.credit) throw new AppError("CONSENT_REQUIRED", "申请人已撤回授权，案件暂停办理，待申请人重新授权后继续");
}

/** An organisation the case is routed to must exist, be of the right kind, and not be disabled. */
export async function assertOrganisation(id: string, type: OrganisationType): Promise<void> {
  const org = await db.organisation.findUnique({ where: { id }, select: { type: true, disabledAt: true } });
  if (org?.type !== type || org.disabledAt) throw new AppError("VALIDATION", undefined, { [type === "BANK" ? "bankOrgId" : "guarantorOrgId"]: ["请选择有效的机构"] });
}
