// npm run setup -- --admin-email <e-mail> --admin-name <name> [--public-url https://portal.example] [--app-role ncd_app]
// First setup of a production installation, unattended if need be (the same values may come from
// SETUP_ADMIN_EMAIL, SETUP_ADMIN_NAME and PUBLIC_ORIGIN): migrates the database, creates the base
// every installation starts from (the support centre, categories, target groups, the first policy
// version, holidays) and the first programme administrator, and prints that person's one-time
// link to set a password. Nothing of the demo is created; a database holding the demo is refused.
// Running it again changes nothing that exists (a not yet used link is replaced by a new one).
// Run it as the database's owner; with --app-role (or SETUP_APP_ROLE) it grants that existing role
// what the servers need and nothing more (lib/db/app-role.ts): the servers then connect as it.
import { parseArgs } from "node:util";
import { z } from "zod";
import { env, productionDatabaseProblem } from "@/lib/env";
import { dataKeysProblem } from "@/lib/personal-data/keys";
import { migrate, MigrationError } from "@/lib/db/migrator";
import { grantAppRole, handJobQueueTo } from "@/lib/db/app-role";
import { connectPostgres, openPglite } from "@/lib/db/sql-executor";
import { db, disconnectShared } from "@/lib/db/client";
import { demoAccountsPresent } from "@/lib/demo/presence";
import { installBaseData } from "@/lib/setup/base-data";
import { createFirstAdministrator } from "@/lib/organisations/services/create-first-administrator";
import { LINK_HOURS, setPasswordPath } from "@/lib/auth/services/password-links";
import { isAppError } from "@/lib/errors";

const { values } = parseArgs({
  options: { "admin-email": { type: "string" }, "admin-name": { type: "string" }, "public-url": { type: "string" }, "app-role": { type: "string" } },
});
const input = z
  .object({
    email: z.email({ error: "--admin-email must be an e-mail address" }),
    displayName: z.string().trim().min(2, { error: "--admin-name must name the administrator (2 characters or more)" }).max(40),
    publicUrl: z.url({ error: "--public-url must be the portal's address, e.g. https://portal.example" }),
  })
  .safeParse({
    email: values["admin-email"] ?? process.env.SETUP_ADMIN_EMAIL,
    displayName: values["admin-name"] ?? process.env.SETUP_ADMIN_NAME,
    publicUrl: values["public-url"] ?? env.PUBLIC_ORIGIN ?? "http://localhost:3000",
  });

function fail(message: string): never {
  console.error(`setup refused: ${message}`);
  process.exit(1);
}

if (!input.success) fail(input.error.issues.map((i) => i.message).join("; "));
const problem = productionDatabaseProblem() ?? dataKeysProblem({ ...env, NODE_ENV: "production" });
if (problem) fail(problem);

const sql = env.DATABASE_URL ? await connectPostgres(env.DATABASE_URL) : await openPglite(env.PGLITE_DIR);
try {
  const ran = await migrate(sql, { log: (line) => console.log(line) });
  console.log(ran.length ? `database: applied ${ran.length} migration(s)` : "database: already up to date");
  const appRole = values["app-role"] ?? process.env.SETUP_APP_ROLE;
  if (appRole) {
    if (!env.DATABASE_URL) fail("--app-role needs PostgreSQL (DATABASE_URL)");
    await grantAppRole(sql, appRole);
    await handJobQueueTo(sql, env.DATABASE_URL, appRole);
    console.log(`database: role ${appRole} may read and write rows, and nothing more; connect the servers as ${appRole}`);
  }
} catch (error) {
  fail(error instanceof MigrationError || error instanceof Error ? error.message : String(error));
} finally {
  await sql.close();
}

try {
  if (await demoAccountsPresent()) fail("this database holds the demo accounts; set up production on a new, empty database");
  await installBaseData(db);
  console.log("base data: the support centre, loan categories, target groups, policy version 1, holidays");
  const { token } = await createFirstAdministrator({ email: input.data.email, displayName: input.data.displayName });
  const link = new URL(setPasswordPath(token), input.data.publicUrl).toString();
  console.log(`\nfirst administrator: ${input.data.email}`);
  console.log(`one-time link to set the password (valid ${LINK_HOURS.SETUP} hours, works once):\n\n  ${link}\n`);
} catch (error) {
  fail(isAppError(error) ? (typeof error.detail === "string" ? error.detail : (error.detail?.key ?? error.code)) : String(error));
} finally {
  await disconnectShared();
}
