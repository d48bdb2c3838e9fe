"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/actions/safe-action";
import { staffRolesOf } from "@/lib/actions/audience";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { formatFen } from "@/lib/money/fen";
import { requestExceptionSchema, decideExceptionSchema } from "@/lib/exceptions/schemas";
import { requestException } from "@/lib/exceptions/services/request-exception";
import { decideException } from "@/lib/exceptions/services/decide-exception";
import { isExceptionRefusal, type ExceptionRefusal } from "@/lib/exceptions/refusal";

/** A refusal's words with its figures, in the user's language, on the field it concerns. */
async function rendered(e: ExceptionRefusal): Promise<AppError> {
  const t = await getTranslations("exceptions.refusal");
  const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, k === "limit" && /^\d{5,}$/.test(v) ? formatFen(BigInt(v)) : v]));
  const message = t(e.reason, params);
  return new AppError(e.code, message, e.field === "_form" ? undefined : { [e.field]: [message] });
}

async function refusalsInWords<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    if (isExceptionRefusal(e)) throw await rendered(e);
    throw e;
  }
}

export const requestExceptionAction = staffAction(staffRolesOf(PERMISSIONS["exception.request"]), {
  schema: requestExceptionSchema,
  run: (i, actor) => refusalsInWords(() => requestException(actor, { ...i, valueFen: i.valueYuan ?? null, valueMonths: i.valueMonths ?? null, documentKind: i.documentKind ?? null })),
  success: async () => (await getTranslations("exceptions.done"))("requested"),
  after: () => revalidatePath("/center", "layout"),
});

// Reviewers may read a request, so they are told in words that deciding it is an approver's task.
export const decideExceptionAction = staffAction(staffRolesOf(PERMISSIONS["exception.read"]), {
  schema: decideExceptionSchema,
  run: async (i, actor) => {
    await refusalsInWords(() => decideException(actor, i));
    return i.decision;
  },
  success: async (decision) => (await getTranslations("exceptions.done"))(decision === "approve" ? "approved" : "refused"),
  after: () => revalidatePath("/center", "layout"),
});
