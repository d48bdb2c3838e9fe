import { getTranslations } from "next-intl/server";
import type { BatchStatus } from "@/lib/generated/prisma/enums";

const TONE = {
  OPEN: "amber",
  VERIFIED: "grey",
  MAKER_APPROVED: "grey",
  APPROVED: "grey",
  PAID: "green",
  RECONCILED: "green",
} as const satisfies Record<BatchStatus, "amber" | "grey" | "green">;

export async function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const t = await getTranslations("subsidy.status");
  return <span className={`badge badge--${TONE[status]}`} data-status={status}>{t(status)}</span>;
}
