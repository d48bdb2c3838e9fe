// npm run restore -- <file>: restores a backup into DATABASE_URL, which must be a new, empty
// database. Then `npm run audit:verify` proves the audit chain came back intact.
import { env } from "@/lib/env";
import { restoreDatabase, RestoreRefused } from "@/lib/db/backup";

const file = process.argv[2];
if (!file || !env.DATABASE_URL) {
  console.error("usage: DATABASE_URL=<an empty database> npm run restore -- <backup file>");
  process.exit(1);
}
try {
  await restoreDatabase(file, env.DATABASE_URL);
  console.log(`restored ${file}; check it with: npm run audit:verify`);
} catch (error) {
  console.error(error instanceof RestoreRefused ? `restore refused: ${error.message}` : error);
  process.exitCode = 1;
}
