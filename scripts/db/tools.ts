// Offline replacements for `prisma migrate diff` and `migrate dev`, used by the
// migration generator and by the drift test. They need a PostgreSQL server (never PGlite).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export const ADMIN_URL = process.env.ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * The full DDL of prisma/schema.prisma, printed by the Prisma 6 CLI's `migrate diff --from-empty`
 * (its JS schema engine runs offline; Prisma 7's CLI needs a native engine download).
 */
export async function schemaDdl(schemaPath = path.join(root, "prisma", "schema.prisma")): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "ncd-ddl-"));
  try {
    const schema = (await readFile(schemaPath, "utf8")).replace(
      /(datasource db \{\s*provider\s*=\s*"postgresql")/,
      '$1\n  url = env("DATABASE_URL")',
    );
    await writeFile(path.join(dir, "schema.prisma"), schema);
    await writeFile(
      path.join(dir, "prisma.config.ts"),
      `import { PrismaPg } from "@prisma/adapter-pg";
export default {
  schema: "schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() { return new PrismaPg({ connectionString: process.env.DATABASE_URL }); },
};
`,
    );
    await symlink(path.join(root, "node_modules"), path.join(dir, "node_modules"));
    const { stdout } = await run(
      bin("node"),
      [path.join(root, "node_modules", "prisma6", "build", "index.js"), "migrate", "diff", "--from-empty",
        "--to-schema-datamodel", "schema.prisma", "--script"],
      {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          DATABASE_URL: ADMIN_URL,
          PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
          PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
      },
    );
    return stdout.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new empty database named `prefix` and a random tail. */
export async function createDatabase(prefix: string): Promise<{ name: string; url: string }> {
  return createNamedDatabase(`${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`);
}

/** A new empty database under a name chosen beforehand. */
export async function createNamedDatabase(name: string): Promise<{ name: string; url: string }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return { name, url: databaseUrl(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** SQL that turns database `from` into `to` (empty when they agree). */
export async function migraDiff(fromUrl: string, toUrl: string): Promise<string> {
  try {
    const { stdout } = await run(bin("migra"), ["run", fromUrl, toUrl, "--unsafe"], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.trim();
  } catch (error) {
    // migra exits 2 when it found differences and printed them.
    const e = error as { code?: number; stdout?: string };
    if (e.code === 2 && typeof e.stdout === "string") return e.stdout.trim();
    throw error;
  }
}

// Objects that only hand-written migrations create (Prisma's schema cannot express them), and
// Prisma's own bookkeeping table: a diff against the schema's DDL must not drop them.
const OUTSIDE_SCHEMA = [
  /"?_prisma_migrations"?/,
  /audit_event_append_only/,
  /audit_event_no_(update_delete|truncate)/,
  /credit_chain_/,
  /Guarantee_standing_per_application/,
  /PolicyException_pending_per_type/,
  /UnionFounding_current_per_enterprise/,
  /notification_words_(fixed|no_update)/,
];

/** The diff statements that concern schema.prisma, without those about objects outside it. */
export function schemaStatements(diff: string): string[] {
  return diff
    .split(/;\s*\n/)
    .map((s) => s.trim().replace(/;$/, ""))
    .filter((s) => s.length > 0 && !OUTSIDE_SCHEMA.some((re) => re.test(s)));
}
