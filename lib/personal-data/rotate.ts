import type { SqlExecutor } from "@/lib/db/sql-executor";
import { SEALED_COLUMNS } from "@/lib/personal-data/columns";
import { blindIndex, currentKeyId, seal, sealedKeyId, unseal } from "@/lib/personal-data/sealed";

export type RotationReport = { table: string; column: string; resealed: number; reindexed: number }[];

const BATCH = 500;

/**
 * Re-seals every value not sealed under the current data key (the first of DATA_KEYS) and, with
 * `reindex`, recomputes every blind index under BLIND_INDEX_KEY. Rows are read in id order, a
 * batch at a time, and each update only lands if the value is still the one read (a value the
 * portal changed meanwhile is already under the current key). Safe to run again at any time.
 */
export async function rotateSealedColumns(sql: SqlExecutor, options: { reindex?: boolean } = {}): Promise<RotationReport> {
  const current = currentKeyId();
  const report: RotationReport = [];
  for (const c of SEALED_COLUMNS) {
    let resealed = 0;
    let reindexed = 0;
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = await sql.query<{ id: string; sealed: string; indexed: string | null }>(
        `SELECT id, "${c.column}" AS sealed, ${c.index ? `"${c.index}"` : "NULL"} AS indexed FROM "${c.table}"
         WHERE "${c.column}" IS NOT NULL AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      for (const row of rows) {
        const stale = sealedKeyId(row.sealed) !== current;
        const plain = stale || (options.reindex && c.index) ? unseal(row.sealed, c.field) : null;
        if (plain === null) continue;
        const index = c.index ? blindIndex(plain, c.field) : null;
        const moveIndex = c.index !== undefined && index !== row.indexed;
        if (!stale && !moveIndex) continue;
        const sets = [`"${c.column}" = $3`, ...(moveIndex ? [`"${c.index}" = $4`] : [])];
        const params = [row.id, row.sealed, stale ? seal(plain, c.field) : row.sealed, ...(moveIndex ? [index] : [])];
        await sql.query(`UPDATE "${c.table}" SET ${sets.join(", ")} WHERE id = $1 AND "${c.column}" = $2`, params);
        if (stale) resealed += 1;
        if (moveIndex) reindexed += 1;
      }
    }
    report.push({ table: c.table, column: c.column, resealed, reindexed });
  }
  return report;
}
