import "server-only";
import { db } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/roles";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { applicationScope } from "@/lib/applications/scope";
import type { ApplicationSummary } from "@/lib/applications/queries";

/** The statuses each organisation type works on, the first being its default tab. */
export const QUEUE_STATUSES = {
  SUPPORT_CENTER: ["CENTER_REVIEW", "RETURNED", "EXPIRED"],
  GUARANTOR: ["GUARANTOR_REVIEW"],
  BANK: ["BANK_REVIEW", "CONTRACTING", "ACTIVE"],
  DISTRICT_UNION: ["DRAFT", "CENTER_REVIEW", "RETURNED"],
} as const satisfies Record<StaffActor["organisationType"], readonly ApplicationStatus[]>;

export type QueuePage = { rows: ApplicationSummary[]; nextCursor: string | null };

/** One queue tab: green channel first, then the nearest deadline; keyset paging on that order. */
export async function listQueue(
  actor: StaffActor,
  options: { status?: ApplicationStatus; cursor?: string | null; pageSize?: number } = {},
): Promise<QueuePage> {
  const statuses: readonly ApplicationStatus[] = QUEUE_STATUSES[actor.organisationType];
  const status = options.status && statuses.includes(options.status) ? options.status : statuses[0]!;
  const pageSize = options.pageSize ?? 50;
  const rows = await db.loanApplication.findMany({
    where: { AND: [applicationScope(actor), { status }] },
    orderBy: [{ greenChannel: "desc" }, { stageDueAt: "asc" }, { id: "asc" }],
    take: pageSize + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      number: true,
      kind: true,
      status: true,
      amountFen: true,
      termMonths: true,
      greenChannel: true,
      updatedAt: true,
      stageDueAt: true,
      returnDueAt: true,
      enterprise: { select: { name: true } },
    },
  });
  const page = rows.slice(0, pageSize).map(({ enterprise, ...r }) => ({ ...r, enterpriseName: enterprise.name }));
  return { rows: page, nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null };
}
