import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { auditAction } from "@/lib/applications/events";
import { words } from "@/lib/i18n/words";
import { caseColumnOf, reassignableWhere } from "@/lib/organisations/open-cases";

/**
 * Moves one open case of an organisation to another active organisation of the same type (a
 * disabled partner's or district union's cases are not left waiting). The case keeps its place in
 * the workflow and its deadline; the assignee, who belonged to the old organisation, is cleared.
 */
export async function reassignCase(
  actor: Actor,
  input: { fromOrgId: string; applicationId: string; version: number; toOrgId: string },
): Promise<{ number: string; to: string }> {
  assertCan(actor, "admin.write");
  const [from, to] = await Promise.all(
    [input.fromOrgId, input.toOrgId].map((id) => db.organisation.findUnique({ where: { id }, select: { id: true, type: true, code: true, nameZh: true, disabledAt: true } })),
  );
  if (!from) throw new AppError("NOT_FOUND");
  const column = caseColumnOf(from.type);
  if (!column) throw new AppError("NOT_FOUND");
  if (!to || to.id === from.id || to.type !== from.type || to.disabledAt) {
    throw new AppError("VALIDATION", undefined, { toOrgId: [words("admin.reassign.errors.target")] });
  }
  const app = await db.loanApplication.findFirst({ where: { id: input.applicationId, ...reassignableWhere(from) }, select: { id: true, number: true, version: true, assigneeId: true } });
  if (!app) throw new AppError("NOT_FOUND");
  if (app.version !== input.version) throw new AppError("CONFLICT");
  await db.$transaction(async (tx) => {
    const updated = await tx.loanApplication.updateMany({
      where: { id: app.id, version: app.version, ...reassignableWhere(from) },
      data: { [column]: to.id, assigneeId: from.type === "DISTRICT_UNION" ? app.assigneeId : null, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, applicationId: app.id,
      entityType: "LoanApplication", entityId: app.id, action: auditAction("organisation_reassigned"),
      data: { before: { [column]: from.code }, after: { [column]: to.code }, version: app.version + 1 },
    });
  });
  return { number: app.number, to: to.nameZh };
}
