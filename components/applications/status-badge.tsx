import { getTranslations } from "next-intl/server";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { StatusBadgeWith } from "@/components/applications/status-badge-with";

export { StatusBadgeWith };

export async function StatusBadge({ status }: { status: ApplicationStatus }) {
  const t = await getTranslations("status");
  return <StatusBadgeWith status={status} label={t(status)} />;
}
