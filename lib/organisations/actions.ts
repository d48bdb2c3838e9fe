"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/safe-action";
import { inviteStaffSchema, policySchema, userIdSchema } from "@/lib/organisations/schemas";
import { inviteStaff } from "@/lib/organisations/services/invite-staff";
import { requestOrigin } from "@/lib/http/request-origin";
import { publishPolicy } from "@/lib/organisations/services/publish-policy";
import { revokeSessions, setAccountDisabled } from "@/lib/organisations/services/account-access";
const refresh = () => revalidatePath("/admin");

export const publishPolicyAction = adminAction({
  schema: policySchema,
  run: (input, actor) => publishPolicy(actor, input),
  success: (r) => `已发布第 ${r.version} 版政策`,
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
