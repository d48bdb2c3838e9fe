import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IntakeChannel } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { auditAction } from "@/lib/applications/events";
import { nextApplicationNumber } from "@/lib/applications/numbering";
import { OPEN_STATUSES } from "@/lib/applications/workflow";
import { notifyUser } from "@/lib/notifications/notify";
import { words } from "@/lib/i18n/words";
import { intakeChannelOf, isIntakeAgent } from "@/lib/intake/policy";
import type { StartAssistedInput } from "@/lib/intake/schemas";

/**
 * A district union's agent creates, for a member, the enterprise (or updates the member's own
 * enterprise with the same credit code) and a DRAFT application taken in by the agent's union.
 * The member is the applicant: only they can give the consents and submit. An enterprise with an
 * open case, or registered by another account, is refused and nothing is stored.
 * The centre's hotline operator starts a case the same way, with channel HOTLINE; `linked` runs in
 * the same transaction (the hotline links its call to the new case).
 */
export async function startAssistedApplication(
  actor: Actor,
  input: StartAssistedInput,
  linked?: (tx: Prisma.TransactionClient, applicationId: string) => Promise<void>,
): Promise<{ applicationId: string }> {
  if (!isIntakeAgent(actor)) throw new AppError("NOT_FOUND");
  const channel = intakeChannelOf(actor);
  const { memberId, enterpriseId: _ignored, annualRevenueYuan, foundedOn, ...fields } = input;
  void _ignored;
  const member = await db.user.findFirst({ where: { id: memberId, disabledAt: null, membership: null }, select: { id: true, displayName: true } });
  if (!member) throw new AppError("NOT_FOUND", words("intake.errors.memberNotFound"));
  const data = {
    ...fields,
    annualRevenueFen: annualRevenueYuan,
    foundedOn: new Date(`${foundedOn}T00:00:00Z`),
    unionMemberCount: fields.hasUnion ? fields.unionMemberCount : 0,
  };
  const refuse = (key: "creditCodeTaken" | "openCase") =>
    new AppError("DUPLICATE", words(`intake.errors.${key}`), { creditCode: [words(`intake.errors.${key}`)] });
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.enterprise.findUnique({ where: { creditCode: data.creditCode }, select: { id: true, representativeId: true } });
      if (existing && existing.representativeId !== member.id) throw refuse("creditCodeTaken");
      if (existing) {
        // The same lock a submission takes: an open case cannot appear between this check and the insert.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`enterprise-exposure:${existing.id}`}))`;
        const open = await tx.loanApplication.findFirst({ where: { enterpriseId: existing.id, status: { in: [...OPEN_STATUSES] } }, select: { id: true } });
        if (open) throw refuse("openCase");
      }
      // The number's counter row is locked before any audit chain is: two intakes at once then
      // queue on the counter, instead of one holding a chain the other's later append needs
      // while it waits for the counter (a deadlock whenever the two chains coincide).
      const number = await nextApplicationNumber(tx);
      const enterpriseId = await writeEnterprise(tx, actor, channel, member.id, existing?.id ?? null, data);
      const app = await tx.loanApplication.create({
        data: {
          number, applicantId: member.id, enterpriseId, draftStep: 1,
          intakeChannel: channel, intakeOrgId: actor.organisationId, intakeAgentId: actor.userId,
        },
        select: { id: true, number: true },
      });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: actor.organisationId, applicationId: app.id, entityType: "LoanApplication", entityId: app.id,
        action: auditAction("created"),
        data: { number: app.number, kind: "NEW", channel, intakeOrgId: actor.organisationId, agentId: actor.userId, applicantId: member.id },
      });
      await linked?.(tx, app.id);
      await notifyUser(tx, member.id, {
        applicationId: app.id,
        code: channel === "HOTLINE" ? "hotlineDraftPrepared" : "draftPrepared",
        params: { number: app.number, name: data.name },
      });
      return { applicationId: app.id };
    });
  } catch (error) {
    // The same credit code registered by two requests at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw refuse("creditCodeTaken");
    throw error;
  }
}

async function writeEnterprise(
  tx: Prisma.TransactionClient,
  actor: Extract<Actor, { kind: "STAFF" }>,
  channel: IntakeChannel,
  memberId: string,
  existingId: string | null,
  data: Omit<Prisma.EnterpriseUncheckedCreateInput, "representativeId">,
): Promise<string> {
  const id = existingId
    ? (await tx.enterprise.update({ where: { id: existingId }, data, select: { id: true } })).id
    : (await tx.enterprise.create({ data: { ...data, representativeId: memberId }, select: { id: true } })).id;
  await appendAudit(tx, {
    actorId: actor.userId, organisationId: actor.organisationId, entityType: "Enterprise", entityId: id,
    action: existingId ? "enterprise.updated" : "enterprise.created",
    data: { name: data.name, creditCode: data.creditCode, channel, onBehalfOf: memberId },
  });
  return id;
}
