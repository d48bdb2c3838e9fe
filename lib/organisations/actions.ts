"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/safe-action";
import { getTranslations } from "next-intl/server";
import { changeIdSchema, controlDecisionSchema, changeRoleSchema, createOrganisationSchema, inviteStaffSchema, organisationStateSchema, policySchema, renameOrganisationSchema, userIdSchema } from "@/lib/organisations/schemas";
import { createOrganisation, updateOrganisation } from "@/lib/organisations/services/manage-organisation";
import { inviteStaff } from "@/lib/organisations/services/invite-staff";
import { requestOrigin } from "@/lib/http/request-origin";
import { publishPolicy } from "@/lib/organisations/services/publish-policy";
import { decideControlChange, proposeAdminGrant, withdrawControlChange } from "@/lib/organisations/services/dual-control";
import { changeRole, forcePasswordReset, revokeSessions, setAccountDisabled, unlockAccount } from "@/lib/organisations/services/account-access";
const refresh = () => {
  revalidatePath("/admin");
  revalidatePath("/admin/policy");
};

export const publishPolicyAction = adminAction({
  schema: policySchema,
  run: (input, actor) => publishPolicy(actor, input),
  success: async (r) => {
    const t = await getTranslations("admin.controls");
    return r.weakens.length ? t("proposed") : t("proposedPlain");
  },
  after: refresh,
});

export const proposeAdminGrantAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => proposeAdminGrant(actor, input.userId),
  success: async () => (await getTranslations("admin.controls"))("grantProposed"),
  after: refresh,
});

export const decideControlChangeAction = adminAction({
  schema: controlDecisionSchema,
  run: (input, actor) => decideControlChange(actor, { changeId: input.changeId, approve: input.decision === "approve", note: input.note }),
  success: async (r) => (await getTranslations("admin.controls"))(r.status === "APPROVED" ? "approved" : "rejected"),
  after: refresh,
});

export const withdrawControlChangeAction = adminAction({
  schema: changeIdSchema,
  run: (input, actor) => withdrawControlChange(actor, input.changeId),
  success: async () => (await getTranslations("admin.controls"))("withdrawn"),
  after: refresh,
});

export const revokeSessionsAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => revokeSessions(actor, input.userId),
  success: () => "该账号的所有会话已失效",
  after: refresh,
});

export const disableAccountAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => setAccountDisabled(actor, input.userId, true),
  success: () => "账号已停用",
  after: refresh,
});

export const enableAccountAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => setAccountDisabled(actor, input.userId, false),
  success: () => "账号已启用",
  after: refresh,
});

export const inviteStaffAction = adminAction({
  schema: inviteStaffSchema,
  run: async (input, actor) => inviteStaff(actor, input, await requestOrigin()),
  success: () => "邀请已发出：对方将收到设置密码的一次性链接",
  after: refresh,
});

export const createOrganisationAction = adminAction({
  schema: createOrganisationSchema,
  run: (input, actor) => createOrganisation(actor, input),
  success: () => "机构已创建",
  after: refresh,
});

export const renameOrganisationAction = adminAction({
  schema: renameOrganisationSchema,
  run: (input, actor) => updateOrganisation(actor, { organisationId: input.organisationId, version: input.version, names: { nameZh: input.nameZh, nameEn: input.nameEn } }),
  success: () => "机构名称已更新",
  after: refresh,
});

export const disableOrganisationAction = adminAction({
  schema: organisationStateSchema,
  run: (input, actor) => updateOrganisation(actor, { ...input, disabled: true }),
  success: () => "机构已停用：不再接收新案件和新工作人员",
  after: refresh,
});

export const enableOrganisationAction = adminAction({
  schema: organisationStateSchema,
  run: (input, actor) => updateOrganisation(actor, { ...input, disabled: false }),
  success: () => "机构已启用",
  after: refresh,
});

export const unlockAccountAction = adminAction({
  schema: userIdSchema,
  run: (input, actor) => unlockAccount(actor, input.userId),
  success: () => "账号已解锁：此前的登录失败次数已清除",
  after: refresh,
});

export const forcePasswordResetAction = adminAction({
  schema: userIdSchema,
  run: async (input, actor) => forcePasswordReset(actor, input.userId, await requestOrigin()),
  success: () => "原密码已失效，重置链接已发送到该账号的电子邮箱",
  after: refresh,
});

export const changeRoleAction = adminAction({
  schema: changeRoleSchema,
  run: (input, actor) => changeRole(actor, input.userId, input.role),
  success: () => "角色已修改：该账号的登录已结束，重新登录后按新角色办理",
  after: refresh,
});
