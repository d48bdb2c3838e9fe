// npm run data-keys -- rotate [--reindex]
// After a new key is put first in DATA_KEYS (the old one still listed), re-seals every personal
// value under the new key; with --reindex also recomputes the look-up indexes after a change of
// BLIND_INDEX_KEY. Once it reports, the old key can be removed from DATA_KEYS.
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { connectPostgres, openPglite } from "@/lib/db/sql-executor";
import { dataKeysProblem } from "@/lib/personal-data/keys";
import { currentKeyId } from "@/lib/personal-data/sealed";
import { rotateSealedColumns } from "@/lib/personal-data/rotate";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { reindex: { type: "boolean", default: false } } });
if (positionals[0] !== "rotate") {
  console.error("usage: npm run data-keys -- rotate [--reindex]");
  process.exit(2);
}
const problem = dataKeysProblem({ ...env, NODE_ENV: "production" });
if (problem) {
  console.error(`data-keys refused: ${problem}`);
  process.exit(1);
}
const sql = env.DATABASE_URL ? await connectPostgres(env.DATABASE_URL) : await openPglite(env.PGLITE_DIR);
try {
  const report = await rotateSealedColumns(sql, { reindex: values.reindex });
  console.log(`sealing under key "${currentKeyId()}"`);
  for (const r of report) console.log(`  ${r.table}.${r.column}: ${r.resealed} re-sealed, ${r.reindexed} re-indexed`);
} finally {
  await sql.close();
}
