import "server-only";
import { randomBytes } from "node:crypto";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { ORGANISATION_OF_ROLE, type Actor } from "@/lib/auth/roles";
import { issuePasswordLink, LINK_HOURS, setPasswordPath } from "@/lib/auth/services/password-links";
import { AppError } from "@/lib/errors";

export type StaffInvitation = { email: string; displayName: string; organisationId: string; role: StaffRole };

/**
 * An administrator invites a staff member into an organisation with a role that fits its type.
 * The account exists at once with a password nobody knows; the invitation e-mail (through the
 * outbox) carries a one-time link to set one. Granting the administrator role is not done here:
 * it needs a second administrator.
 */
export async function inviteStaff(actor: Actor, input: StaffInvitation, origin: string): Promise<{ userId: string }> {
  assertCan(actor, "admin.write");
  if (input.role === "PROGRAM_ADMIN") {
    throw new AppError("FORBIDDEN", undefined, { role: ["管理员角色须由另一位管理员复核授予，不能通过邀请直接授予"] });
  }
  const org = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, type: true, nameZh: true, disabledAt: true } });
  if (!org) throw new AppError("VALIDATION", undefined, { organisationId: ["请选择机构"] });
  if (org.disabledAt) throw new AppError("VALIDATION", undefined, { organisationId: ["该机构已停用，不能加入新的工作人员"] });
  if (ORGANISATION_OF_ROLE[input.role] !== org.type) throw new AppError("VALIDATION", undefined, { role: ["该角色不属于此类机构"] });
  const email = input.email.trim().toLowerCase();
  const taken = () => new AppError("DUPLICATE", undefined, { email: ["该电子邮箱已有账号"] });
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw taken();

  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, displayName: input.displayName, passwordHash, membership: { create: { organisationId: org.id, role: input.role } } },
        select: { id: true },
      });
      const token = await issuePasswordLink(tx, user.id, "INVITATION");
      const link = new URL(setPasswordPath(token), origin).toString();
      await tx.outboxEmail.create({
        data: {
          to: email,
          subject: "【暖·创贷】工作人员账号邀请",
          body: `${input.displayName}，您好：\n\n项目管理员邀请您加入暖·创贷（首都职工创业小额贷款）平台，机构：${org.nameZh}。\n请在 ${LINK_HOURS.INVITATION} 小时内打开以下链接设置登录密码（仅可使用一次）：\n\n${link}\n\n如非本人操作，请忽略本邮件。`,
        },
      });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: org.id, entityType: "User", entityId: user.id, action: "user.invited",
        data: { role: input.role, organisationId: org.id },
      });
      return { userId: user.id };
    });
  } catch (error) {
    // Two invitations of one address at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw taken();
    throw error;
  }
}
