import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { makeWorkingCalendar, type WorkingCalendar } from "@/lib/calendar/working-days";

type Client = Prisma.TransactionClient | typeof db;

/** The policy version in force at `at` (the latest whose effective date has come). */
export async function policyInForce(at: Date = new Date(), client: Client = db) {
  const policy = await client.policyVersion.findFirst({ where: { effectiveFrom: { lte: at } }, orderBy: { effectiveFrom: "desc" } });
  if (!policy) throw new Error("No policy version is in force: an administrator must publish one.");
  return policy;
}

export type Policy = Awaited<ReturnType<typeof policyInForce>>;

/** The working calendar every deadline clock counts on: public holidays and 调休 working weekends. */
export async function workingCalendar(client: Client = db): Promise<WorkingCalendar> {
  const rows = await client.holiday.findMany({ select: { day: true, kind: true } });
  const iso = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.day.toISOString().slice(0, 10));
  return makeWorkingCalendar(iso("HOLIDAY"), iso("WORKDAY"));
}

// Calendar changes take this lock exclusively; every step that sets a deadline takes it shared, so
// a change and a step never interleave: the change recounts the deadlines the step has written.
const CALENDAR_LOCK = 1_100_020_031;

export async function lockCalendar(tx: Prisma.TransactionClient, mode: "shared" | "exclusive"): Promise<void> {
  if (mode === "shared") await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`;
}
