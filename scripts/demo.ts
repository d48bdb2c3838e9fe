// npm run demo: the portal with demo data on the embedded database, on http://localhost:3000.
// Migrates and seeds (both idempotent), builds, prints the demo accounts, then serves.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { APPLICANTS, DEMO_PASSWORD, STAFF } from "@/lib/demo/reference-data";

const root = process.cwd();
const dataDir = path.join(root, "data");
mkdirSync(dataDir, { recursive: true });

// A strong secret made once per machine and kept beside the data, so sessions survive restarts.
const secretFile = path.join(dataDir, ".auth-secret");
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(48).toString("base64"), { mode: 0o600 });
// Likewise the keys that seal personal data in the demo's database.
const keysFile = path.join(dataDir, ".data-keys");
if (!existsSync(keysFile)) writeFileSync(keysFile, `demo:${randomBytes(32).toString("base64")}\n${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
const [dataKeys, blindIndexKey] = readFileSync(keysFile, "utf8").trim().split("\n");

const env = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? readFileSync(secretFile, "utf8").trim(),
  DATA_KEYS: process.env.DATA_KEYS ?? dataKeys,
  BLIND_INDEX_KEY: process.env.BLIND_INDEX_KEY ?? blindIndexKey,
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  // The demo is the one production-mode server that may run on the embedded database with the
  // demo accounts in it.
  EMBEDDED_DATABASE: process.env.DATABASE_URL ? "false" : "true",
  DEMO_MODE: "true",
  // Demo staff may turn on two-factor sign-in under 账号与安全; production requires it.
  STAFF_TWO_FACTOR: "optional",
};
const port = process.env.PORT ?? "3000";

function step(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env, shell: false });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
step("Migrating the database", bin("tsx"), ["scripts/db/migrate.ts"]);
step("Loading demo data", bin("tsx"), ["--conditions=react-server", "scripts/seed.ts", ...(process.argv.includes("--programme-history") ? ["--programme-history"] : [])]);
if (!process.argv.includes("--no-build")) step("Building the portal", bin("next"), ["build"]);

const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].length * 1));
console.log(`\n暖·创贷 demo: http://localhost:${port}   (password for every account: ${DEMO_PASSWORD})\n`);
console.log(`  ${pad("account", 26)}role`);
for (const a of APPLICANTS) console.log(`  ${pad(a.mobile, 26)}applicant (${a.displayName})`);
for (const s of STAFF) console.log(`  ${pad(s.email, 26)}${s.role}`);
console.log("");

const server = spawn(bin("next"), ["start", "--port", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
