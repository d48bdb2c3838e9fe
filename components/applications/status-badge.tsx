import { getTranslations } from "next-intl/server";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { statusTone } from "@/lib/applications/labels";

export async function StatusBadge({ status }: { status: ApplicationStatus }) {
  const t = await getTranslations("status");
  return <StatusBadgeWith status={status} label={t(status)} />;
}

/** The badge with its words already looked up: a table of many rows translates once, not per row. */
export function StatusBadgeWith({ status, label }: { status: ApplicationStatus; label: string }) {
  return <span className={`badge badge--${statusTone(status)}`} data-status={status}>{label}</span>;
}
