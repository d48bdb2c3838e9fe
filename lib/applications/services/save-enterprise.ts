import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
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
        ? "您已登记过该企业，请在企业列表中选择它"
        : "该统一社会信用代码已由其他账号登记；如有疑问请联系保障中心";
    throw new AppError("DUPLICATE", message, { creditCode: [message] });
  }
  try {
    return await writeEnterprise(actor.userId, enterpriseId, data);
  } catch (error) {
    // The same credit code registered by two requests at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") {
      const message = "该统一社会信用代码已登记";
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
