import "server-only";
import { db } from "@/lib/db/client";
import { APPLICANTS, STAFF } from "@/lib/demo/reference-data";

/** Whether any demo account (a published identifier and password) exists in this database. */
export async function demoAccountsPresent(): Promise<boolean> {
  const found = await db.user.count({
    where: { OR: [{ email: { in: STAFF.map((s) => s.email) } }, { mobile: { in: APPLICANTS.map((a) => a.mobile) } }] },
  });
  return found > 0;
}
