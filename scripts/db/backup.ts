// npm run backup [-- <file>]: a pg_dump of DATABASE_URL (custom format) to <file>, by default
// backups/nuanchuangdai-<UTC time>.dump.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { backupDatabase } from "@/lib/db/backup";

if (!env.DATABASE_URL) {
  console.error("backup needs DATABASE_URL (PostgreSQL). The embedded database is the folder PGLITE_DIR: copy it while the portal is stopped.");
  process.exit(1);
}
const file = process.argv[2] ?? path.join("backups", `nuanchuangdai-${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z.dump`);
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
await backupDatabase(env.DATABASE_URL, file);
console.log(`backup written: ${file}`);
