import pg from "pg";
import { e2eDatabase } from "./database";
import { mobileLookup, unseal } from "@/lib/personal-data/sealed";

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
  const rows = await queryE2e<{ n: string }>(`SELECT count(*)::text AS n FROM "User" WHERE "mobileIndex" = $1`, [mobileLookup(mobile).mobileIndex]);
  return Number(rows[0]?.n ?? 0);
}

/** The text messages sent to a number, oldest first (what the phone would show). */
export async function textsTo(mobile: string): Promise<string[]> {
  const rows = await queryE2e<{ to: string; body: string }>(`SELECT "toSealed" AS to, "bodySealed" AS body FROM "OutboxSms" ORDER BY "createdAt"`);
  return rows.filter((r) => unseal(r.to, "OutboxSms.to") === mobile).map((r) => unseal(r.body, "OutboxSms.body"));
}

/** The six-digit code in the newest text message to a number ("" when it has none). */
export const latestCodeTo = async (mobile: string): Promise<string> => /\b(\d{6})\b/.exec((await textsTo(mobile)).at(-1) ?? "")?.[1] ?? "";

/** Moves the number's earlier codes back in time, past the minute between two codes. */
export async function ageCodesTo(mobile: string): Promise<void> {
  await queryE2e(`UPDATE "MobileCode" SET "createdAt" = "createdAt" - interval '2 minutes' WHERE "mobileIndex" = $1`, [mobileLookup(mobile).mobileIndex]);
}
