import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { registerHooks } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defineConfig } from "@playwright/test";
import { databaseUrl } from "./scripts/db/tools";

// The global setup and some specs call the portal's services directly (the demo seed, the
// statistics job), as the integration tests do. `server-only` marks those modules for Next's
// bundler and throws anywhere else; here (the runner and its workers both load this file) it
// resolves to its empty variant, as it does under `--conditions=react-server`.
const emptyServerOnly = pathToFileURL(path.resolve("node_modules/server-only/empty.js")).href;
registerHooks({
  resolve: (specifier, context, next) => (specifier === "server-only" ? { url: emptyServerOnly, shortCircuit: true } : next(specifier, context)),
});

// Playwright starts the webServer BEFORE globalSetup runs (runner: plugin setup, then global
// setup), so the web server's environment has to be known when this file loads. The database
// name is therefore chosen here, once: workers load this file again but inherit these variables
// from the main process, so they see the same name. globalSetup creates, migrates and seeds
// exactly this database before the first test; the server only touches it on the first request
// that needs data (nothing reads the database while it starts or answers the readiness check).
process.env.NCD_E2E_DB ??= `ncd_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
process.env.NCD_E2E_DATABASE_URL ??= databaseUrl(process.env.NCD_E2E_DB);
process.env.NCD_E2E_AUTH_SECRET ??= randomBytes(48).toString("base64");
// The run's keys for personal data: the server, the extra servers some specs start and the specs
// that write rows themselves all seal with them.
process.env.DATA_KEYS ??= `e2e:${randomBytes(32).toString("base64")}`;
process.env.BLIND_INDEX_KEY ??= randomBytes(32).toString("base64");
// One server-actions key for every server of the run, as production gives all its app servers.
process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

// E2E_PORT moves the whole run (the server and the extra servers some specs start, PORT+2…+8),
// so that two checkouts on one machine can each run their end-to-end tests.
const PORT = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_PORT = String(PORT);
// Always `localhost`: Auth.js redirects go there, and cookies set on 127.0.0.1 would not follow.
const baseURL = `http://localhost:${PORT}`;

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(process.cwd(), distDir, "BUILD_ID"))) {
  throw new Error(`No production build in ${distDir}: run \`npm run build\` before \`npx playwright test\`.`);
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: "./tests/e2e/support/global-setup.ts",
  globalTeardown: "./tests/e2e/support/global-teardown.ts",
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "off",
    video: "off",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/next start --port ${PORT}`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.NCD_E2E_DATABASE_URL,
      AUTH_SECRET: process.env.NCD_E2E_AUTH_SECRET,
      DATA_KEYS: process.env.DATA_KEYS,
      BLIND_INDEX_KEY: process.env.BLIND_INDEX_KEY,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      // The e2e database holds the demo accounts.
      DEMO_MODE: "true",
      // The demo staff accounts sign in without a second factor; the first-setup test runs its
      // own server where two-factor sign-in is required, as in production.
      STAFF_TWO_FACTOR: "optional",
      // The database is created by globalSetup after the server starts: no jobs against it.
      SCHEDULER: "off",
    },
  },
});
