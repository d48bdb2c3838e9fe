import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { beijingToday } from "@/lib/calendar/beijing";
import { caseLimits, type Ceilings, type CaseLimits, type ExceptionRecord } from "@/lib/exceptions/rules";

type Client = Prisma.TransactionClient | typeof db;

const SELECT = { type: true, status: true, expiresOn: true, valueFen: true, valueMonths: true, documentKind: true } as const;

/**
 * The approved exceptions that can bear on one case: its own, and its enterprise's cooling
 * waivers (the cooling period belongs to the enterprise, not to one case). Expiry is judged by
 * the pure rules on the day given.
 */
export async function approvedExceptionsFor(client: Client, app: { id: string; enterpriseId: string }): Promise<ExceptionRecord[]> {
  return client.policyException.findMany({ where: bearingOn(app), select: SELECT });
}

/** The rows approvedExceptionsFor reads, as a condition (the case page reads them with its own list). */
export const bearingOn = (app: { id: string; enterpriseId: string }): Prisma.PolicyExceptionWhereInput => ({
  status: "APPROVED",
  OR: [{ applicationId: app.id }, { enterpriseId: app.enterpriseId, type: "COOLING_WAIVED" }],
});

/**
 * What this case may reach today under `policy` and its exceptions in force. `known`: the rows
 * approvedExceptionsFor reads, when the caller reads them for another use too (the applicant's
 * case page: the checklist's waivers are among them).
 */
export async function limitsForCase(
  app: { id: string; enterpriseId: string },
  policy: Ceilings,
  client: Client = db,
  today: string = beijingToday(),
  known?: ExceptionRecord[] | Promise<ExceptionRecord[]>,
): Promise<CaseLimits> {
  return caseLimits(policy, await (known ?? approvedExceptionsFor(client, app)), today);
}
