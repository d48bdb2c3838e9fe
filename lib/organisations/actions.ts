"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors";
import { policySchema, userIdSchema } from "@/lib/organisations/schemas";
import { publishPolicy } from "@/lib/organisations/services/publish-policy";
import { revokeSessions, setAccountDisabled } from "@/lib/organisations/services/account-access";
import type { Actor } from "@/lib/auth/roles";

const signedIn = (actor: Actor | null): Actor => {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
};
const refresh = () => revalidatePath("/admin");

export const publishPolicyAction = formAction({
  schema: policySchema,
  run: (input, actor) => publishPolicy(signedIn(actor), input),
  success: (r) => `已发布第 ${r.version} 版政策`,
  after: refresh,
});

export const revokeSessionsAction = formAction({
  schema: userIdSchema,
  run: (input, actor) => revokeSessions(signedIn(actor), input.userId),
  success: () => "该账号的所有会话已失效",
  after: refresh,
});

export const disableAccountAction = formAction({
  schema: userIdSchema,
  run: (input, actor) => setAccountDisabled(signedIn(actor), input.userId, true),
  success: () => "账号已停用",
  after: refresh,
});

export const enableAccountAction = formAction({
  schema: userIdSchema,
  run: (input, actor) => setAccountDisabled(signedIn(actor), input.userId, false),
  success: () => "账号已启用",
  after: refresh,
});
