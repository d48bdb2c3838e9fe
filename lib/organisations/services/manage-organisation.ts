import "server-only";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { rulesNaming } from "@/lib/routing/queries";

// Administrators keep the programme's organisations: the support centre, the district unions
// (intake points), and any number of partner guarantee companies and banks. Every change is an
// audit event with the values before and after; a change made on a stale view is refused.

type Names = { nameZh: string; nameEn: string };

const orgOf = (actor: Actor) => (actor.kind === "STAFF" ? actor.organisationId : null);

export async function createOrganisation(actor: Actor, input: Names & { code: string; type: OrganisationType }): Promise<{ id: string }> {
  assertCan(actor, "admin.write");
  const taken = () => new AppError("DUPLICATE", undefined, { code: [words("admin.organisationErrors.codeTaken")] });
  if (await db.organisation.findUnique({ where: { code: input.code }, select: { id: true } })) throw taken();
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: input, select: { id: true } });
      await appendAudit(tx, { actorId: actor.userId, organisationId: orgOf(actor), entityType: "Organisation", entityId: org.id, action: "organisation.created", data: input });
      return org;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw taken();
    throw error;
  }
}

/** Renames, or disables / enables, an organisation as the administrator last saw it (`version`). */
export async function updateOrganisation(
  actor: Actor,
  input: { organisationId: string; version: number } & ({ names: Names } | { disabled: boolean }),
): Promise<void> {
  assertCan(actor, "admin.write");
  const before = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { nameZh: true, nameEn: true, disabledAt: true, type: true } });
  if (!before) throw new AppError("NOT_FOUND");
  if ("disabled" in input && input.disabled && before.type === "SUPPORT_CENTER") {
    throw new AppError("FORBIDDEN", words("admin.organisationErrors.centreStays"));
  }
  // A rule that routes cases to it (or from it, for a district union) would send new cases there.
  if ("disabled" in input && input.disabled && (await rulesNaming(input.organisationId)) > 0) {
    throw new AppError("VALIDATION", words("admin.reassign.errors.routed"));
  }
  const data = "names" in input ? input.names : { disabledAt: input.disabled ? new Date() : null };
  await db.$transaction(async (tx) => {
    const updated = await tx.organisation.updateMany({ where: { id: input.organisationId, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError("CONFLICT", words("admin.organisationErrors.stale"));
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: orgOf(actor), entityType: "Organisation", entityId: input.organisationId,
      action: "names" in input ? "organisation.renamed" : input.disabled ? "organisation.disabled" : "organisation.enabled",
      data: { before: { nameZh: before.nameZh, nameEn: before.nameEn, disabled: before.disabledAt !== null }, after: "names" in input ? input.names : { disabled: input.disabled } },
    });
  });
}
