import { env, productionStartProblem } from "@/lib/env";
import { logger } from "@/lib/logger";
import zhCN from "@/lib/i18n/messages/zh-CN.json" with { type: "json" };

function refuse(problem: string): never {
  logger.error("refusing to start", { reason: problem });
  console.error(`\n${zhCN.common.brand} cannot start: ${problem}\n`);
  process.exit(1);
}

export async function startServer(): Promise<void> {
  const problem = productionStartProblem();
  if (problem) refuse(problem);
  if (!env.DATABASE_URL) {
    const { migrate } = await import("@/lib/db/migrator");
    const { wrapPglite } = await import("@/lib/db/sql-executor");
    const { sharedPglite } = await import("@/lib/db/client");
    const pglite = sharedPglite();
    if (pglite) {
      const ran = await migrate(wrapPglite(pglite, { closeOnRelease: false }));
      if (ran.length) logger.info("embedded database migrated", { migrations: ran });
    }
  }
  if (env.NODE_ENV === "production" && env.DEMO_MODE !== "true") {
    const { demoAccountsPresent } = await import("@/lib/demo/presence");
    if (await demoAccountsPresent()) {
      refuse("the demo accounts (shared, published passwords) are in this database. Production needs a database set up with `npm run db:migrate` and real accounts; for the demo itself set DEMO_MODE=true.");
    }
  }
  if (env.SCHEDULER === "off") return;
  // Not awaited: a server started while the database is away serves (and answers "try again")
  // while its job queue waits for the database.
  const { startSchedulerWhenReachable } = await import("@/lib/jobs/scheduler");
  void startSchedulerWhenReachable().catch((error: unknown) => logger.error("scheduler did not start", { error }));
}
