"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/safe-action";
import { policySchema, userIdSchema } from "@/lib/organisations/schemas";
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
