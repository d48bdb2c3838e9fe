import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { readWorkingCalendar } from "@/lib/calendar/calendar-write";

export { lockCalendar } from "@/lib/calendar/calendar-write";

type Client = Prisma.TransactionClient | typeof db;

/** The policy version in force at `at` (the latest whose effective date has come). */
export async function policyInForce(at: Date = new Date(), client: Client = db) {
  const policy = await client.policyVersion.findFirst({ where: { effectiveFrom: { lte: at } }, orderBy: { effectiveFrom: "desc" } });
  if (!policy) throw new Error("No policy version is in force: an administrator must publish one.");
  return policy;
}

export type Policy = Awaited<ReturnType<typeof policyInForce>>;

/** The working calendar every deadline clock counts on: public holidays and tiaoxiu working weekends. */
export async function workingCalendar(client: Client = db): Promise<WorkingCalendar> {
  return readWorkingCalendar(client);
}

/**
 * The same calendar for counting working days forward from `day` (YYYY-MM-DD, a Beijing date):
 * the days before it are left out, as no count from then on looks at them.
 */
export async function workingCalendarFrom(day: string, client: Client = db): Promise<WorkingCalendar> {
  return readWorkingCalendar(client, { from: day });
}

