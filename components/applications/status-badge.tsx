import { getTranslations } from "next-intl/server";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { statusTone } from "@/lib/applications/labels";

export async function StatusBadge({ status }: { status: ApplicationStatus }) {
  const t = await getTranslations("status");
  return <span className={`badge badge--${statusTone(status)}`} data-status={status}>{t(status)}</span>;
}
