// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded PGlite
// database when no URL is set. Exits non-zero, with the database unchanged, when one fails.
import { env } from "@/lib/env";
import { migrate, MigrationError } from "@/lib/db/migrator";
import { connectPostgres, openPglite } from "@/lib/db/sql-executor";

const target = env.DATABASE_URL ? "PostgreSQL" : `embedded PGlite (${env.PGLITE_DIR})`;
const sql = env.DATABASE_URL ? await connectPostgres(env.DATABASE_URL) : await openPglite(env.PGLITE_DIR);
try {
  const ran = await migrate(sql, { log: (line) => console.log(line) });
  console.log(ran.length ? `${target}: applied ${ran.length} migration(s).` : `${target}: already up to date.`);
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exitCode = 1;
} finally {
  await sql.close();
}
