import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { RegisterInput } from "@/lib/auth/schemas";
import { userMobileColumns } from "@/lib/personal-data/sealed";

/** Creates an applicant account; a taken mobile or e-mail is refused and nothing is created. */
export async function registerApplicant(input: RegisterInput, ip: string | null): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  const mobile = userMobileColumns(input.mobile);
  const taken = await db.user.findFirst({
    where: { OR: [{ mobileIndex: mobile.mobileIndex }, ...(input.email ? [{ email: input.email }] : [])] },
    select: { mobileIndex: true },
  });
  if (taken) throw duplicate(taken.mobileIndex === mobile.mobileIndex ? "mobile" : "email");
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { displayName: input.displayName, ...mobile, email: input.email ?? null, passwordHash },
        select: { id: true },
      });
      await appendAudit(tx, {
        actorId: user.id,
        entityType: "User",
        entityId: user.id,
        action: "user.registered",
        data: { ip },
      });
      return { userId: user.id };
    });
  } catch (error) {
    // Two sign-ups with the same number at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw duplicate("mobile");
    throw error;
  }
}

function duplicate(field: "mobile" | "email"): AppError {
  const message = field === "mobile" ? "该手机号已注册，请直接登录" : "该电子邮箱已注册，请直接登录";
  return new AppError("DUPLICATE", message, { [field]: [message] });
}
