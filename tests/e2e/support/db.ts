import pg from "pg";
import { e2eDatabase } from "./database";

/** One query against the test database, for checks the UI cannot make ("nothing was created"). */
export async function queryE2e<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabase().url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function usersWithMobile(mobile: string): Promise<number> {
  const rows = await queryE2e<{ n: string }>(`SELECT count(*)::text AS n FROM "User" WHERE mobile = $1`, [mobile]);
  return Number(rows[0]?.n ?? 0);
}
