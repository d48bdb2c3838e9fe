import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { currentAccountHolder, currentActor } from "@/lib/auth/actor";
import { ERRORS_NAMESPACE, isAppError, messageKeyOf, type AppErrorCode } from "@/lib/errors";
import { isIneligible, wordEligibility } from "@/lib/applications/eligibility";
import { logger } from "@/lib/logger";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/lib/http/origin";
import type { ActionState } from "@/lib/actions/state";
import { fieldErrorsIn, wordIn, type Message, type RootTranslator } from "@/lib/i18n/words";
import { rootTranslator } from "@/lib/i18n/reader";
import {
  applicantAudience,
  judgeAudience,
  publicAudience,
  signedInAudience,
  staffAudience,
  type ActorOf,
  type Audience,
} from "@/lib/actions/audience";

// Every server action is made here, by a builder that names its audience (public, applicant,
// staff of given roles, administrator): an action without one cannot be written. The gate runs
// before anything else, so a caller outside the audience learns nothing about the input or the
// records, and nothing is read or written for them.

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

/** A zod error's issues by field; each issue's message is a catalogue key (lib/i18n/words.ts). */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A server action that carries the audience it was declared for (the action matrix test reads it). */
export type GuardedAction<Args extends unknown[], T> = ((...args: Args) => Promise<T>) & { readonly audience: Audience };

export type Refusal = "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND" | "UNAVAILABLE" | "VALIDATION";

/**
 * The gate alone, for actions with a result shape of their own (sign-in, statement upload):
 * `refused` turns the refusal into that shape (UNAVAILABLE: the session could not be checked;
 * VALIDATION: the call carried no form data). A request from another site is refused first
 * (the proxy refuses it too; this does not rely on the proxy).
 */
export function guardedAction<A extends Audience, Args extends unknown[], T>(
  audience: A,
  refused: (code: Refusal) => Promise<T> | T,
  body: (actor: ActorOf<A>, ...args: Args) => Promise<T>,
): GuardedAction<Args, T> {
  const action = async (...args: Args): Promise<T> => {
    if (!isSameOrigin(await headers(), env.PUBLIC_ORIGIN)) return refused("FORBIDDEN");
    // The account's own actions (and signing out) stay open to staff still setting up two-factor sign-in.
    let actor: Awaited<ReturnType<typeof currentActor>>;
    try {
      actor = audience.kind === "public" || audience.kind === "signedIn" ? await currentAccountHolder() : await currentActor();
    } catch (error) {
      // The session could not be checked against the account: nothing was done, try again.
      if ((isAppError(error) && error.code === "UNAVAILABLE") || isDatabaseUnavailable(error)) return refused("UNAVAILABLE");
      throw error;
    }
    const verdict = judgeAudience(audience, actor);
    if (verdict !== "allowed") return refused(verdict);
    // Every action is a form's: React's form calls it with the form's data last. A call made by hand
    // without it (a forged request) is refused as bad input, not answered with a server error.
    if (!(args.at(-1) instanceof FormData)) return refused("VALIDATION");
    return body(actor as ActorOf<A>, ...args);
  };
  return Object.assign(action, { audience });
}

type FormOptions<S extends z.ZodType, R, Act> = {
  schema: S;
  run: (input: z.output<S>, actor: Act, formData: FormData) => Promise<R>;
  /** The success message, from the service's result: Words, worded here in the reader's language. */
  success: (result: R) => Promise<Message> | Message;
  /** Runs after the try/catch: revalidatePath or redirect belong here. */
  after?: (result: R) => void | Promise<void>;
};

export type FormAction = GuardedAction<[ActionState, FormData], ActionState>;

/**
 * gate → zod parse → service → one ActionState for useActionState, echoing the fields back so
 * nothing typed is lost. Expected AppErrors become messages in the user's language; anything
 * else is logged with a correlation id and shown generically.
 */
function formActionFor<A extends Audience, S extends z.ZodType, R>(audience: A, options: FormOptions<S, R, ActorOf<A>>): FormAction {
  return guardedAction(
    audience,
    async (code): Promise<ActionState> => ({ status: "error", code, message: await errorMessage(code) }),
    async (actor, _prev: ActionState, formData: FormData): Promise<ActionState> => {
      const t = await rootTranslator();
      const fields = echoFields(formData);
      let result: R;
      try {
        const parsed = options.schema.safeParse(formDataObject(formData));
        if (!parsed.success) return { status: "error", fields, ...validationState(t, zodFieldErrors(parsed.error)) };
        result = await options.run(parsed.data, actor, formData);
      } catch (error) {
        return { status: "error", fields, ...errorStateIn(error, t) };
      }
      const message = wordIn(t, await options.success(result));
      await options.after?.(result);
      return { status: "success", message, fields };
    },
  );
}

/** Anyone may call it, signed in or not. */
export const publicAction = <S extends z.ZodType, R>(options: FormOptions<S, R, ActorOf<typeof publicAudience>>) =>
  formActionFor(publicAudience, options);

/** Anyone signed in, on their own account only (the service never takes another user's id). */
export const signedInAction = <S extends z.ZodType, R>(options: FormOptions<S, R, ActorOf<typeof signedInAudience>>) =>
  formActionFor(signedInAudience, options);

/** Signed-in applicants only; the service still scopes every record to them. */
export const applicantAction = <S extends z.ZodType, R>(options: FormOptions<S, R, ActorOf<typeof applicantAudience>>) =>
  formActionFor(applicantAudience, options);

/** Staff holding one of `roles`; the service still checks organisation, turn and status. */
export const staffAction = <const Roles extends readonly StaffRole[], S extends z.ZodType, R>(
  roles: Roles,
  options: FormOptions<S, R, ActorOf<{ kind: "staff"; roles: Roles }>>,
) => formActionFor(staffAudience(roles), options);

/** Programme administrators only. */
export const adminAction = <S extends z.ZodType, R>(options: FormOptions<S, R, ActorOf<{ kind: "staff"; roles: readonly ["PROGRAM_ADMIN"] }>>) =>
  staffAction(["PROGRAM_ADMIN"] as const, options);


const codeMessage = (t: RootTranslator, code: AppErrorCode) => t(`${ERRORS_NAMESPACE}.${messageKeyOf(code)}`);

/** The message of an error code in the reader's language, from ERROR_TABLE's key. */
export async function errorMessage(code: AppErrorCode): Promise<string> {
  return codeMessage(await rootTranslator(), code);
}

type ErrorState = { code: string; message: string; fieldErrors?: Record<string, string[]> };

/** A form's input refused field by field (zod issues' keys or a service's Words), in the reader's language. */
export function validationState(t: RootTranslator, fieldErrors: Readonly<Record<string, readonly Message[]>>): ErrorState {
  return { code: "VALIDATION", message: codeMessage(t, "VALIDATION"), fieldErrors: fieldErrorsIn(t, fieldErrors) };
}

function errorStateIn(error: unknown, t: RootTranslator): ErrorState {
  // Eligibility refusals carry their reasons as codes: worded here, in the reader's language.
  if (isIneligible(error)) {
    return { code: error.code, message: wordEligibility(error.blocks, t) };
  }
  if (isAppError(error)) {
    const message = error.detail === undefined ? codeMessage(t, error.code) : wordIn(t, error.detail);
    return { code: error.code, message, fieldErrors: fieldErrorsIn(t, error.fieldErrors) };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn("action refused: database unavailable", { error: String(error) });
    return { code: "UNAVAILABLE", message: codeMessage(t, "UNAVAILABLE") };
  }
  const correlationId = randomUUID().slice(0, 8);
  logger.error("action failed", { correlationId, error });
  return { code: "UNEXPECTED", message: `${codeMessage(t, "UNEXPECTED")} (${correlationId})` };
}

/** Any failure as the reader should see it: an AppError's words, or a generic message with a logged correlation id. */
export async function errorState(error: unknown): Promise<ErrorState> {
  return errorStateIn(error, await rootTranslator());
}
