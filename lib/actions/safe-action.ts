import "server-only";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { currentActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { ActionState } from "@/lib/actions/state";

// Fields never echoed back to the browser.
const SECRET_FIELDS = new Set(["password", "confirmPassword", "currentPassword"]);

export function echoFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.has(key) && !key.startsWith("$ACTION")) fields[key] = value;
  }
  return fields;
}

export function formDataObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

type Options<S extends z.ZodType, R> = {
  schema: S;
  /** Anonymous callers allowed (sign-up, sign-in). */
  anonymous?: boolean;
  run: (input: z.output<S>, actor: Actor | null, formData: FormData) => Promise<R>;
  /** The success message (already translated), from the service's result. */
  success: (result: R) => Promise<string> | string;
  /** Runs after the try/catch: revalidatePath or redirect belong here. */
  after?: (result: R) => void | Promise<void>;
};

/**
 * session → zod parse → service → one ActionState. Expected AppErrors become messages in the
 * user's language; anything else is logged with a correlation id and shown generically.
 */
export function formAction<S extends z.ZodType, R>(options: Options<S, R>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const t = await getTranslations("errors");
    const fields = echoFields(formData);
    let result: R;
    try {
      const actor = await currentActor();
      if (!actor && !options.anonymous) throw new AppError("UNAUTHENTICATED");
      const parsed = options.schema.safeParse(formDataObject(formData));
      if (!parsed.success) {
        return { status: "error", message: t("VALIDATION"), fieldErrors: zodFieldErrors(parsed.error), fields };
      }
      result = await options.run(parsed.data, actor, formData);
    } catch (error) {
      return { status: "error", fields, ...errorState(error, t) };
    }
    const message = await options.success(result);
    await options.after?.(result);
    return { status: "success", message, fields };
  };
}

export function errorState(
  error: unknown,
  t: (key: string) => string,
): { message: string; fieldErrors?: Record<string, string[]> } {
  if (isAppError(error)) {
    return { message: error.detail ?? t(error.code), fieldErrors: error.fieldErrors };
  }
  const correlationId = randomUUID().slice(0, 8);
  logger.error("action failed", { correlationId, error });
  return { message: `${t("UNEXPECTED")} (${correlationId})` };
}
