// npm run db:migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database built
// from the existing migrations to prisma/schema.prisma. Read it before committing.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { connectPostgres } from "@/lib/db/sql-executor";
import { migrate, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrator";
import { createDatabase, dropDatabase, migraDiff, schemaDdl, schemaStatements } from "./tools";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <name in snake_case>");
  process.exit(1);
}

const existing = await readMigrations().catch(() => []);
const ddl = await schemaDdl();
let sql: string;
if (existing.length === 0) {
  sql = ddl;
} else {
  const current = await createDatabase("ncd_mig_current");
  const target = await createDatabase("ncd_mig_target");
  try {
    const a = await connectPostgres(current.url);
    await migrate(a, { migrations: existing }).finally(() => a.close());
    const b = await connectPostgres(target.url);
    await b.exec(ddl).finally(() => b.close());
    sql = schemaStatements(await migraDiff(current.url, target.url)).map((s) => `${s};\n`).join("\n");
  } finally {
    await dropDatabase(current.name);
    await dropDatabase(target.name);
  }
}

if (!sql.trim()) {
  console.log("schema.prisma and the migrations agree: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), `${sql.trim()}\n`);
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
if (/\bDROP\b/i.test(sql)) console.warn("warning: the migration drops something; read it before committing.");
