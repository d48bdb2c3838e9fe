import "server-only";
import { db } from "@/lib/db/client";
import { APPLICANTS, STAFF } from "@/lib/demo/reference-data";
import { mobileLookup } from "@/lib/personal-data/sealed";

/** Whether any demo account (a published identifier and password) exists in this database. */
export async function demoAccountsPresent(): Promise<boolean> {
  const found = await db.user.count({
    where: { OR: [{ email: { in: STAFF.map((s) => s.email) } }, { mobileIndex: { in: APPLICANTS.map((a) => mobileLookup(a.mobile).mobileIndex) } }] },
  });
  return found > 0;
}
