import { z } from "zod";
import { dataKeysProblem } from "@/lib/personal-data/keys";
import zhCN from "@/lib/i18n/messages/zh-CN.json" with { type: "json" };

// The only reader of process.env: everything else imports `env`.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // With a URL the portal uses that PostgreSQL server; without one, embedded PGlite under PGLITE_DIR.
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().default("./data/pglite"),
  // Production runs on PostgreSQL. The embedded database serves production only when asked for
  // (a demo, a trial on one machine): never as a silent fallback for a missing DATABASE_URL.
  EMBEDDED_DATABASE: z.enum(["true", "false"]).default("false"),
  // Production refuses to serve while the demo accounts exist, unless this is the demo.
  DEMO_MODE: z.enum(["true", "false"]).default("false"),
  AUTH_SECRET: z.string().optional(),
  // The AES key (base64) Next seals server actions' closed-over values with. Next reads it
  // itself; it is named here so that production can insist on it (productionStartProblem).
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.string().optional(),
  // Keys that seal ID numbers, mobile numbers and bank accounts in the database (lib/personal-data/keys.ts).
  DATA_KEYS: z.string().optional(),
  BLIND_INDEX_KEY: z.string().optional(),
  APPLICANT_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  STAFF_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  // However active, a session ends this long after signing in.
  SESSION_MAX_HOURS: z.coerce.number().int().positive().max(72).default(12),
  SMTP_URL: z.string().optional(),
  // Text messages: "log" writes them to the server log (demo, tests, development); "http" posts
  // each one as JSON {to, text} to the SMS gateway at SMS_HTTP_URL with SMS_HTTP_TOKEN as bearer.
  SMS_PROVIDER: z.enum(["log", "http"]).default("log"),
  SMS_HTTP_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  SMS_HTTP_TOKEN: z.string().optional(),
  // The sender e-mails show: the brand, as the programme writes it.
  MAIL_FROM: z.string().default(`${zhCN.common.brand} <noreply@localhost>`),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Scheduled jobs (reminders, expiring returns, mail); "off" for servers that must not run them.
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  // Working days past a stage's deadline after which the case escalates to the centre's approver.
  ESCALATE_AFTER_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  // Calendar days before a repayment date, and before the loan ends, that the applicant is reminded.
  REPAYMENT_REMIND_DAYS: z.coerce.number().int().min(1).max(30).default(5),
  MATURITY_REMIND_DAYS: z.coerce.number().int().min(1).max(120).default(30),
  // The largest list export (rows) a reader may download at once; larger ones are refused with the count.
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(5_000_000).default(1_000_000),
  // Union standing missing for a loan: asked for in a quarter's last days, and after it ends
  // until the batch is usually done.
  STANDING_REMIND_DAYS: z.coerce.number().int().min(1).max(92).default(15),
  STANDING_REMIND_AFTER_DAYS: z.coerce.number().int().min(0).max(92).default(30),
  // Staff sign in with a second factor (TOTP); "optional" only for the demo and its tests.
  STAFF_TWO_FACTOR: z.enum(["required", "optional"]).default("required"),
  // Reverse proxies in front of the portal that append to X-Forwarded-For (lib/auth/client-ip.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(5).default(1),
  // The public origin (scheme://host[:port]) state-changing requests must come from, when the
  // portal is served behind a proxy under another host name; else the request's Host.
  PUBLIC_ORIGIN: z.string().url().optional().or(z.literal("").transform(() => undefined)),
});

export type Env = z.infer<typeof schema>;

export const env: Env = schema.parse(process.env);

export const MIN_AUTH_SECRET_BYTES = 32;

/** Why the server must not start in production, or null when it may. */
export function productionStartProblem(e: Env = env): string | null {
  if (e.NODE_ENV !== "production") return null;
  const secret = e.AUTH_SECRET ?? "";
  if (Buffer.byteLength(secret, "utf8") < MIN_AUTH_SECRET_BYTES) {
    return `AUTH_SECRET must be set to at least ${MIN_AUTH_SECRET_BYTES} random bytes in production (for example: openssl rand -base64 48).`;
  }
  if (e.STAFF_TWO_FACTOR !== "required" && e.DEMO_MODE !== "true") {
    return "STAFF_TWO_FACTOR=optional is for the demo only: production staff sign in with a second factor.";
  }
  return actionsKeyProblem(e) ?? dataKeysProblem(e) ?? smsProblem(e) ?? productionDatabaseProblem(e);
}

/**
 * Next seals what an inline server action closes over with this key, and behind a load balancer a
 * page rendered by one app server is often posted to another: all must hold the same key. Without
 * it each build makes its own and keeps it in the build folder, so it changes with every build.
 * The demo is one server.
 */
function actionsKeyProblem(e: Env): string | null {
  const key = e.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  if (!key) {
    return e.DEMO_MODE === "true" ? null : "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be set in production, the same on every app server (for example: openssl rand -base64 32).";
  }
  // AES-128, -192 or -256, as Next imports it.
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(key) ? Buffer.from(key, "base64").byteLength : 0;
  return [16, 24, 32].includes(bytes) ? null : "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 random bytes in base64 (for example: openssl rand -base64 32).";
}

/** Applicants register and recover accounts by SMS code: production needs a gateway to send them. */
function smsProblem(e: Env): string | null {
  if (e.SMS_PROVIDER === "http") return e.SMS_HTTP_URL ? null : "SMS_PROVIDER=http needs SMS_HTTP_URL (the SMS gateway's address).";
  return e.DEMO_MODE === "true" ? null : "SMS_PROVIDER=log only writes text messages to the log: production needs SMS_PROVIDER=http and SMS_HTTP_URL, or applicants cannot register.";
}

/** Production runs on PostgreSQL: the embedded database only when asked for. */
export function productionDatabaseProblem(e: Env = env): string | null {
  if (!e.DATABASE_URL && e.EMBEDDED_DATABASE !== "true") {
    return "DATABASE_URL must name the PostgreSQL server in production (to run on the embedded database anyway, for a demo or a trial, set EMBEDDED_DATABASE=true).";
  }
  return null;
}
