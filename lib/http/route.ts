import "server-only";
import { randomUUID } from "node:crypto";
import { createTranslator } from "use-intl/core";
import { currentActor } from "@/lib/auth/actor";
import { judgeAudience, type ActorOf, type Audience } from "@/lib/actions/audience";
import { AppError, ERROR_TABLE, ERRORS_NAMESPACE, isAppError, messageKeyOf, type AppErrorCode } from "@/lib/errors";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/lib/http/origin";
import { asLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { wordIn, type RootTranslator } from "@/lib/i18n/words";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";

// Every route handler under app/api (but Auth.js's own) is made here, as every server action is
// made in lib/actions/safe-action.ts: a request from another site that changes state is refused,
// the caller must be in the declared audience (else 401, or 404 for a signed-in outsider), and
// the handler's failures leave by one road. An AppError becomes the status of ERROR_TABLE and a
// short body in the reader's language; anything else is logged with a correlation id and
// answered 500 with that id only (no stack, no SQL).
//
// Error bodies: text/plain for downloads (a reader who opened the link sees a sentence); JSON
// `{ ok: false, code, message }` for the routes a script of ours calls and reads as JSON (`json`).

/** What the handler receives: the actor typed for the audience, the request, its params, and words in the reader's language. */
export type RouteCall<A extends Audience, P> = {
  actor: ActorOf<A>;
  request: Request;
  params: P;
  /** A translator over the whole catalogue in the reader's language (the same cookie as the pages'). */
  t: Translate;
};

export type Translate = RootTranslator;

export type RouteOptions = { answers?: "text" | "json" };

type RouteContext<P> = { params: Promise<P> };

const MESSAGES = { "zh-CN": zhCN, en } as const;

/** The reader's language, chosen by the same cookie as the pages' (lib/i18n/request.ts). */
export function localeOf(request: Request): Locale {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.split(/;\s*/).find((part) => part.startsWith(`${LOCALE_COOKIE}=`));
  return asLocale(match ? decodeURIComponent(match.slice(LOCALE_COOKIE.length + 1)) : undefined);
}

export function translatorFor(locale: Locale): Translate {
  return createTranslator({ locale, messages: MESSAGES[locale] as typeof zhCN }) as unknown as Translate;
}

const isSafeMethod = (method: string) => ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());

/** A route handler for `audience`; `handler` returns the success response (downloads through lib/http/attachment.ts). */
export function route<A extends Audience, P = Record<string, string | string[]>>(
  audience: A,
  handler: (call: RouteCall<A, P>) => Promise<Response>,
  options: RouteOptions = {},
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    const t = translatorFor(localeOf(request));
    try {
      if (!isSafeMethod(request.method) && !isSameOrigin(request.headers, env.PUBLIC_ORIGIN)) throw new AppError("FORBIDDEN");
      const actor = await currentActor();
      const verdict = judgeAudience(audience, actor);
      if (verdict !== "allowed") throw new AppError(verdict);
      const params = (await context?.params) ?? ({} as P);
      return await handler({ actor: actor as ActorOf<A>, request, params, t });
    } catch (error) {
      return errorResponse(error, t, options.answers ?? "text");
    }
  };
}

/** The one error answer of a route handler. */
export function errorResponse(error: unknown, t: Translate, answers: "text" | "json"): Response {
  let code: AppErrorCode;
  let message: string;
  if (isAppError(error)) {
    code = error.code;
    message = error.detail === undefined ? t(`${ERRORS_NAMESPACE}.${messageKeyOf(code)}`) : wordIn(t, error.detail);
  } else if (isDatabaseUnavailable(error)) {
    code = "UNAVAILABLE";
    logger.warn("route refused: database unavailable", { error: String(error) });
    message = t(`${ERRORS_NAMESPACE}.${messageKeyOf(code)}`);
  } else {
    code = "UNEXPECTED";
    const correlationId = randomUUID().slice(0, 8);
    logger.error("route failed", { correlationId, error });
    message = `${t(`${ERRORS_NAMESPACE}.${messageKeyOf(code)}`)} (${correlationId})`;
  }
  const status = ERROR_TABLE[code].status;
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (answers === "json") return Response.json({ ok: false, code, message }, { status, headers });
  return new Response(message, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
