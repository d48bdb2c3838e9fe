import { cookies } from "next/headers";
import NextAuth, { type DefaultSession } from "next-auth";
import type {} from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { PasswordCheckBusy, verifyPassword } from "@/lib/auth/password";
import { findCredentials, recordSignIn } from "@/lib/auth/session-state";
import { renewSessionToken } from "@/lib/auth/session-renewal";
import { readSessionToken } from "@/lib/auth/session-token";
import { clearFailedSignIns, isThrottled, recordFailedSignIn } from "@/lib/auth/sign-in-throttle";
import { clientIpFrom } from "@/lib/auth/client-ip-from";
import { verifySecondFactor } from "@/lib/auth/second-factor";
import { logger } from "@/lib/logger";
import type { Actor } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    actor: Actor;
    /** The account could not be checked (the database is unavailable): no actor this request. */
    unverified?: true;
    user: DefaultSession["user"];
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    seen?: number;
    started?: number;
    actor?: Actor;
    unverified?: true;
  }
}

const credentialsSchema = z.object({
  identifier: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
  // The second factor: a code from the authenticator app, or a recovery code.
  code: z.string().max(40).optional(),
});

// Sessions are JWTs in an HttpOnly cookie. On every request the account is re-read, so a
// disabled account, a bumped session version (revocation) or a changed role take effect at once,
// and a session idle for longer than its role allows ends.
const authJs = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 60 * 60 },
  pages: { signIn: "/login" },
  // A wrong password is an expected answer, not a server error: no stack trace in the log for it.
  logger: {
    error: (error) => {
      if ((error as { type?: string }).type !== "CredentialsSignin") logger.error("auth error", { error });
    },
    warn: (code) => logger.warn("auth warning", { code }),
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {}, code: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { identifier, password } = parsed.data;
        const address = clientIpFrom(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
        // A throttled attempt is refused without checking the password, and does not count.
        if (await isThrottled(identifier, address)) return null;
        const account = await findCredentials(identifier);
        let ok: boolean;
        try {
          ok = await verifyPassword(account?.passwordHash ?? null, password);
        } catch (error) {
          if (!(error instanceof PasswordCheckBusy)) throw error;
          logger.warn("sign-in refused: too many password checks waiting", {});
          return null;
        }
        const secondFactorOk = !account?.totpEnabledAt || (!!parsed.data.code && (await verifySecondFactor(account.id, parsed.data.code)));
        if (!account || !ok || account.disabledAt || !secondFactorOk) {
          await recordFailedSignIn(identifier, address);
          return null;
        }
        await clearFailedSignIns(identifier, address);
        await recordSignIn(account.id);
        return { id: account.id, sessionVersion: account.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = Date.now();
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
        token.seen = now;
        token.started = now;
      }
      return renewSessionToken(token, now);
    },
    session({ session, token }) {
      if (token.unverified) session.unverified = true;
      else if (token.actor) session.actor = token.actor;
      return session;
    },
  },
});

export const { handlers, signIn, signOut } = authJs;

/** Auth.js as the proxy's wrapper: the full session check, which also renews the cookie. */
export const authWithRenewal = authJs.auth;

/**
 * This request's session, for pages, actions and routes: the cookie decrypted and the account
 * re-read and judged, as Auth.js's callback does, without re-encrypting a cookie that a page
 * cannot set anyway (the proxy renews it). Null when signed out or the session no longer stands;
 * `unverified` when the account cannot be read now (the database is unavailable).
 */
export async function auth(): Promise<{ actor: Actor; unverified?: undefined } | { unverified: true; actor?: undefined } | null> {
  const token = await readSessionToken((await cookies()).getAll(), env.AUTH_SECRET ?? "");
  const renewed = token ? await renewSessionToken(token, Date.now()) : null;
  if (!renewed) return null;
  if (renewed.unverified) return { unverified: true };
  return renewed.actor ? { actor: renewed.actor } : null;
}
