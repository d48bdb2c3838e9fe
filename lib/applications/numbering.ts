import type { Prisma } from "@/lib/generated/prisma/client";

/** The next application number of a year (SQ-2026-0005), atomic under concurrency. */
export async function nextApplicationNumber(tx: Prisma.TransactionClient, at: Date = new Date()): Promise<string> {
  const year = at.toLocaleString("en", { timeZone: "Asia/Shanghai", year: "numeric" });
  const key = `application-${year}`;
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" (key, value) VALUES (${key}, 1)
    ON CONFLICT (key) DO UPDATE SET value = "Counter".value + 1
    RETURNING value`;
  return `SQ-${year}-${String(rows[0]!.value).padStart(4, "0")}`;
}
