import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import type { EnterpriseInput } from "@/lib/applications/schemas";

/** Creates the applicant's enterprise, or updates one they represent. */
export async function saveEnterprise(actor: Actor, input: EnterpriseInput): Promise<{ enterpriseId: string }> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  const { enterpriseId, annualRevenueYuan, foundedOn, ...fields } = input;
  const data = {
    ...fields,
    annualRevenueFen: annualRevenueYuan,
    foundedOn: new Date(`${foundedOn}T00:00:00Z`),
    unionMemberCount: fields.hasUnion ? fields.unionMemberCount : 0,
  };
  const sameCode = await db.enterprise.findUnique({ where: { creditCode: data.creditCode }, select: { id: true, representativeId: true } });
  if (sameCode && sameCode.id !== enterpriseId) {
    const message =
      sameCode.representativeId === actor.userId
        ? words("applicant.refusals.enterpriseOwn")
        : words("applicant.refusals.enterpriseOthers");
    throw new AppError("DUPLICATE", message, { creditCode: [message] });
  }
  try {
    return await writeEnterprise(actor.userId, enterpriseId, data);
  } catch (error) {
    // The same credit code registered by two requests at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") {
      const message = words("applicant.refusals.creditCodeTaken");
      throw new AppError("DUPLICATE", message, { creditCode: [message] });
    }
    throw error;
  }
}

function writeEnterprise(
  actorId: string,
  enterpriseId: string | undefined,
  data: Omit<Prisma.EnterpriseUncheckedCreateInput, "representativeId">,
): Promise<{ enterpriseId: string }> {
  return db.$transaction(async (tx) => {
    let id: string;
    if (enterpriseId) {
      const updated = await tx.enterprise.updateMany({ where: { id: enterpriseId, representativeId: actorId }, data });
      if (updated.count !== 1) throw new AppError("NOT_FOUND");
      id = enterpriseId;
    } else {
      id = (await tx.enterprise.create({ data: { ...data, representativeId: actorId }, select: { id: true } })).id;
    }
    await appendAudit(tx, {
      actorId, entityType: "Enterprise", entityId: id, action: enterpriseId ? "enterprise.updated" : "enterprise.created",
      data: { name: data.name, creditCode: data.creditCode },
    });
    return { enterpriseId: id };
  });
}
